// Walk-area polygons on hand-built networks: a block ringed by reached streets keeps its hole,
// streets on both banks of a narrow river (joined by a bridge) are not merged across the water,
// and a partially reached edge gives a piece ending exactly where the budget runs out.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/coverage/walk_area.hpp"
#include "support/tiny_network.hpp"

using namespace yz;
using yz::test::tiny_lines;

namespace {

// Even-odd point-in-polygon over every ring (holes included), written out here.
bool inside(const MultiPolygon& mp, Vec2 p) {
  for (const auto& poly : mp) {
    bool in = false;
    for (const Ring& r : poly.rings)
      for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
        if ((r[i].y > p.y) != (r[j].y > p.y) &&
            p.x < (r[j].x - r[i].x) * (p.y - r[i].y) / (r[j].y - r[i].y) + r[i].x)
          in = !in;
    if (in) return true;
  }
  return false;
}

size_t holes(const MultiPolygon& mp) {
  size_t n = 0;
  for (const auto& p : mp) n += p.rings.size() - 1;
  return n;
}

}  // namespace

TEST_CASE("a block ringed by reached streets stays a hole", "[coverage][walk-area]") {
  // A 200 m square block; the station on its south side reaches all four sides (budget 1000 m).
  auto city = city_from_lines(tiny_lines({{{{0, 0}, {200, 0}}},
                                          {{{200, 0}, {200, 200}}},
                                          {{{200, 200}, {0, 200}}},
                                          {{{0, 200}, {0, 0}}},
                                          {{{200, 0}, {400, 0}}}}));
  WalkSearch s(city.graph);
  s.run(city.snapper->snap({100, 0}), 1000);
  const MultiPolygon area = walk_area(city.graph, s);
  REQUIRE(area.size() == 1);
  CHECK(holes(area) == 1);
  CHECK_FALSE(inside(area, {100, 100}));  // the block's middle is not walkable street
  for (Vec2 p : {Vec2{100, 0}, Vec2{200, 100}, Vec2{100, 200}, Vec2{0, 100}, Vec2{300, 0},
                 Vec2{100, 200 + kDefaultStreetHalfWidthM - 1}})
    CHECK(inside(area, p));
  CHECK_FALSE(inside(area, {100, 200 + kDefaultStreetHalfWidthM + 1}));
}

TEST_CASE("streets on both banks of a 30 m river do not merge across it", "[coverage][walk-area]") {
  // Bank streets 40 m apart (a 30 m channel and 5 m quays), one bridge at x = 0; the station
  // by the bridge reaches 500 m along both banks.
  auto city = city_from_lines(
      tiny_lines({{{{0, 0}, {1000, 0}}}, {{{0, 40}, {1000, 40}}}, {{{0, 0}, {0, 40}}}}));
  WalkSearch s(city.graph);
  s.run(city.snapper->snap({0, 20}), 540);
  const MultiPolygon area = walk_area(city.graph, s);
  for (double x : {100.0, 300.0, 480.0}) {
    INFO("x = " << x);
    CHECK(inside(area, {x, 0}));
    CHECK(inside(area, {x, 40}));
    CHECK_FALSE(inside(area, {x, 20}));  // mid-river: not walkable, never bridged
  }
  CHECK(inside(area, {0, 20}));  // the bridge itself
}

TEST_CASE("a partially reached edge ends where the budget runs out", "[coverage][walk-area]") {
  // A junction at (300, 0) of (0,0)-(300,0), a bent edge (300,0)-(300,400)-(1000,400) and a
  // 100 m spur south. The station is 20 m off the first edge at x = 100; budget 800 m: 20
  // off-street + 200 to the junction, then 580 m along the bent edge: 400 north and 180 east,
  // ending at (480, 400).
  auto city = city_from_lines(tiny_lines(
      {{{{0, 0}, {300, 0}}}, {{{300, 0}, {300, 400}, {1000, 400}}}, {{{300, 0}, {300, -100}}}}));
  WalkSearch s(city.graph);
  const Snap from = city.snapper->snap({100, 20});
  REQUIRE(from.access_m == Approx(20));
  s.run(from, 800);
  const auto pieces = reached_pieces(city.graph, s);
  REQUIRE(pieces.size() == 3);  // the first edge and the spur whole, the bent edge in part
  bool found = false;
  for (const auto& p : pieces) {
    const Vec2 a = p.front(), b = p.back();
    REQUIRE((distance(a, {300, 0}) < 1e-6 || distance(b, {300, 0}) < 1e-6));
    const Vec2 far = distance(a, {300, 0}) < 1e-6 ? b : a;
    if (distance(far, {0, 0}) < 1e-3 || distance(far, {300, -100}) < 1e-3) continue;
    found = true;
    CHECK(far.x == Approx(480).margin(1e-3));
    CHECK(far.y == Approx(400).margin(1e-3));
    double len = 0;
    for (size_t k = 0; k + 1 < p.size(); ++k) len += distance(p[k], p[k + 1]);
    CHECK(len == Approx(580).margin(1e-3));
  }
  CHECK(found);
  // The polygon stops there too (give or take the street half-width).
  const MultiPolygon area = walk_area(city.graph, s);
  CHECK(inside(area, {470, 400}));
  CHECK_FALSE(inside(area, {480 + kDefaultStreetHalfWidthM + 2, 400}));
  CHECK_FALSE(inside(area, {700, 400}));
}
