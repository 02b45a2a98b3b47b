#pragma once
// Demand points prepared for coverage: snapped to the walk graph and indexed by edge (for the
// walk test) and by a uniform grid (for the radius test).
#include <vector>

#include "engine/coverage/coverage_params.hpp"
#include "engine/inputs/point_set.hpp"
#include "engine/network/snapper.hpp"
#include "engine/network/walk_graph.hpp"

namespace yz {

class DemandIndex {
 public:
  DemandIndex(const WalkGraph& g, const Snapper& snapper, const PointSet& demand, const SnapOptions& opt,
              double grid_cell_m = 500);

  const PointSet& points() const { return *demand_; }
  // The PointSet object moved (its buffers did not): refer to it at its new address.
  void rebind(const PointSet& demand) { demand_ = &demand; }
  const std::vector<Snap>& snaps() const { return snaps_; }
  size_t size() const { return snaps_.size(); }
  // Demand ids snapped onto edge e.
  const uint32_t* on_edge_begin(EdgeId e) const { return edge_items_.data() + edge_first_[e]; }
  const uint32_t* on_edge_end(EdgeId e) const { return edge_items_.data() + edge_first_[e + 1]; }
  // Demand ids within radius_m (straight line) of p, sorted.
  void within(Vec2 p, double radius_m, std::vector<uint32_t>& out) const;

 private:
  const PointSet* demand_;
  std::vector<Snap> snaps_;
  std::vector<uint32_t> edge_first_, edge_items_;
  // grid
  double cell_m_;
  Vec2 origin_;
  int nx_ = 0, ny_ = 0;
  std::vector<uint32_t> cell_first_, cell_items_;
};

}  // namespace yz
