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

// The snapper keeps its own copy of what it needs from the graph (no pointer back to it, so no
// repair after a move): it snaps the same once the network it came from is moved away and
// destroyed. Truth by hand: an L-shaped street (0,0)->(100,0)->(100,100).
TEST_CASE("a snapper outlives the network it was built from", "[snap]") {
  std::unique_ptr<Snapper> kept;
  std::vector<Snap> before;
  const std::vector<Vec2> pts{{150, 60}, {40, -30}, {100.0, 100.0}};
  {
    auto city = city_from_lines(tiny_lines({{{{0, 0}, {100, 0}, {100, 100}}}}));
    for (Vec2 p : pts) before.push_back(city.snapper->snap(p));
    CityNetwork moved = std::move(city);
    kept = std::move(moved.snapper);
  }  // the graph is gone
  REQUIRE(before.size() == 3);
  for (size_t i = 0; i < pts.size(); ++i) {
    const Snap s = kept->snap(pts[i]);
    CHECK(s.edge == before[i].edge);
    CHECK(s.offset_m == before[i].offset_m);
    CHECK(s.access_m == before[i].access_m);
    CHECK(s.status == before[i].status);
  }
  // By hand: (150,60) is 50 m from the second leg, 160 m along the street from (0,0).
  const Snap a = kept->snap(pts[0]);
  REQUIRE(a.edge_length_m == Approx(200));
  CHECK(a.access_m == Approx(50));
  const double from_origin = a.tail == before[0].tail ? a.offset_m : a.edge_length_m - a.offset_m;
  CHECK((std::abs(from_origin - 160) < 1e-3 || std::abs(from_origin - 40) < 1e-3));
  CHECK(std::min<double>(a.offset_m, a.edge_length_m - a.offset_m) == Approx(40).margin(1e-3));
  // (40,-30): 30 m off the first leg, 40 m from (0,0).
  const Snap b = kept->snap(pts[1]);
  CHECK(b.access_m == Approx(30));
  CHECK(std::min<double>(b.offset_m, b.edge_length_m - b.offset_m) == Approx(40).margin(1e-3));
}
