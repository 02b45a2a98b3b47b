#include "engine/coverage/walk_area.hpp"

#include "engine/coverage/walk_area_cells.hpp"
#include "engine/geo/geos_ops.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace yz {

void WalkAreaOptions::validate() const {
  check_param("area_half_width_m", half_width_m, kHalfWidthM);
}

std::vector<std::vector<Vec2>> reached_pieces(const WalkGraph& g, const WalkSearch& s) {
  std::vector<std::vector<Vec2>> out;
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
  for (const auto& [e, tail, head, len] : edges) {
    const float dt = s.dist(tail), dh = s.dist(head);
    // Intervals [a,b] along the edge within budget.
    std::vector<std::pair<double, double>> iv;
    if (dt <= B) iv.emplace_back(0.0, std::min<double>(len, B - dt));
    if (dh <= B) iv.emplace_back(std::max<double>(0.0, len - (B - dh)), len);
    if (src.usable() && src.edge == e && src.access_m <= B) {
      const double r = B - src.access_m;
      iv.emplace_back(std::max<double>(0.0, src.offset_m - r),
                      std::min<double>(len, src.offset_m + r));
    }
    if (iv.empty()) continue;
    std::sort(iv.begin(), iv.end());
    std::vector<std::pair<double, double>> merged{iv[0]};
    for (size_t i = 1; i < iv.size(); ++i) {
      if (iv[i].first <= merged.back().second)
        merged.back().second = std::max(merged.back().second, iv[i].second);
      else
        merged.push_back(iv[i]);
    }
    for (auto [a, b] : merged) {
      if (b - a <= 0.01) continue;
      std::vector<Vec2> piece;
      g.edge_piece(e, a, b, piece);
      out.push_back(std::move(piece));
    }
  }
  return out;
}

MultiPolygon buffer_lines(const std::vector<std::vector<Vec2>>& lines, const WalkAreaOptions& opt) {
  return buffer_polylines(lines, opt.half_width_m, opt.quadrant_segments);
}

MultiPolygon walk_area(const WalkGraph& g, const WalkSearch& search, const WalkAreaOptions& opt) {
  return buffer_lines(reached_pieces(g, search), opt);
}

MultiPolygon walk_area(const WalkGraph& g, const ReachedStreets& reached,
                       const WalkAreaOptions& opt) {
  if (reached.empty()) return {};
  return std::move(walk_areas(g, std::vector<ReachedStreets>{reached}, opt).front());
}

std::vector<MultiPolygon> walk_areas(const WalkGraph& g, const std::vector<ReachedStreets>& reached,
                                     const WalkAreaOptions& opt, const Progress& progress) {
  return WalkAreaCells(g, opt).areas(reached, progress);
}

}  // namespace yz
