// The island rule (`--island-m`): a point whose nearest street is a small disconnected piece joins
// the main network off-street. Hand-built networks with islands at known distances; every figure
// below is worked out by hand in the comments, with the rule and without it (`--island-m 0`), and
// the "covered only through a join" figures equal the difference between the two runs.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/coverage/coverage_study.hpp"
#include "engine/coverage/join_summary.hpp"
#include "support/tiny_network.hpp"

using namespace yz;
using yz::test::tiny_lines;

namespace {
PointSet points(std::initializer_list<std::pair<Vec2, double>> pts) {
  PointSet ps;
  ps.source = "test";
  int i = 0;
  for (auto [p, w] : pts) ps.add({0, 0}, p, w, std::to_string(i++), "");
  return ps;
}

// Main street along y = 0 (3 km); island A: 600 m along y = 100 (x 1000..1600); island B: 100 m
// along y = 400 (x 2000..2100), more than the 250 m snap distance from the main street.
RoadLines island_city() {
  return tiny_lines(
      {{{{0, 0}, {3000, 0}}}, {{{1000, 100}, {1600, 100}}}, {{{2000, 400}, {2100, 400}}}});
}

// 15 minutes at 4 km/h = 1000 m; 1000 m radius.
CoverageParams params(double island_m = 1000) {
  CoverageParams p;
  p.minutes = 15;
  p.speed_kmh = 4;
  p.radius_m = 1000;
  p.snap.island_max_m = island_m;
  return p;
}

// Workers (weight): 0 on the main street; 1, 2, 4 nearest to island A (joined); 3 on island B
// (nothing else within 250 m: stays on its island either way).
PointSet workers() {
  return points({{{800, 0}, 1},       // main street
                 {{1100, 110}, 2},    // A 10 m away, main 110 m
                 {{1550, 130}, 4},    // A 30 m away, main 130 m
                 {{2050, 410}, 8},    // B 10 m away, main 410 m
                 {{1300, 95}, 16}});  // A 5 m away, main 95 m
}
}  // namespace

