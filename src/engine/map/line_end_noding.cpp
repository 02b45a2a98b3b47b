#include "engine/map/line_end_noding.hpp"

#include <algorithm>
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <cmath>
#include <iterator>

namespace yz {

namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using BPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using BBox = bg::model::box<BPoint>;
using Value = std::pair<BBox, uint32_t>;  // segment box -> index of its first point

struct Insert {
  uint32_t seg;  // index of the segment's first point in lines.points
  double t;      // position along the segment, 0..1
  Vec2 p;        // the line end's exact coordinates (the graph builder joins equal points)
};

}  // namespace

size_t node_line_ends(RoadLines& L, double tol) {
  if (L.size() == 0) return 0;
  // R-tree over the bounding boxes of walkable segments (packed bulk load; long rural segments
  // cost one entry each, unlike a uniform grid).
  std::vector<Value> values;
  for (size_t i = 0; i < L.size(); ++i) {
    if (!L.walkable[i]) continue;
    for (uint32_t k = L.first[i]; k + 1 < L.first[i + 1]; ++k) {
      const Vec2 a = L.points[k], b = L.points[k + 1];
      values.emplace_back(
          BBox{{std::min(a.x, b.x), std::min(a.y, b.y)}, {std::max(a.x, b.x), std::max(a.y, b.y)}},
          k);
    }
  }
  const bgi::rtree<Value, bgi::rstar<16>> tree(values.begin(), values.end());
  std::vector<Insert> ins;
  std::vector<Value> hits;
  for (size_t i = 0; i < L.size(); ++i) {
    if (!L.walkable[i]) continue;
    const uint32_t b = L.first[i], e = L.first[i + 1];
    for (const uint32_t end : {b, e - 1}) {
      const Vec2 p = L.points[end];
      hits.clear();
      tree.query(bgi::intersects(BBox{{p.x - tol, p.y - tol}, {p.x + tol, p.y + tol}}),
                 std::back_inserter(hits));
      for (const auto& [box, k] : hits) {
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
