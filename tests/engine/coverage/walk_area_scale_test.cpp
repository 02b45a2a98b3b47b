// Walk areas at city scale (issue 11): drawn from the streets the coverage search kept (no second
// search), merged and simplified. Against the exact areas of today's path (search again, buffer
// every reached piece, no simplification) on every shared extract: the symmetric difference stays
// within 1 % of the area, and the river/hole guarantees of walk_area_test hold on the new path.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <random>

#include "engine/coverage/coverage_study.hpp"
#include "engine/coverage/walk_area.hpp"
#include "engine/coverage/walk_area_cells.hpp"
#include "engine/geo/geos_ops.hpp"
#include "engine/inputs/street_length_demand.hpp"
#include "engine/map/tag_profile.hpp"
#include "support/test_data.hpp"
#include "support/tiny_network.hpp"

using namespace yz;
using yz::test::tiny_lines;

namespace {

double area_of(const MultiPolygon& mp) {  // shoelace, holes subtracted
  double a = 0;
  for (const auto& p : mp)
    for (size_t r = 0; r < p.rings.size(); ++r)
      a += (r == 0 ? 1 : -1) * std::fabs(ring_area(p.rings[r]));
  return a;
}

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

double length_of(const std::vector<std::vector<Vec2>>& lines) {
  double s = 0;
  for (const auto& l : lines)
    for (size_t k = 0; k + 1 < l.size(); ++k) s += distance(l[k], l[k + 1]);
  return s;
}

// The new path on one search: its kept streets, merged and simplified.
MultiPolygon new_area(const WalkGraph& g, const WalkSearch& s) {
  return walk_area(g, reached_streets(g, s), WalkAreaOptions{});
}

}  // namespace

TEST_CASE("kept streets are the reached pieces", "[coverage][walk-area]") {
  auto city = city_from_lines(tiny_lines(
      {{{{0, 0}, {300, 0}}}, {{{300, 0}, {300, 400}, {1000, 400}}}, {{{300, 0}, {300, -100}}}}));
  WalkSearch s(city.graph);
  s.run(city.snapper->snap({100, 20}), 800);
  const ReachedStreets r = reached_streets(city.graph, s);
  CHECK(r.whole.size() == 2);      // the first edge and the spur
  REQUIRE(r.partial.size() == 1);  // the bent edge, 580 m of it (see walk_area_test)
  CHECK(r.partial[0].from_m == Approx(0).margin(1e-3));
  CHECK(r.partial[0].to_m == Approx(580).margin(1e-3));
  CHECK(length_of(street_polylines(city.graph, r)) == Approx(300 + 100 + 580).margin(1e-2));
  CHECK(length_of(street_polylines(city.graph, r)) ==
        Approx(length_of(reached_pieces(city.graph, s))).margin(1e-6));
}

TEST_CASE("merged and simplified areas keep the river and the holes", "[coverage][walk-area]") {
  SECTION("river") {
    auto city = city_from_lines(
        tiny_lines({{{{0, 0}, {1000, 0}}}, {{{0, 40}, {1000, 40}}}, {{{0, 0}, {0, 40}}}}));
    WalkSearch s(city.graph);
    s.run(city.snapper->snap({0, 20}), 540);
    const MultiPolygon area = new_area(city.graph, s);
    for (double x : {100.0, 300.0, 480.0}) {
      INFO("x = " << x);
      CHECK(inside(area, {x, 0}));
      CHECK(inside(area, {x, 40}));
      CHECK_FALSE(inside(area, {x, 20}));
    }
    CHECK(inside(area, {0, 20}));
    CHECK(valid_polygons(area));
  }
  SECTION("block") {
    auto city = city_from_lines(tiny_lines({{{{0, 0}, {200, 0}}},
                                            {{{200, 0}, {200, 200}}},
                                            {{{200, 200}, {0, 200}}},
                                            {{{0, 200}, {0, 0}}},
                                            {{{200, 0}, {400, 0}}}}));
    WalkSearch s(city.graph);
    s.run(city.snapper->snap({100, 0}), 1000);
    const MultiPolygon area = new_area(city.graph, s);
    REQUIRE(area.size() == 1);
    CHECK(area[0].rings.size() == 2);
    CHECK_FALSE(inside(area, {100, 100}));
    CHECK(inside(area, {100, 200 + kDefaultStreetHalfWidthM - 1}));
    CHECK_FALSE(inside(area, {100, 200 + kDefaultStreetHalfWidthM + 1}));
    CHECK(valid_polygons(area));
  }
}

