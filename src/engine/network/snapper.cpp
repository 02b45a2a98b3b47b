#include "engine/network/snapper.hpp"

#include <tbb/parallel_for.h>

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <cmath>
#include <iterator>

namespace yz {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using BPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using BSegment = bg::model::segment<BPoint>;
using Value = std::pair<BSegment, uint32_t>;  // segment -> index of its first vertex in g.geom

// What a snap needs from the graph, copied (a few numbers per edge and vertex) so the snapper
// refers to no other object: its owner (CityNetwork, RideNetwork) can move freely.
struct Snapper::Impl {
  bgi::rtree<Value, bgi::rstar<16>> tree;
  std::vector<EdgeId> vertex_edge;    // geom index -> edge
  std::vector<double> vertex_before;  // geom index -> metres along its edge before that vertex
  std::vector<NodeId> edge_tail, edge_head;
  std::vector<float> edge_length;
  std::vector<uint32_t> edge_component;  // component of the edge's tail
  std::vector<double> component_length_m;

  Snap on_edge(EdgeId e, double offset_m, double access_m) const {
    Snap s;
    s.edge = e;
    s.tail = edge_tail[e];
    s.head = edge_head[e];
    s.edge_length_m = edge_length[e];
    s.offset_m = static_cast<float>(std::clamp<double>(offset_m, 0.0, s.edge_length_m));
    s.access_m = static_cast<float>(access_m);
    s.status = SnapStatus::ok;
    return s;
  }
};

Snap snap_on_edge(const WalkGraph& g, EdgeId e, double offset_m, double access_m, SnapStatus status) {
  Snap s;
  s.edge = e;
  s.tail = g.edge_tail[e];
  s.head = g.edge_head(e);
  s.edge_length_m = g.edge_length(e);
  s.offset_m = static_cast<float>(std::clamp<double>(offset_m, 0.0, s.edge_length_m));
  s.access_m = static_cast<float>(access_m);
  s.status = status;
  return s;
}

std::string_view to_string(SnapStatus s) {
  switch (s) {
    case SnapStatus::ok: return "ok";
    case SnapStatus::moved_off_island: return "joined main network (nearest street was an island)";
    case SnapStatus::island: return "on a tiny disconnected island";
    case SnapStatus::off_network: return "too far from any walkable street";
    case SnapStatus::invalid: return "invalid coordinates";
  }
  return "?";
}

Snapper::Snapper(const WalkGraph& g) : impl_(std::make_unique<Impl>()) {
  std::vector<Value> values;
  values.reserve(g.geom.size());
  impl_->vertex_edge.assign(g.geom.size(), kInvalidId);
  impl_->vertex_before.assign(g.geom.size(), 0.0);
  impl_->edge_tail = g.edge_tail;
  impl_->component_length_m = g.component_length_m;
  impl_->edge_head.resize(g.edge_count());
  impl_->edge_length.resize(g.edge_count());
  impl_->edge_component.resize(g.edge_count());
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    impl_->edge_head[e] = g.edge_head(e);
    impl_->edge_length[e] = g.edge_length(e);
    impl_->edge_component[e] = g.node_component[g.edge_tail[e]];
    double before = 0;
    for (uint32_t i = g.geom_first[e]; i + 1 < g.geom_first[e + 1]; ++i) {
      impl_->vertex_edge[i] = e;
      impl_->vertex_before[i] = before;
      before += distance(g.geom[i], g.geom[i + 1]);
      values.emplace_back(BSegment{{g.geom[i].x, g.geom[i].y}, {g.geom[i + 1].x, g.geom[i + 1].y}}, i);
    }
  }
  impl_->tree = bgi::rtree<Value, bgi::rstar<16>>(values.begin(), values.end());  // packed bulk load
}

Snapper::~Snapper() = default;
Snapper::Snapper(Snapper&&) noexcept = default;
Snapper& Snapper::operator=(Snapper&&) noexcept = default;

bool Snapper::is_island(uint32_t component, const SnapOptions& opt) const {
  return component != 0 && impl_->component_length_m[component] < opt.island_max_m;
}

Snap Snapper::snap(Vec2 p, const SnapOptions& opt) const {
  Snap s;
  if (!std::isfinite(p.x) || !std::isfinite(p.y)) return s;
  const Impl& g = *impl_;
  // Project onto one segment: returns distance and offset along the edge.
  auto project = [&](const Value& v, Snap& out) {
    const uint32_t i = v.second;
    const Vec2 a{bg::get<0, 0>(v.first), bg::get<0, 1>(v.first)};
    const Vec2 b{bg::get<1, 0>(v.first), bg::get<1, 1>(v.first)}, ab = b - a;
    const double l2 = dot(ab, ab);
    const double t = l2 > 0 ? std::clamp(dot(p - a, ab) / l2, 0.0, 1.0) : 0.0;
    const Vec2 q = a + ab * t;
    out = g.on_edge(g.vertex_edge[i], g.vertex_before[i] + std::sqrt(l2) * t, distance(p, q));
  };
  const BPoint bp{p.x, p.y};
  bool first = true, past_limit = false;
  Snap nearest;
  constexpr unsigned kNearest = 64;
  unsigned seen = 0;
  // Nearest segments in order of true distance; stop once past the snap limit.
  for (auto it = impl_->tree.qbegin(bgi::nearest(bp, kNearest)); it != impl_->tree.qend(); ++it) {
    ++seen;
    Snap c;
    project(*it, c);
    if (c.access_m > opt.max_snap_m) {
      past_limit = true;
      break;
    }
    const uint32_t comp = g.edge_component[c.edge];
    if (first) {
      nearest = c;
      first = false;
      if (!is_island(comp, opt)) {
        c.status = SnapStatus::ok;
        return c;
      }
      continue;
    }
    if (!is_island(comp, opt)) {
      c.status = SnapStatus::moved_off_island;
      return c;
    }
  }
  if (first) {
    s.status = SnapStatus::off_network;
    return s;
  }
  if (!past_limit && seen == kNearest) {
    // The 64 nearest segments all lie on islands (a campus or estate mapped in detail) and the
    // snap limit is not reached yet: every segment within reach decides, so a main street a
    // little farther away is still found.
    const double r = opt.max_snap_m;
    std::vector<Value> hits;
    impl_->tree.query(bgi::intersects(bg::model::box<BPoint>{{p.x - r, p.y - r}, {p.x + r, p.y + r}}),
                      std::back_inserter(hits));
    bool found = false;
    Snap best;
    uint32_t best_i = 0;
    for (const auto& h : hits) {
      Snap c;
      project(h, c);
      if (c.access_m > opt.max_snap_m || is_island(g.edge_component[c.edge], opt)) continue;
      if (!found || c.access_m < best.access_m || (c.access_m == best.access_m && h.second < best_i))
        best = c, best_i = h.second, found = true;
    }
    if (found) {
      best.status = SnapStatus::moved_off_island;
      return best;
    }
  }
  nearest.status = SnapStatus::island;
  return nearest;
}

std::vector<Snap> Snapper::snap_all(const std::vector<Vec2>& pts, const SnapOptions& opt) const {
  std::vector<Snap> out(pts.size());
  tbb::parallel_for(tbb::blocked_range<size_t>(0, pts.size(), 256), [&](const auto& r) {
    for (size_t i = r.begin(); i != r.end(); ++i) out[i] = snap(pts[i], opt);
  });
  return out;
}

}  // namespace yz
