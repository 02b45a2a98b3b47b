#include "engine/inputs/street_spread.hpp"

#include <algorithm>
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <cmath>
#include <iterator>

#include "engine/geo/geos_ops.hpp"

namespace yz {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using BPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using BBox = bg::model::box<BPoint>;

struct StreetSpread::Impl {
  const WalkGraph* g;
  bgi::rtree<std::pair<BBox, EdgeId>, bgi::rstar<16>> tree;
};

StreetSpread::StreetSpread(const WalkGraph& g) : impl_(std::make_unique<Impl>()) {
  impl_->g = &g;
  std::vector<std::pair<BBox, EdgeId>> v;
  v.reserve(g.edge_count());
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    Box b;
    for (uint32_t i = g.geom_first[e]; i < g.geom_first[e + 1]; ++i) b.add(g.geom[i]);
    v.emplace_back(BBox{{b.min.x, b.min.y}, {b.max.x, b.max.y}}, e);
  }
  impl_->tree = decltype(impl_->tree)(v.begin(), v.end());
}

StreetSpread::~StreetSpread() = default;

void chunk_line(const std::vector<Vec2>& p, double chunk_m, std::vector<StreetPiece>& out) {
  const size_t n = p.size();
  if (n < 2) return;
  double len = 0;
  for (size_t i = 0; i + 1 < n; ++i) len += distance(p[i], p[i + 1]);
  if (!(len > 0)) return;
  // The tolerance keeps a 150 m piece (round-tripped through WGS-84, off by nanometres) at 3
  // chunks.
  const int chunks =
      chunk_m > 0 ? std::max(1, static_cast<int>(std::min(1e6, std::ceil(len / chunk_m - 1e-6))))
                  : 1;
  const double step = len / chunks;
  // Walk the line once, emitting the point at (k + 0.5) * step for each chunk k.
  size_t seg = 0;
  double before = 0;  // length of the segments before `seg`
  for (int k = 0; k < chunks; ++k) {
    const double at = (k + 0.5) * step;
    while (seg + 2 < n && before + distance(p[seg], p[seg + 1]) < at)
      before += distance(p[seg], p[seg + 1]), ++seg;
    const double d = distance(p[seg], p[seg + 1]);
    const double t = d > 0 ? std::clamp((at - before) / d, 0.0, 1.0) : 0.0;
    out.push_back({p[seg] + (p[seg + 1] - p[seg]) * t, step});
  }
}

std::vector<StreetPiece> StreetSpread::pieces(const MultiPolygon& area, double chunk_m) const {
  std::vector<StreetPiece> out;
  Box b;
  for (const auto& poly : area)
    for (const auto& r : poly.rings)
      for (Vec2 q : r) b.add(q);
  if (area.empty() || !(b.max.x >= b.min.x)) return out;
  std::vector<std::pair<BBox, EdgeId>> hits;
  impl_->tree.query(bgi::intersects(BBox{{b.min.x, b.min.y}, {b.max.x, b.max.y}}),
                    std::back_inserter(hits));
  std::vector<EdgeId> edges;
  for (auto& h : hits) edges.push_back(h.second);
  std::sort(edges.begin(), edges.end());  // deterministic order
  const WalkGraph& g = *impl_->g;
  std::vector<std::vector<Vec2>> lines;
  for (EdgeId e : edges)
    lines.emplace_back(g.geom.begin() + g.geom_first[e], g.geom.begin() + g.geom_first[e + 1]);
  for (const auto& l : clip_lines(area, lines)) chunk_line(l, chunk_m, out);
  return out;
}

}  // namespace yz