TEST_CASE("walk areas from kept streets match today's on every shared extract",
          "[coverage][walk-area][real]") {
  yz::test::require_data_dir();
  const TagProfile profile = TagProfile::load_default();
  const auto files = yz::test::osm_extracts();
  REQUIRE_FALSE(files.empty());
  for (const std::string& path : files) {
    INFO(path);
    const CityNetwork city = open_city(path, profile);
    const WalkGraph& g = city.graph;
    // 8 stations at random junctions, 10 m off (fixed seed; the exact path takes minutes on
    // helsinki_center, whose dense footways make GEOS buffers slow).
    std::mt19937 rng(11);
    std::uniform_int_distribution<uint32_t> pick(0, g.node_count() - 1);
    PointSet sites;
    for (int i = 0; i < 8; ++i) sites.add({0, 0}, g.node_xy(pick(rng)) + Vec2{7, 7}, 1, "", "");
    const CoverageStudy st = run_coverage(city, sites, street_length_demand(city), true, {});
    REQUIRE(st.reached.size() == sites.size());
    const WalkAreaOptions opt;
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    const std::vector<MultiPolygon> areas = walk_areas(g, st.reached, opt);
    const double new_s = std::chrono::duration<double>(Clock::now() - t0).count();
    double old_s = 0;
    WalkSearch s(g);
    double old_total = 0, diff_total = 0, worst = 0;
    for (uint32_t i = 0; i < sites.size(); ++i) {
      if (!st.site_snaps[i].usable()) {
        CHECK(areas[i].empty());
        continue;
      }
      s.run(st.site_snaps[i], static_cast<float>(st.params.budget_m()));
      // The kept streets are what a second search reaches.
      const ReachedStreets again = reached_streets(g, s);
      CHECK(again.whole == st.reached[i].whole);
      CHECK(again.partial.size() == st.reached[i].partial.size());
      const auto t1 = Clock::now();
      const MultiPolygon old_area = walk_area(g, s, opt);  // today's path: the oracle
      old_s += std::chrono::duration<double>(Clock::now() - t1).count();
      const double a = area_of(old_area);
      const double sym =
          area_of(difference(old_area, areas[i])) + area_of(difference(areas[i], old_area));
      old_total += a;
      diff_total += sym;
      if (a > 0) worst = std::max(worst, sym / a);
      CHECK(sym <= 0.01 * a);
      CHECK(valid_polygons(areas[i]));
      // Never a hole filled or a river bridged: no new piece of area wider than the tolerance.
      CHECK(area_of(difference(areas[i], old_area)) <= 0.005 * a);
    }
    // Timings for information only (the old path is timed on one thread, without its search).
    std::printf(
        "%-40s areas %.2f km2, symmetric difference %.4f %% (worst station %.4f %%); "
        "exact %.3f s, kept streets %.3f s\n",
        path.substr(path.rfind('/') + 1).c_str(), old_total / 1e6,
        100 * diff_total / std::max(old_total, 1.0), 100 * worst, old_s, new_s);
  }
}

TEST_CASE("areas from shared cells equal the buffer of the pieces", "[coverage][walk-area]") {
  // A 7 x 7 grid of 100 m blocks; small cells so most are reached whole and shared.
  std::vector<yz::test::TinyLine> streets;  // one line per block side, joined at the corners
  for (int a = 0; a <= 7; ++a)
    for (int b = 0; b < 7; ++b) {
      streets.push_back({{{100.0 * b, 100.0 * a}, {100.0 * b + 100, 100.0 * a}}});
      streets.push_back({{{100.0 * a, 100.0 * b}, {100.0 * a, 100.0 * b + 100}}});
    }
  auto city = city_from_lines(tiny_lines(streets));
  const WalkGraph& g = city.graph;
  WalkSearch s(g);
  std::vector<ReachedStreets> reached;
  std::vector<MultiPolygon> exact;
  for (Vec2 at : {Vec2{350, 310}, Vec2{250, 405}, Vec2{20, 100}}) {
    s.run(city.snapper->snap(at), 420);
    reached.push_back(reached_streets(g, s));
    exact.push_back(buffer_lines(street_polylines(g, reached.back()), WalkAreaOptions{}));
  }
  WalkAreaCells cells(g, WalkAreaOptions{}, 60);
  const std::vector<MultiPolygon> areas = cells.areas(reached);
  CHECK(cells.shared_cells() > 10);  // the grid's inner streets are buffered once
  REQUIRE(areas.size() == exact.size());
  for (size_t i = 0; i < areas.size(); ++i) {
    INFO("station " << i);
    const double a = area_of(exact[i]);
    REQUIRE(a > 0);
    const double sym =
        area_of(difference(exact[i], areas[i])) + area_of(difference(areas[i], exact[i]));
    CHECK(sym <= 0.002 * a);
    CHECK(valid_polygons(areas[i]));
    CHECK(areas[i].size() == exact[i].size());  // as many parts
    size_t holes = 0, holes_exact = 0;
    for (const auto& p : areas[i]) holes += p.rings.size() - 1;
    for (const auto& p : exact[i]) holes_exact += p.rings.size() - 1;
    CHECK(holes == holes_exact);  // every block inside stays a hole
  }
  // The dissolved area is the buffer of everything reached.
  std::vector<std::vector<Vec2>> all;
  for (const auto& r : reached)
    for (auto& l : street_polylines(g, r)) all.push_back(std::move(l));
  const MultiPolygon whole = buffer_lines(all, WalkAreaOptions{});
  const MultiPolygon dis = cells.dissolved(reached);
  CHECK(area_of(difference(whole, dis)) + area_of(difference(dis, whole)) <=
        0.002 * area_of(whole));
  CHECK(valid_polygons(dis));
}
