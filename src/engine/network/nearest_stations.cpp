#include "engine/network/nearest_stations.hpp"

#include <algorithm>
#include <cmath>
#include <queue>
#include <tuple>

namespace yz {

void TwoNearest::offer(float d, uint32_t s) {
  if (s == s1) {
    d1 = std::min(d1, d);
  } else if (d < d1 || (d == d1 && s < s1)) {
    d2 = d1, s2 = s1;
    d1 = d, s1 = s;
    return;
  } else if (s == s2) {
    d2 = std::min(d2, d);
  } else if (d < d2 || (d == d2 && s < s2)) {
    d2 = d, s2 = s;
  }
  if (d2 < d1 || (d2 == d1 && s2 < s1)) std::swap(d1, d2), std::swap(s1, s2);
}

NearestStations::NearestStations(const WalkGraph& g, std::vector<Snap> stations, float max_m)
    : g_(g), stations_(std::move(stations)), max_m_(max_m), node_(g.node_count()) {
  // Lazy-deletion Dijkstra over (distance, node, station) labels; a node settles at most twice,
  // once per distinct station. Ties broken by station index so results are deterministic.
  using Item = std::tuple<float, NodeId, uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
  std::vector<uint8_t> settled(g.node_count(), 0);
  for (uint32_t s = 0; s < stations_.size(); ++s) {
    const Snap& sn = stations_[s];
    if (!sn.usable()) continue;
    on_edge_.emplace_back(sn.edge, s);
    const float to_tail = sn.access_m + sn.offset_m,
                to_head = sn.access_m + (sn.edge_length_m - sn.offset_m);
    if (to_tail <= max_m_) heap.emplace(to_tail, sn.tail, s);
    if (to_head <= max_m_) heap.emplace(to_head, sn.head, s);
  }
  std::sort(on_edge_.begin(), on_edge_.end());
  while (!heap.empty()) {
    const auto [d, u, s] = heap.top();
    heap.pop();
    TwoNearest& L = node_[u];
    if (settled[u] == 2 || (settled[u] == 1 && L.s1 == s)) continue;
    if (settled[u] == 0)
      L.d1 = d, L.s1 = s;
    else
      L.d2 = d, L.s2 = s;
    ++settled[u];
    for (ArcId a = g.first_out[u], end = g.first_out[u + 1]; a < end; ++a) {
      const NodeId v = g.arcs[a].head;
      const float dv = d + g.arcs[a].length_m;
      if (dv > max_m_ || settled[v] == 2 || (settled[v] == 1 && node_[v].s1 == s)) continue;
      heap.emplace(dv, v, s);
    }
  }
}

TwoNearest NearestStations::on_edge(EdgeId e, NodeId tail, NodeId head, float length_m,
                                    float t) const {
  TwoNearest r;
  const TwoNearest& a = node_[tail];
  const TwoNearest& b = node_[head];
  if (a.s1 != kInvalidId) r.offer(a.d1 + t, a.s1);
  if (a.s2 != kInvalidId) r.offer(a.d2 + t, a.s2);
  if (b.s1 != kInvalidId) r.offer(b.d1 + (length_m - t), b.s1);
  if (b.s2 != kInvalidId) r.offer(b.d2 + (length_m - t), b.s2);
  for (auto it = std::lower_bound(on_edge_.begin(), on_edge_.end(), std::make_pair(e, uint32_t{0}));
       it != on_edge_.end() && it->first == e; ++it) {
    const Snap& s = stations_[it->second];
    r.offer(s.access_m + std::fabs(s.offset_m - t), it->second);
  }
  return r;
}

TwoNearest NearestStations::at(const Snap& p) const {
  TwoNearest r;
  if (!p.usable()) return r;
  const TwoNearest e = on_edge(p.edge, p.tail, p.head, p.edge_length_m, p.offset_m);
  if (e.s1 != kInvalidId && e.d1 + p.access_m <= max_m_) r.offer(e.d1 + p.access_m, e.s1);
  if (e.s2 != kInvalidId && e.d2 + p.access_m <= max_m_) r.offer(e.d2 + p.access_m, e.s2);
  return r;
}

}  // namespace yz
