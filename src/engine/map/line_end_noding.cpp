#include "engine/map/line_end_noding.hpp"

#include <algorithm>
#include <cmath>

namespace yz {

namespace {

struct Insert {
  uint32_t seg;  // index of the segment's first point in lines.points
  double t;      // position along the segment, 0..1
  Vec2 p;        // the line end's exact coordinates (the graph builder joins equal points)
};

}  // namespace

size_t node_line_ends(RoadLines& L, double tol) {
  if (L.size() == 0) return 0;
  // Uniform grid over walkable segments: (cell, segment) pairs sorted by cell.
  const Box box = L.bounds();
  const double cell = 50.0;
  const auto cx = [&](double x) {
    return static_cast<int64_t>(std::floor((x - box.min.x) / cell));
  };
  const auto cy = [&](double y) {
    return static_cast<int64_t>(std::floor((y - box.min.y) / cell));
  };
  const auto key = [](int64_t x, int64_t y) {
    return static_cast<uint64_t>(x) << 32 | static_cast<uint32_t>(y);
  };
  std::vector<std::pair<uint64_t, uint32_t>> grid;
  for (size_t i = 0; i < L.size(); ++i) {
    if (!L.walkable[i]) continue;
    for (uint32_t k = L.first[i]; k + 1 < L.first[i + 1]; ++k) {
      const Vec2 a = L.points[k], b = L.points[k + 1];
      for (int64_t x = cx(std::min(a.x, b.x) - tol); x <= cx(std::max(a.x, b.x) + tol); ++x)
        for (int64_t y = cy(std::min(a.y, b.y) - tol); y <= cy(std::max(a.y, b.y) + tol); ++y)
          grid.emplace_back(key(x, y), k);
    }
  }
  std::sort(grid.begin(), grid.end());
  std::vector<Insert> ins;
  for (size_t i = 0; i < L.size(); ++i) {
    if (!L.walkable[i]) continue;
    const uint32_t b = L.first[i], e = L.first[i + 1];
    for (const uint32_t end : {b, e - 1}) {
      const Vec2 p = L.points[end];
      const uint64_t c = key(cx(p.x), cy(p.y));
      auto it = std::lower_bound(grid.begin(), grid.end(), std::make_pair(c, uint32_t{0}));
      for (; it != grid.end() && it->first == c; ++it) {
        const uint32_t k = it->second;
        if (k == end || k + 1 == end) continue;  // the end's own segment
        const Vec2 a = L.points[k], ab = L.points[k + 1] - a;
        const double l2 = dot(ab, ab);
        if (l2 <= 0) continue;
        const double t = dot(p - a, ab) / l2;
        if (t <= 0 || t >= 1 || distance(p, a + ab * t) > tol) continue;
        if (distance(p, a) <= tol || distance(p, L.points[k + 1]) <= tol)
          continue;  // at a vertex already
        ins.push_back({k, t, p});
      }
    }
  }
  if (ins.empty()) return 0;
  std::sort(ins.begin(), ins.end(), [](const Insert& x, const Insert& y) {
    return x.seg != y.seg   ? x.seg < y.seg
           : x.t != y.t     ? x.t < y.t
           : x.p.x != y.p.x ? x.p.x < y.p.x
                            : x.p.y < y.p.y;
  });
  // Two ends at the same spot on one segment insert one vertex.
  ins.erase(
      std::unique(ins.begin(), ins.end(),
                  [](const Insert& x, const Insert& y) { return x.seg == y.seg && x.p == y.p; }),
      ins.end());
  std::vector<Vec2> pts;
  pts.reserve(L.points.size() + ins.size());
  std::vector<uint32_t> first{0};
  size_t n = 0;
  for (size_t i = 0; i < L.size(); ++i) {
    for (uint32_t k = L.first[i]; k < L.first[i + 1]; ++k) {
      pts.push_back(L.points[k]);
      for (; n < ins.size() && ins[n].seg == k; ++n) pts.push_back(ins[n].p);
    }
    first.push_back(static_cast<uint32_t>(pts.size()));
  }
  L.points = std::move(pts);
  L.first = std::move(first);
  return ins.size();
}

}  // namespace yz
