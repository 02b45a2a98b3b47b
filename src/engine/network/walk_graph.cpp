#include "engine/network/walk_graph.hpp"

#include <algorithm>

namespace yz {

ArcId WalkGraph::tail_arc(EdgeId e) const {
  const NodeId u = edge_tail[e];
  for (ArcId a = first_out[u]; a < first_out[u + 1]; ++a)
    if (arc_edge[a] == e) return a;
  return first_out[u];  // unreachable for a valid graph
}

Vec2 WalkGraph::node_xy(NodeId u) const {
  const ArcId a = first_out[u];
  if (a == first_out[u + 1]) return {};
  const EdgeId e = arc_edge[a];
  return edge_tail[e] == u ? geom[geom_first[e]] : geom[geom_first[e + 1] - 1];  // self-loops start and end at u
}

Vec2 WalkGraph::point_on_edge(EdgeId e, double offset_m) const {
  const uint32_t b = geom_first[e], end = geom_first[e + 1];
  double left = std::max(0.0, offset_m);
  for (uint32_t i = b; i + 1 < end; ++i) {
    const double seg = distance(geom[i], geom[i + 1]);
    if (left <= seg) return seg > 0 ? geom[i] + (geom[i + 1] - geom[i]) * (left / seg) : geom[i];
    left -= seg;
  }
  return geom[end - 1];
}

void WalkGraph::edge_piece(EdgeId e, double from_m, double to_m, std::vector<Vec2>& out) const {
  const uint32_t b = geom_first[e], end = geom_first[e + 1];
  double pos = 0;
  out.push_back(point_on_edge(e, from_m));
  for (uint32_t i = b + 1; i + 1 < end; ++i) {
    pos += distance(geom[i - 1], geom[i]);
    if (pos > from_m && pos < to_m) out.push_back(geom[i]);
    if (pos >= to_m) break;
  }
  out.push_back(point_on_edge(e, to_m));
}

size_t WalkGraph::bytes_without_geometry() const {
  return first_out.size() * sizeof(ArcId) + arcs.size() * sizeof(Arc) + arc_edge.size() * sizeof(EdgeId) +
         node_component.size() * sizeof(uint32_t) + edge_tail.size() * sizeof(NodeId) +
         edge_class.size() * sizeof(RoadClass);
}

double WalkGraph::total_length_m() const {
  double s = 0;
  for (const Arc& a : arcs) s += a.length_m;
  return s / 2;  // every edge has two arcs
}

}  // namespace yz
