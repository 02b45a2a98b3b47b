#pragma once
// Bounded Dijkstra on the REVERSED riding graph: from seeds (parking spots near a station, each
// with the riding distance still to go from that node to the spot), settles every node from which
// a rider can reach some spot within the budget, obeying one-way streets. One instance per thread;
// timestamped labels, no per-query allocation.
#include <cstdint>
#include <utility>
#include <vector>

#include "engine/network/ride_graph.hpp"

namespace yz {

class RideSearch {
 public:
  explicit RideSearch(const RideGraph& g);

  // Seeds: (node, riding metres from that node to its parking spot).
  void run(const std::vector<std::pair<NodeId, float>>& seeds, float budget_m);
  // Riding metres from u to the nearest spot, kInf when not within the budget.
  float dist(NodeId u) const {
    return label_[u].stamp == now_ && label_[u].dist <= budget_ ? label_[u].dist : kInf;
  }
  const std::vector<NodeId>& settled() const { return settled_; }  // in settling order
  float budget() const { return budget_; }
  static constexpr float kInf = 3.0e38f;

 private:
  void relax(NodeId u, float d);

  const RideGraph& g_;
  struct Label {
    float dist;
    uint32_t stamp;
  };
  std::vector<Label> label_;
  std::vector<uint32_t> done_stamp_;
  std::vector<std::pair<float, NodeId>> heap_;  // min-heap with lazy deletion
  std::vector<NodeId> settled_;
  uint32_t now_ = 0;
  float budget_ = 0;
};

}  // namespace yz
