#include "engine/network/walk_search.hpp"

#include <algorithm>
#include <cmath>

namespace yz {

WalkSearch::WalkSearch(const WalkGraph& g)
    : g_(g), dist_(g.node_count(), kInf), stamp_(g.node_count(), 0), heap_pos_(g.node_count(), 0) {
  heap_.reserve(1024);
  settled_.reserve(1024);
}

void WalkSearch::begin(float budget_m) {
  if (++now_ == 0) {  // timestamp wrapped: clear once every 4 billion searches
    std::fill(stamp_.begin(), stamp_.end(), 0);
    now_ = 1;
  }
  budget_ = budget_m;
  heap_.clear();
  settled_.clear();
  source_ = Snap{};
}

void WalkSearch::sift_up(uint32_t i) {
  const NodeId u = heap_[i];
  const float d = dist_[u];
  while (i > 0) {
    const uint32_t p = (i - 1) / 4;
    if (dist_[heap_[p]] <= d) break;
    heap_[i] = heap_[p];
    heap_pos_[heap_[i]] = i + 1;
    i = p;
  }
  heap_[i] = u;
  heap_pos_[u] = i + 1;
}

void WalkSearch::sift_down(uint32_t i) {
  const NodeId u = heap_[i];
  const float d = dist_[u];
  const uint32_t n = static_cast<uint32_t>(heap_.size());
  for (;;) {
    const uint32_t c0 = 4 * i + 1;
    if (c0 >= n) break;
    uint32_t best = c0;
    float bd = dist_[heap_[c0]];
    const uint32_t cend = std::min(c0 + 4, n);
    for (uint32_t c = c0 + 1; c < cend; ++c) {
      const float cd = dist_[heap_[c]];
      if (cd < bd) bd = cd, best = c;
    }
    if (bd >= d) break;
    heap_[i] = heap_[best];
    heap_pos_[heap_[i]] = i + 1;
    i = best;
  }
  heap_[i] = u;
  heap_pos_[u] = i + 1;
}

void WalkSearch::push_or_decrease(NodeId u, float d) {
  if (d > budget_) return;
  if (stamp_[u] != now_) {
    stamp_[u] = now_;
    dist_[u] = d;
    heap_.push_back(u);
    sift_up(static_cast<uint32_t>(heap_.size() - 1));
  } else if (d < dist_[u]) {
    dist_[u] = d;
    if (heap_pos_[u]) sift_up(heap_pos_[u] - 1);  // settled nodes never improve
  }
}

NodeId WalkSearch::pop_min() {
  const NodeId u = heap_[0];
  heap_pos_[u] = 0;
  const NodeId last = heap_.back();
  heap_.pop_back();
  if (!heap_.empty()) {
    heap_[0] = last;
    sift_down(0);
  }
  return u;
}

void WalkSearch::settle_all() {
  while (!heap_.empty()) {
    const NodeId u = pop_min();
    settled_.push_back(u);
    const float du = dist_[u];
    for (ArcId a = g_.first_out[u], end = g_.first_out[u + 1]; a < end; ++a)
      push_or_decrease(g_.arc_head[a], du + g_.arc_length_m[a]);
  }
}

void WalkSearch::run(const Snap& from, float budget_m) {
  begin(budget_m);
  source_ = from;
  if (!from.usable()) return;
  const EdgeId e = from.edge;
  push_or_decrease(g_.edge_tail[e], from.access_m + from.offset_m);
  push_or_decrease(g_.edge_head[e], from.access_m + (g_.edge_length_m[e] - from.offset_m));
  settle_all();
}

void WalkSearch::run_from_node(NodeId s, float budget_m) {
  begin(budget_m);
  push_or_decrease(s, 0);
  settle_all();
}

float WalkSearch::distance_to(const Snap& to) const {
  if (!to.usable()) return kInf;
  const EdgeId e = to.edge;
  float best = kInf;
  const float dt = dist(g_.edge_tail[e]), dh = dist(g_.edge_head[e]);
  if (dt < kInf) best = std::min(best, dt + to.offset_m);
  if (dh < kInf) best = std::min(best, dh + (g_.edge_length_m[e] - to.offset_m));
  if (source_.usable() && source_.edge == e)
    best = std::min(best, source_.access_m + std::fabs(source_.offset_m - to.offset_m));
  if (best == kInf) return kInf;
  best += to.access_m;
  return best <= budget_ ? best : kInf;
}

}  // namespace yz
