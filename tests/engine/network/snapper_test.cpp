// Snapping next to a finely drawn island: more than the 64 nearest segments lie on the island, yet
// the main network within the snap distance is still found (brute force over every segment).
#include <catch2/catch.hpp>

#include <cmath>

#include "support/tiny_network.hpp"

using namespace yz;
using namespace yz::test;

TEST_CASE("a point by a detailed island still joins the main street within reach", "[snap]") {
  // Main street: 3 km along y = 0. Island: a 100 m zigzag footpath of 200 half-metre segments
  // along y = 200 (a separate component far shorter than the 1000 m island threshold).
  TinyLine island;
  for (int i = 0; i <= 200; ++i) island.pts.push_back({1000 + 0.5 * i, 200 + (i % 2) * 0.2});
  auto city = city_from_lines(tiny_lines({{{{0, 0}, {3000, 0}}}, island}));
  const WalkGraph& g = city.graph;
  REQUIRE(g.component_length_m.size() == 2);
  const Vec2 p{1050, 205};  // 5 m from the island, 205 m from the main street
  const Snap s = city.snapper->snap(p);
  CHECK(s.status == SnapStatus::moved_off_island);
  CHECK(s.access_m == Approx(205).margin(1e-3));
  CHECK(g.node_component[g.edge_tail[s.edge]] == 0);
  CHECK((std::abs(s.offset_m - 1050) < 1e-3 || std::abs(s.offset_m - 1950) < 1e-3));
  // Beyond the snap distance the island is all there is: reported as such, not moved.
  SnapOptions near;
  near.max_snap_m = 100;
  CHECK(city.snapper->snap(p, near).status == SnapStatus::island);
}
