#include "engine/network/walk_search.hpp"

#include <algorithm>
#include <cmath>

namespace yz {

WalkSearch::WalkSearch(const WalkGraph& g)
    : g_(g), label_(g.node_count(), Label{kInf, 0}), heap_pos_(g.node_count(), 0) {
  heap_.reserve(1024);
  settled_.reserve(1024);
}

void WalkSearch::begin(float budget_m) {
  if (++now_ == 0) {  // timestamp wrapped: clear once every 4 billion searches
    for (auto& l : label_) l.stamp = 0;
    now_ = 1;
  }
  budget_ = budget_m;
  heap_.clear();
  settled_.clear();
  source_ = Snap{};
}

void WalkSearch::sift_up(uint32_t i) {
  const NodeId u = heap_[i];
  const float d = label_[u].dist;
  while (i > 0) {
    const uint32_t p = (i - 1) / 4;
    if (label_[heap_[p]].dist <= d) break;
    heap_[i] = heap_[p];
    heap_pos_[heap_[i]] = i + 1;
    i = p;
  }
  heap_[i] = u;
  heap_pos_[u] = i + 1;
}

void WalkSearch::sift_down(uint32_t i) {
  const NodeId u = heap_[i];
  const float d = label_[u].dist;
  const uint32_t n = static_cast<uint32_t>(heap_.size());
  for (;;) {
    const uint32_t c0 = 4 * i + 1;
    if (c0 >= n) break;
    uint32_t best = c0;
    float bd = label_[heap_[c0]].dist;
    const uint32_t cend = std::min(c0 + 4, n);
    for (uint32_t c = c0 + 1; c < cend; ++c) {
      const float cd = label_[heap_[c]].dist;
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
  Label& l = label_[u];
  if (l.stamp != now_) {
    l = {d, now_};
    heap_.push_back(u);
    sift_up(static_cast<uint32_t>(heap_.size() - 1));
  } else if (d < l.dist) {
    l.dist = d;
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
    const float du = label_[u].dist;
    for (ArcId a = g_.first_out[u], end = g_.first_out[u + 1]; a < end; ++a)
      push_or_decrease(g_.arcs[a].head, du + g_.arcs[a].length_m);
  }
}

void WalkSearch::run(const Snap& from, float budget_m) {
  begin(budget_m);
  source_ = from;
  if (!from.usable()) return;
  push_or_decrease(from.tail, from.access_m + from.offset_m);
  push_or_decrease(from.head, from.access_m + (from.edge_length_m - from.offset_m));
  settle_all();
}

void WalkSearch::run_from_node(NodeId s, float budget_m) {
  begin(budget_m);
  push_or_decrease(s, 0);
  settle_all();
}

float WalkSearch::distance_to(const Snap& to) const {
  if (!to.usable()) return kInf;
  float best = kInf;
  const float dt = dist(to.tail), dh = dist(to.head);
  if (dt < kInf) best = std::min(best, dt + to.offset_m);
  if (dh < kInf) best = std::min(best, dh + (to.edge_length_m - to.offset_m));
  if (source_.usable() && source_.edge == to.edge)
    best = std::min(best, source_.access_m + std::fabs(source_.offset_m - to.offset_m));
  if (best == kInf) return kInf;
  best += to.access_m;
  return best <= budget_ ? best : kInf;
}

}  // namespace yz
