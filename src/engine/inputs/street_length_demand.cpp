#include "engine/inputs/street_length_demand.hpp"

namespace yz {

PointSet street_length_demand(const CityNetwork& city, bool main_component_only) {
  StreetClassWeights ones;
  ones.fill(1.0);
  return street_length_demand(city, ones, main_component_only);
}

PointSet street_length_demand(const CityNetwork& city, const StreetClassWeights& per_metre,
                              bool main_component_only) {
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