TEST_CASE("workers joined off an island: figures with and without the rule", "[coverage][joins]") {
  const CityNetwork city = city_from_lines(island_city());
  REQUIRE(city.graph.component_length_m.size() == 3);
  const CoverageStudy on = run_coverage(city, points({{{500, 0}, 1}}), workers(), false, params());
  const CoverageStudy off =
      run_coverage(city, points({{{500, 0}, 1}}), workers(), false, params(0));

  // Snaps: 1, 2 and 4 join the main street straight across; 3 stays on island B.
  const auto& sn = on.index->snaps();
  CHECK(sn[0].status == SnapStatus::ok);
  CHECK(sn[1].status == SnapStatus::moved_off_island);
  CHECK(sn[2].status == SnapStatus::moved_off_island);
  CHECK(sn[3].status == SnapStatus::island);
  CHECK(sn[4].status == SnapStatus::moved_off_island);
  for (uint32_t d = 0; d < 5; ++d) CHECK(off.index->snaps()[d].status == SnapStatus::ok);

  // Station at x = 500 on the main street. With the rule: 0 walks 300 m; 1 walks 600 + 110 = 710;
  // 2 walks 1050 + 130 = 1180 (> 1000); 4 walks 800 + 95 = 895. Covered 1 + 2 + 16 = 19.
  // Without: 1, 2 and 4 are on island A, which no walk from the main street reaches: covered 1.
  const auto& S = on.state.summary();
  const auto& S0 = off.state.summary();
  CHECK(on.covers[0].walk == std::vector<uint32_t>{0, 1, 4});
  CHECK(off.covers[0].walk == std::vector<uint32_t>{0});
  CHECK(S.walk.covered == Approx(19));
  CHECK(S0.walk.covered == Approx(1));
  // Radius (straight line, no snapping): 0 (300), 1 (610), 4 (806) inside; 2 (1058) outside.
  CHECK(S.radius.covered == Approx(19));
  CHECK(S0.radius.covered == Approx(19));
  // Both: walk and radius by one station = 19 with the rule, 1 without. Either: 19 both ways (the
  // circle holds the joined workers anyway).
  CHECK(S.both.covered == Approx(19));
  CHECK(S0.both.covered == Approx(1));
  CHECK(S.either.covered == Approx(19));
  CHECK(S0.either.covered == Approx(19));

  // Reported: covered only through a join = 18 (walk), 18 (both), 0 (either); nothing is covered
  // only without the rule. Each equals the difference between the two runs.
  CHECK(S.joins(Criterion::walk).only_through_joins == Approx(18));
  CHECK(S.joins(Criterion::both).only_through_joins == Approx(18));
  CHECK(S.joins(Criterion::either).only_through_joins == Approx(0));
  CHECK(S.joins(Criterion::radius).only_through_joins == 0);
  for (Criterion c : {Criterion::walk, Criterion::radius, Criterion::both, Criterion::either}) {
    CHECK(S.joins(c).only_without_joins == Approx(0));
    CHECK(S.covered_without_joins(c) == Approx(S0.of(c).covered));
    CHECK(S0.joins(c).only_through_joins == 0);  // the rule off: nothing joined
    for (uint32_t d = 0; d < 5; ++d)
      CHECK(on.state.count_without_joins(c, d) == off.state.count(c, d));
  }
  CHECK(on.covers[0].join_gain == std::vector<uint32_t>{1, 4});
  CHECK(on.covers[0].join_loss.empty());

  // What was joined: one piece (island A), three workers' points, 2 + 4 + 16 = 22 workers; each
  // walks farther off-street: 110 - 10, 130 - 30, 95 - 5 m.
  const JoinSummary js = join_summary(on);
  CHECK(js.pieces == 1);
  CHECK(js.demand_points == 3);
  CHECK(js.demand_weight == Approx(22));
  CHECK(js.sites == 0);
  const auto joins = list_joins(on);
  REQUIRE(joins.size() == 3);
  const double extra[] = {100, 100, 90};
  const uint32_t who[] = {1, 2, 4};
  for (size_t k = 0; k < 3; ++k) {
    CHECK_FALSE(joins[k].site);
    CHECK(joins[k].index == who[k]);
    CHECK(joins[k].extra_off_street_m() == Approx(extra[k]).margin(1e-3));
    CHECK(joins[k].joined.access_m == Approx(extra[k] + joins[k].unjoined.access_m).margin(1e-3));
    CHECK(city.graph.node_component[joins[k].unjoined.tail] == joins[k].piece);
    CHECK(city.graph.component_length_m[joins[k].piece] == Approx(600));
  }
  const JoinSummary js0 = join_summary(off);
  CHECK(js0.pieces == 0);
  CHECK(js0.demand_points == 0);
}

