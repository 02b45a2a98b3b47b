#pragma once
// Demand points prepared for coverage: snapped to the walk graph and indexed by edge (for the
// walk test) and by a uniform grid (for the radius test). Keeps no reference to the PointSet, so
// its owner (CoverageStudy) moves freely.
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

  const std::vector<Snap>& snaps() const { return snaps_; }
  size_t size() const { return snaps_.size(); }
  // Demand ids snapped onto edge e.
  const uint32_t* on_edge_begin(EdgeId e) const { return edge_items_.data() + edge_first_[e]; }
  const uint32_t* on_edge_end(EdgeId e) const { return edge_items_.data() + edge_first_[e + 1]; }
  // Demand ids within radius_m (straight line) of p, sorted.
  void within(Vec2 p, double radius_m, std::vector<uint32_t>& out) const;

  // Points joined off an island (SnapStatus::moved_off_island), sorted, and where each would snap
  // with the rule off (`--island-m 0`): what coverage without joins is computed from.
  const std::vector<uint32_t>& joined() const { return joined_; }
  const std::vector<Snap>& unjoined_snaps() const { return unjoined_; }  // same order as joined()
  bool is_joined(uint32_t d) const { return snaps_[d].status == SnapStatus::moved_off_island; }
  // The snap of demand d with the rule off.
  const Snap& snap_without_joins(uint32_t d) const;
  // Joined demand ids whose snap with the rule off lies on edge e.
  const uint32_t* unjoined_on_edge_begin(EdgeId e) const {
    return unjoined_items_.data() + unjoined_first_[e];
  }
  const uint32_t* unjoined_on_edge_end(EdgeId e) const {
    return unjoined_items_.data() + unjoined_first_[e + 1];
  }

 private:
  std::vector<Snap> snaps_;
  std::vector<uint32_t> edge_first_, edge_items_;
  std::vector<uint32_t> joined_;
  std::vector<Snap> unjoined_;
  std::vector<uint32_t> unjoined_first_, unjoined_items_;  // edge -> joined demand ids (rule off)
  // grid
  double cell_m_;
  Vec2 origin_;
  int nx_ = 0, ny_ = 0;
  std::vector<uint32_t> cell_first_, cell_items_;
  std::vector<Vec2> cell_xy_;  // the items' positions (the index keeps no pointer to the demand)
};

}  // namespace yz
