#pragma once
// What the island rule (`--island-m`, SnapStatus::moved_off_island) joined: each station or
// worker whose nearest street is a small disconnected piece and that joins the main network
// instead. The search walks it straight from its position to the main street (the "connecting
// segment", counted as off-street walk), past the piece. Reports and the `joins` layer say how many
// pieces and workers this concerns; CoverageSummary::joins says how much coverage rests on it.
#include <cstdint>
#include <vector>

#include "engine/coverage/coverage_study.hpp"

namespace yz {

struct Join {
  bool site = false;   // a station (else a demand point)
  uint32_t index = 0;  // into the study's sites or demand
  uint32_t piece = 0;  // the piece's component id (WalkGraph::node_component)
  Vec2 xy;             // the point (metric)
  double weight = 0;   // workers (demand weight); 0 for a station
  Snap joined,
      unjoined;  // with the rule (main network) and without it (nearest street, on the piece)
  // How much farther the point walks off-street because it was joined.
  double extra_off_street_m() const { return joined.access_m - unjoined.access_m; }
};

struct JoinSummary {
  double island_max_m = 0;     // the rule's threshold; 0 = off
  uint32_t pieces = 0;         // distinct pieces points were joined off
  uint32_t demand_points = 0;  // demand points joined
  double demand_weight = 0;    // their workers
  uint32_t sites = 0;          // stations joined
  double mean_extra_m = 0;     // extra off-street walk of joined demand, weighted by workers
};

// Stations first (by index), then demand points (by index).
std::vector<Join> list_joins(const WalkGraph& g, const Snapper& snapper, const SnapOptions& opt,
                             const DemandIndex& demand, const PointSet& demand_points,
                             const std::vector<Vec2>& site_xy, const std::vector<Snap>& site_snaps);
std::vector<Join> list_joins(const CoverageStudy& st);
JoinSummary summarize_joins(const std::vector<Join>& joins, double island_max_m);
JoinSummary join_summary(const CoverageStudy& st);

}  // namespace yz
