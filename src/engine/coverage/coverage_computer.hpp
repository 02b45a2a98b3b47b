#pragma once
// Decides what each station covers: a bounded walk search from its snapped point (demand on the
// reached edges, partial edges included) and a straight-line radius query. Never a distance matrix.
#include <vector>

#include "engine/coverage/demand_index.hpp"
#include "engine/coverage/reached_streets.hpp"
#include "engine/coverage/site_cover.hpp"
#include "engine/network/walk_search.hpp"
#include "engine/util/progress.hpp"

namespace yz {

// Per-thread scratch space for coverage searches.
struct CoverScratch {
  explicit CoverScratch(const WalkGraph& g) : search(g), edge_stamp(g.edge_count(), 0) {}
  WalkSearch search;
  std::vector<uint32_t> edge_stamp;
  uint32_t now = 0;
};

class CoverageComputer {
 public:
  CoverageComputer(const WalkGraph& g, const Snapper& snapper, const DemandIndex& demand,
                   CoverageParams params);

  const CoverageParams& params() const { return params_; }
  const WalkGraph& graph() const { return g_; }
  const Snapper& snapper() const { return snapper_; }
  const DemandIndex& demand() const { return demand_; }

  Snap snap(Vec2 site_xy) const { return snapper_.snap(site_xy, params_.snap); }
  // Coverage of one site; leaves the walk search in `scratch` (for walk-area polygons). Also what
  // the island rule changes for it (SiteCover::join_gain, join_loss).
  SiteCover cover(Vec2 site_xy, const Snap& s, CoverScratch& scratch) const;
  // All sites, in parallel; snaps returned through `snaps` when given, and each site's reached
  // street pieces (for drawing its walk) through `pieces` (polylines) or `reached` (compact).
  std::vector<SiteCover> cover_all(const std::vector<Vec2>& sites,
                                   std::vector<Snap>* snaps = nullptr,
                                   const Progress& progress = {},
                                   std::vector<std::vector<std::vector<Vec2>>>* pieces = nullptr,
                                   std::vector<ReachedStreets>* reached = nullptr) const;

 private:
  // Calls fn(e) once for every edge the last search in `sc` (from s) may reach demand on.
  template <class Fn>
  void visit_reached_edges(const Snap& s, CoverScratch& sc, Fn&& fn) const;

  const WalkGraph& g_;
  const Snapper& snapper_;
  const DemandIndex& demand_;
  CoverageParams params_;
};

}  // namespace yz
