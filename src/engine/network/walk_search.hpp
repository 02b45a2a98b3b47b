#pragma once
// Bounded Dijkstra on the walk graph from a snapped point: settles every node within a walking
// budget (metres). Reusable scratch space (timestamps, no per-query allocation) and an indexed
// 4-ary heap. One instance per thread.
#include <cstdint>
#include <vector>

#include "engine/network/snap.hpp"
#include "engine/network/walk_graph.hpp"

namespace yz {

class WalkSearch {
 public:
  explicit WalkSearch(const WalkGraph& g);

  // Searches from `from` (both directions along its edge, off-street distance included) and
  // settles every node whose distance is <= budget_m.
  void run(const Snap& from, float budget_m);
  // Same, from a node (used by tests and the unbounded reference).
  void run_from_node(NodeId s, float budget_m);

  bool reached(NodeId u) const { return label_[u].stamp == now_ && label_[u].dist <= budget_; }
  float dist(NodeId u) const { return label_[u].stamp == now_ ? label_[u].dist : kInf; }
  const std::vector<NodeId>& settled() const { return settled_; }  // in settling order
  float budget() const { return budget_; }
  const Snap& source() const { return source_; }

  // Walking distance (off-street at both ends included) to a snapped point; kInf if beyond budget.
  float distance_to(const Snap& to) const;
  static constexpr float kInf = 3.0e38f;

 private:
  void push_or_decrease(NodeId u, float d);
  NodeId pop_min();
  void sift_up(uint32_t i);
  void sift_down(uint32_t i);
  void begin(float budget_m);
  void settle_all();

  const WalkGraph& g_;
  // Distance and the search it belongs to, side by side (one cache line visit per node).
  struct Label {
    float dist;
    uint32_t stamp;
  };
  std::vector<Label> label_;
  std::vector<uint32_t> heap_pos_;  // position in heap_ + 1, 0 = settled/not in heap
  std::vector<NodeId> heap_;
  std::vector<NodeId> settled_;
  uint32_t now_ = 0;
  float budget_ = 0;
  Snap source_;
};

}  // namespace yz
