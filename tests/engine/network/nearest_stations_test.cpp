// The two-label multi-source search against brute force: one bounded search per station, then the
// two smallest distances from distinct stations, at every node and at snapped points.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "engine/inputs/demo_city.hpp"
#include "engine/network/nearest_stations.hpp"
#include "engine/network/walk_search.hpp"
#include "support/tiny_network.hpp"

using namespace yz;

namespace {
void check_against_brute_force(const CityNetwork& city, const std::vector<Snap>& st, float max_m,
                               const std::vector<Snap>& probes) {
  const NearestStations ns(city.graph, st, max_m);
  const uint32_t n = city.graph.node_count();
  std::vector<std::vector<float>> dn(st.size(), std::vector<float>(n, WalkSearch::kInf));
  std::vector<std::vector<float>> dp(st.size(),
                                     std::vector<float>(probes.size(), WalkSearch::kInf));
  WalkSearch s(city.graph);
  for (size_t i = 0; i < st.size(); ++i) {
    s.run(st[i], max_m);
    for (NodeId u = 0; u < n; ++u) dn[i][u] = s.reached(u) ? s.dist(u) : WalkSearch::kInf;
    for (size_t p = 0; p < probes.size(); ++p) dp[i][p] = s.distance_to(probes[p]);
  }
  auto two = [&](auto get) {
    std::vector<float> d;
    for (size_t i = 0; i < st.size(); ++i) d.push_back(get(i));
    std::sort(d.begin(), d.end());
    d.resize(2, WalkSearch::kInf);
    return d;
  };
  for (NodeId u = 0; u < n; ++u) {
    const auto d = two([&](size_t i) { return dn[i][u]; });
    const TwoNearest& t = ns.node(u);
    if (d[0] < WalkSearch::kInf) {
      REQUIRE(t.s1 != kInvalidId);
      CHECK(t.d1 == Approx(d[0]).margin(0.01));
      CHECK(dn[t.s1][u] == Approx(t.d1).margin(0.01));
    } else {
      CHECK(t.s1 == kInvalidId);
    }
    if (d[1] < WalkSearch::kInf) {
      REQUIRE(t.s2 != kInvalidId);
      CHECK(t.s2 != t.s1);
      CHECK(t.d2 == Approx(d[1]).margin(0.01));
    } else {
      CHECK(t.s2 == kInvalidId);
    }
  }
  for (size_t p = 0; p < probes.size(); ++p) {
    const auto d = two([&](size_t i) { return dp[i][p]; });
    const TwoNearest t = ns.at(probes[p]);
    CHECK((t.s1 == kInvalidId) == (d[0] >= WalkSearch::kInf));
    if (t.s1 != kInvalidId) CHECK(t.d1 == Approx(d[0]).margin(0.01));
    CHECK((t.s2 == kInvalidId) == (d[1] >= WalkSearch::kInf));
    if (t.s2 != kInvalidId) CHECK(t.d2 == Approx(d[1]).margin(0.01));
  }
}
}  // namespace

TEST_CASE("two nearest stations on a street: hand-computed", "[network][export]") {
  // One straight street 0..3000 m; stations at 500 and 2000 (on the street), 100 m off it at 2900.
  auto city = city_from_lines(test::tiny_lines({{{{0, 0}, {1000, 0}, {2000, 0}, {3000, 0}}}}));
  const auto st = city.snapper->snap_all({{500, 0}, {2000, 0}, {2900, 100}});
  const NearestStations ns(city.graph, st, 5000);
  const Snap p = city.snapper->snap({1200, 30});  // 30 m off the street at x=1200
  const TwoNearest t = ns.at(p);
  CHECK(t.s1 == 0);
  CHECK(t.d1 == Approx(700 + 30));
  CHECK(t.s2 == 1);
  CHECK(t.d2 == Approx(800 + 30));
  const TwoNearest q = ns.at(city.snapper->snap({2950, 0}));
  CHECK(q.s1 == 2);
  CHECK(q.d1 == Approx(50 + 100));
  CHECK(q.s2 == 1);
  CHECK(q.d2 == Approx(950));
  // A budget cuts the second one off.
  const NearestStations tight(city.graph, st, 800);
  CHECK(tight.at(p).s1 == 0);
  CHECK(tight.at(p).s2 == kInvalidId);
}

TEST_CASE("two nearest stations match brute force on the demo city", "[network][export]") {
  DemoCity demo = generate_demo_city(DemoCitySettings::load_default());
  auto city = city_from_lines(std::move(demo.lines));
  const auto st = city.snapper->snap_all(demo.stations.xy);
  std::mt19937 rng(7);
  std::vector<Vec2> pts;
  const Box b = city.bounds();
  std::uniform_real_distribution<double> ux(b.min.x, b.max.x), uy(b.min.y, b.max.y);
  for (int i = 0; i < 400; ++i) pts.push_back({ux(rng), uy(rng)});
  const auto probes = city.snapper->snap_all(pts);
  check_against_brute_force(city, st, 1125, probes);
  check_against_brute_force(city, st, 4000, probes);
}
