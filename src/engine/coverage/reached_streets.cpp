#include "engine/coverage/reached_streets.hpp"

#include <algorithm>

namespace yz {

ReachedStreets reached_streets(const WalkGraph& g, const WalkSearch& s) {
  ReachedStreets out;
  const float B = s.budget();
  // Each touched edge once, with its ends and length read off an arc.
  struct Touched {
    EdgeId e;
    NodeId tail, head;
    float len;
    bool operator<(const Touched& o) const { return e < o.e; }
  };
  std::vector<Touched> edges;
  for (NodeId u : s.settled())
    for (ArcId a = g.first_out[u]; a < g.first_out[u + 1]; ++a) {
      const EdgeId e = g.arc_edge[a];
      const NodeId t = g.edge_tail[e];
      edges.push_back({e, t, t == u ? g.arcs[a].head : u, g.arcs[a].length_m});
    }
  const Snap& src = s.source();
  if (src.usable()) edges.push_back({src.edge, src.tail, src.head, src.edge_length_m});
  std::sort(edges.begin(), edges.end());
  edges.erase(std::unique(edges.begin(), edges.end(),
                          [](const Touched& a, const Touched& b) { return a.e == b.e; }),
              edges.end());
  // Intervals [a,b] along the edge within budget, merged (as reached_pieces does).
  std::vector<std::pair<double, double>> iv, merged;
  for (const auto& [e, tail, head, len] : edges) {
    const float dt = s.dist(tail), dh = s.dist(head);
    iv.clear();
    if (dt <= B) iv.emplace_back(0.0, std::min<double>(len, B - dt));
    if (dh <= B) iv.emplace_back(std::max<double>(0.0, len - (B - dh)), len);
    if (src.usable() && src.edge == e && src.access_m <= B) {
      const double r = B - src.access_m;
      iv.emplace_back(std::max<double>(0.0, src.offset_m - r),
                      std::min<double>(len, src.offset_m + r));
    }
    if (iv.empty()) continue;
    std::sort(iv.begin(), iv.end());
    merged.assign(1, iv[0]);
    for (size_t i = 1; i < iv.size(); ++i) {
      if (iv[i].first <= merged.back().second)
        merged.back().second = std::max(merged.back().second, iv[i].second);
      else
        merged.push_back(iv[i]);
    }
    for (auto [a, b] : merged) {
      if (b - a <= 0.01) continue;
      if (a <= 0 && b >= len)
        out.whole.push_back(e);
      else
        out.partial.push_back({e, static_cast<float>(a), static_cast<float>(b)});
    }
  }
  out.whole.shrink_to_fit();
  out.partial.shrink_to_fit();
  return out;
}

std::vector<std::vector<Vec2>> street_polylines(const WalkGraph& g, const ReachedStreets& r) {
  std::vector<std::vector<Vec2>> out;
  out.reserve(r.whole.size() + r.partial.size());
  for (EdgeId e : r.whole)
    out.emplace_back(g.geom.begin() + g.geom_first[e], g.geom.begin() + g.geom_first[e + 1]);
  for (const auto& p : r.partial) {
    std::vector<Vec2> piece;
    g.edge_piece(p.edge, p.from_m, p.to_m, piece);
    out.push_back(std::move(piece));
  }
  return out;
}

}  // namespace yz