TEST_CASE("a station joined off an island: losses, shared coverage, incremental edits",
          "[coverage][joins]") {
  const CityNetwork city = city_from_lines(island_city());
  // Station 1 at (1590, 105): island A 5 m away, main street 105 m: joined at x = 1590.
  // With the rule it walks the main street: 0: 105 + 790 = 895; 1: 105 + 490 + 110 = 705;
  // 2: 105 + 40 + 130 = 275; 4: 105 + 290 + 95 = 490 -> all four (23 workers).
  // Without: it stays on island A (offset 590, 5 m off): 1: 5 + 490 + 10 = 505; 2: 5 + 40 + 30 =
  // 75; 4: 5 + 290 + 5 = 300 -> 1, 2, 4 (22 workers); 0 is on the main street, out of reach.
  const PointSet sites = points({{{500, 0}, 1}, {{1590, 105}, 1}});
  const CoverageStudy on = run_coverage(city, sites, workers(), false, params());
  const CoverageStudy off = run_coverage(city, sites, workers(), false, params(0));
  CHECK(on.site_snaps[1].status == SnapStatus::moved_off_island);
  CHECK(on.covers[1].walk == std::vector<uint32_t>{0, 1, 2, 4});
  CHECK(off.covers[1].walk == std::vector<uint32_t>{1, 2, 4});
  CHECK(on.covers[1].join_gain == std::vector<uint32_t>{0});
  CHECK(on.covers[1].join_loss.empty());
  // Together the two stations cover 0, 1, 2, 4 either way (23): nothing rests on the joins.
  const auto& S = on.state.summary();
  CHECK(S.walk.covered == Approx(23));
  CHECK(off.state.summary().walk.covered == Approx(23));
  CHECK(S.joins(Criterion::walk).only_through_joins == Approx(0));
  // Double coverage differs: with the rule 0, 1, 4 are covered twice (19); without, none.
  CHECK(S.walk.twice == Approx(19));
  CHECK(off.state.summary().walk.twice == Approx(0));
  const JoinSummary js = join_summary(on);
  CHECK(js.sites == 1);
  CHECK(js.pieces == 1);

  // Remove station 0: with the rule station 1 alone still covers 23; without it 22, so worker 0
  // is covered only through a join (weight 1). Then put it back: 0 again.
  CoverageState live = on.state;
  live.remove(0);
  CHECK(live.summary().walk.covered == Approx(23));
  CHECK(live.summary().joins(Criterion::walk).only_through_joins == Approx(1));
  CHECK(live.summary().covered_without_joins(Criterion::walk) == Approx(22));
  CoverScratch scratch(city.graph);
  live.replace(0, on.computer->cover(sites.xy[0], on.computer->snap(sites.xy[0]), scratch));
  CHECK(live.summary().joins(Criterion::walk).only_through_joins == Approx(0));
  CHECK(live.summary().walk.covered == Approx(23));
}

TEST_CASE("a worker joined off an island can lose the coverage its island gave it",
          "[coverage][joins]") {
  // Main street along y = 0; island C: 600 m along y = 240 (x 1000..1600), within the 250 m snap
  // distance of the main street. Station at (1010, 235) and worker at (1600, 245), both on C.
  // With the rule both join the main street: 235 + 590 + 245 = 1070 m > 1000: not covered.
  // Without: along C, 5 + 590 + 5 = 600 m: covered. Covered only without the rule: 3 workers.
  const CityNetwork city =
      city_from_lines(tiny_lines({{{{0, 0}, {3000, 0}}}, {{{1000, 240}, {1600, 240}}}}));
  const PointSet sites = points({{{1010, 235}, 1}});
  const PointSet demand = points({{{1600, 245}, 3}, {{1300, 0}, 5}});
  const CoverageStudy on = run_coverage(city, sites, demand, false, params());
  const CoverageStudy off = run_coverage(city, sites, demand, false, params(0));
  // Worker 1 on the main street at x = 1300: with the rule 235 + 290 = 525 (covered); without,
  // unreachable from island C.
  CHECK(on.covers[0].walk == std::vector<uint32_t>{1});
  CHECK(off.covers[0].walk == std::vector<uint32_t>{0});
  CHECK(on.covers[0].join_gain == std::vector<uint32_t>{1});
  CHECK(on.covers[0].join_loss == std::vector<uint32_t>{0});
  const auto& S = on.state.summary();
  CHECK(S.joins(Criterion::walk).only_through_joins == Approx(5));
  CHECK(S.joins(Criterion::walk).only_without_joins == Approx(3));
  CHECK(S.walk.covered - off.state.summary().walk.covered ==
        Approx(S.joins(Criterion::walk).only_through_joins -
               S.joins(Criterion::walk).only_without_joins));
  CHECK(S.covered_without_joins(Criterion::walk) == Approx(3));
  for (uint32_t d = 0; d < 2; ++d)
    CHECK(on.state.count_without_joins(Criterion::walk, d) == off.state.count(Criterion::walk, d));
}
