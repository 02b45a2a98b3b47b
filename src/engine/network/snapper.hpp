#pragma once
// Snaps points to the nearest point on the walk network (Boost.Geometry R-tree over edge
// segments), reporting points off the network or on tiny islands instead of accepting them.
#include <memory>
#include <vector>

#include "engine/network/snap.hpp"
#include "engine/network/walk_graph.hpp"

namespace yz {

struct SnapOptions {
  double max_snap_m = 250;      // farther than this from any street: off-network
  double island_max_m = 1000;   // a component that is not the largest and has less street than this is an island
  // The same options with the island rule off (`--island-m 0`): every point takes its nearest
  // street.
  SnapOptions without_joins() const {
    SnapOptions o = *this;
    o.island_max_m = 0;
    return o;
  }
};

class Snapper {
 public:
  explicit Snapper(const WalkGraph& g);
  ~Snapper();
  Snapper(Snapper&&) noexcept;
  Snapper& operator=(Snapper&&) noexcept;

  Snap snap(Vec2 p, const SnapOptions& opt = {}) const;
  std::vector<Snap> snap_all(const std::vector<Vec2>& pts, const SnapOptions& opt = {}) const;  // parallel
  bool is_island(uint32_t component, const SnapOptions& opt) const;
  // Where a point joined off an island (SnapStatus::moved_off_island) would snap with the rule
  // off: its nearest street, on the island piece. Any other snap is the same either way.
  Snap snap_without_joins(Vec2 p, const SnapOptions& opt) const {
    return snap(p, opt.without_joins());
  }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;  // holds all it needs from the graph: no pointer back to it
};

}  // namespace yz
