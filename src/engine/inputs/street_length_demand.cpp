#include "engine/inputs/street_length_demand.hpp"

#include <algorithm>
#include <cmath>

namespace yz {

PointSet street_length_demand(const CityNetwork& city, bool main_component_only) {
  StreetLengthOptions opt;
  opt.main_component_only = main_component_only;
  return street_length_demand(city, opt);
}

namespace {

// Edges cut into equal pieces of at most spacing_m, each piece's weighted length at its midpoint.
PointSet along_streets(const CityNetwork& city, const StreetLengthOptions& opt) {
  const WalkGraph& g = city.graph;
  PointSet ps;
  ps.source = kStreetLengthProxy;
  std::vector<Vec2> xy;
  std::vector<double> w;
  std::vector<std::string> ids;
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    if (opt.main_component_only && g.node_component[g.edge_tail[e]] != 0) continue;
    const double per_m = opt.per_metre[static_cast<int>(g.edge_class[e])];
    const double len = g.edge_length(e);
    if (!(per_m > 0) || !(len > 0)) continue;
    // Geometric length for placement (the stored length is a float of the same polyline).
    double geo = 0;
    for (uint32_t i = g.geom_first[e]; i + 1 < g.geom_first[e + 1]; ++i)
      geo += distance(g.geom[i], g.geom[i + 1]);
    const int pieces =
        std::max(1, static_cast<int>(std::min(1e6, std::ceil(len / opt.spacing_m - 1e-9))));
    for (int k = 0; k < pieces; ++k) {
      xy.push_back(g.point_on_edge(e, (k + 0.5) * geo / pieces));
      w.push_back(len / pieces * per_m);
      ids.push_back("e" + std::to_string(e) + "." + std::to_string(k));
    }
  }
  std::vector<Vec2> ll = xy;
  city.projection().to_lonlat(ll);
  for (size_t i = 0; i < xy.size(); ++i) ps.add(ll[i], xy[i], w[i], std::move(ids[i]), "");
  return ps;
}

}  // namespace

PointSet street_length_demand(const CityNetwork& city, const StreetLengthOptions& opt) {
  if (opt.spacing_m > 0) return along_streets(city, opt);
  const bool main_component_only = opt.main_component_only;
  const StreetClassWeights& per_metre = opt.per_metre;
  const WalkGraph& g = city.graph;
  std::vector<double> w(g.node_count(), 0);
  for (NodeId u = 0; u < g.node_count(); ++u)
    for (ArcId a = g.first_out[u]; a < g.first_out[u + 1]; ++a)
      w[u] += g.arcs[a].length_m / 2 * per_metre[static_cast<int>(g.edge_class[g.arc_edge[a]])];
  PointSet ps;
  ps.source = kStreetLengthProxy;
  std::vector<Vec2> xy;
  std::vector<NodeId> nodes;
  for (NodeId u = 0; u < g.node_count(); ++u) {
    if (w[u] <= 0 || (main_component_only && g.node_component[u] != 0)) continue;
    xy.push_back(g.node_xy(u));
    nodes.push_back(u);
  }
  std::vector<Vec2> ll = xy;
  city.projection().to_lonlat(ll);
  for (size_t i = 0; i < xy.size(); ++i)
    ps.add(ll[i], xy[i], w[nodes[i]], "n" + std::to_string(nodes[i]), "");
  return ps;
}

}  // namespace yz
