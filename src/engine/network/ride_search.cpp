#include "engine/network/ride_search.hpp"

#include <algorithm>
#include <functional>

namespace yz {

RideSearch::RideSearch(const RideGraph& g)
    : g_(g), label_(g.node_count(), Label{kInf, 0}), done_stamp_(g.node_count(), 0) {
  heap_.reserve(1024);
  settled_.reserve(1024);
}

void RideSearch::relax(NodeId u, float d) {
  if (d > budget_) return;
  Label& l = label_[u];
  if (l.stamp == now_ && l.dist <= d) return;
  l = {d, now_};
  heap_.emplace_back(d, u);
  std::push_heap(heap_.begin(), heap_.end(), std::greater<>());
}

void RideSearch::run(const std::vector<std::pair<NodeId, float>>& seeds, float budget_m) {
  if (++now_ == 0) {  // timestamp wrapped: clear once every 4 billion searches
    for (auto& l : label_) l.stamp = 0;
    std::fill(done_stamp_.begin(), done_stamp_.end(), 0);
    now_ = 1;
  }
  budget_ = budget_m;
  heap_.clear();
  settled_.clear();
  for (auto [u, d] : seeds) relax(u, d);
  while (!heap_.empty()) {
    std::pop_heap(heap_.begin(), heap_.end(), std::greater<>());
    const auto [d, u] = heap_.back();
    heap_.pop_back();
    if (done_stamp_[u] == now_ || d > label_[u].dist) continue;
    done_stamp_[u] = now_;
    settled_.push_back(u);
    for (ArcId a = g_.first_in[u]; a < g_.first_in[u + 1]; ++a)
      relax(g_.in_arcs[a].head, d + g_.in_arcs[a].length_m);
  }
}

}  // namespace yz
