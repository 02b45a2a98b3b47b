// The CSR walk graph: splitting at shared vertices, folding degree-2 chains, components, size.
#include <catch2/catch.hpp>

#include "engine/network/city_network.hpp"
#include "engine/network/graph_builder.hpp"
#include "support/tiny_network.hpp"

using namespace yz;
using yz::test::tiny_lines;

TEST_CASE("two ways joined end to end fold into one edge keeping the geometry", "[graph]") {
  auto L = tiny_lines({{{{0, 0}, {50, 0}, {100, 0}}}, {{{100, 0}, {100, 80}}}});
  GraphBuildReport rep;
  WalkGraph g = build_walk_graph(L, &rep);
  CHECK(g.node_count() == 2);
  CHECK(g.edge_count() == 1);
  CHECK(g.edge_length(0) == Approx(180));
  CHECK(g.geom_first[1] - g.geom_first[0] == 4);  // (0,0) (50,0) (100,0) (100,80)
  CHECK(rep.folded_nodes == 1);
  CHECK(g.point_on_edge(0, 140).x == Approx(L.points[0].x + 100));
  CHECK(g.point_on_edge(0, 140).y == Approx(L.points[0].y + 40));
}

TEST_CASE("a change of road class keeps the junction (display classes stay exact)", "[graph]") {
  auto L = tiny_lines({{{{0, 0}, {100, 0}}, true, RoadClass::footway}, {{{100, 0}, {200, 0}}, true, RoadClass::primary}});
  WalkGraph g = build_walk_graph(L);
  CHECK(g.edge_count() == 2);
  CHECK(g.node_count() == 3);
}

TEST_CASE("non-walkable lines are not in the graph; a crossing at a shared vertex is a junction", "[graph]") {
  auto L = tiny_lines({{{{0, 0}, {100, 0}, {200, 0}}},
                       {{{100, -100}, {100, 0}, {100, 100}}},
                       {{{0, 50}, {200, 50}}, false, RoadClass::motorway}});
  WalkGraph g = build_walk_graph(L);
  CHECK(g.node_count() == 5);
  CHECK(g.edge_count() == 4);
  CHECK(g.total_length_m() == Approx(400));
  CHECK(g.component_length_m.size() == 1);
}

TEST_CASE("components are sorted by street length; CSR arcs are consistent", "[graph]") {
  auto L = tiny_lines({{{{0, 0}, {10, 0}}}, {{{500, 0}, {900, 0}, {900, 300}}}, {{{0, 800}, {100, 800}}}});
  WalkGraph g = build_walk_graph(L);
  REQUIRE(g.component_length_m.size() == 3);
  CHECK(g.component_length_m[0] == Approx(700));
  CHECK(g.component_length_m[1] == Approx(100));
  CHECK(g.component_length_m[2] == Approx(10));
  REQUIRE(g.arcs.size() == 2 * g.edge_count());
  for (NodeId u = 0; u < g.node_count(); ++u)
    for (ArcId a = g.first_out[u]; a < g.first_out[u + 1]; ++a) {
      const EdgeId e = g.arc_edge[a];
      const NodeId other = g.arcs[a].head;
      CHECK((g.edge_tail[e] == u || g.edge_head(e) == u));
      CHECK((g.edge_tail[e] == other || g.edge_head(e) == other));
      CHECK(g.node_component[u] == g.node_component[other]);
    }
}

TEST_CASE("a closed loop way becomes a self-loop edge reachable from its junction", "[graph]") {
  auto L = tiny_lines({{{{0, 0}, {100, 0}, {100, 100}, {0, 100}, {0, 0}}}, {{{0, 0}, {-50, 0}}}});
  WalkGraph g = build_walk_graph(L);
  CHECK(g.edge_count() == 2);
  CHECK(g.node_count() == 2);
  CHECK(g.total_length_m() == Approx(450));
  CHECK(g.bytes_without_geometry() < 64 * g.node_count() + 64);
}

TEST_CASE("a moved city network still snaps against its own graph", "[graph]") {
  CityNetwork moved;
  {
    CityNetwork c = city_from_lines(tiny_lines({{{{0, 0}, {100, 0}}}}));
    moved = std::move(c);
  }
  const Snap s = moved.snapper->snap({50, 5});
  REQUIRE(s.status == SnapStatus::ok);
  CHECK(s.offset_m == Approx(50));
  CHECK(s.edge_length_m == Approx(100));
}
