// "Where should the van stand at lunch?" (issue 14, suggest --mobile): k stops among candidates
// for a time window, on a hand grid, against exhaustive search valued quarter by quarter with an
// independent Dijkstra over the crossings. The candidates' hosts are closed at lunch: a van
// brings its own hours, so they count anyway; the existing stations count only while open. Then
// the round: the window split evenly, nearest stop next.
#include <catch2/catch.hpp>

#include <cmath>
#include <queue>

#include "engine/siting/mobile_round.hpp"
#include "engine/siting/suggest_run.hpp"
#include "engine/util/error.hpp"
#include "support/tiny_network.hpp"

using namespace yz;
using namespace yz::siting;
using yz::test::tiny_lines;

namespace {

constexpr int n = 7;
constexpr double step = 300;
Vec2 node_xy(int u) {
  return {(u / n) * step, (u % n) * step};
}

PointSet sites(std::initializer_list<std::pair<int, const char*>> nodes, const char* prefix) {
  PointSet ps;
  ps.source = prefix;
  int i = 0;
  for (auto [node, hours] : nodes) {
    ps.add({114.3 + node * 1e-4, 30.6}, node_xy(node), 1, prefix + std::to_string(++i), "");
    ps.info.emplace_back();
    ps.info.back().opening_hours = hours;
  }
  return ps;
}

}  // namespace

TEST_CASE("the van's k lunch stops agree with exhaustive search", "[siting][mobile]") {
  std::vector<yz::test::TinyLine> grid;
  for (int i = 0; i < n; ++i) {
    yz::test::TinyLine v, h;
    for (int j = 0; j < n; ++j)
      v.pts.push_back({i * step, j * step}), h.pts.push_back({j * step, i * step});
    grid.push_back(v);
    grid.push_back(h);
  }
  const CityNetwork city = city_from_lines(tiny_lines(grid));
  const int f_nodes[2] = {1 * n + 1, 5 * n + 5};
  const int c_nodes[7] = {0 * n + 6, 3 * n + 3, 6 * n + 0, 2 * n + 4,
                          4 * n + 1, 6 * n + 6, 1 * n + 5};
  SuggestRequest req;
  // F1 open 08:00-12:00 (the first hour of the window), F2 always.
  req.stations = sites({{f_nodes[0], "Mo-Fr 08:00-12:00"}, {f_nodes[1], "24/7"}}, "F");
  std::vector<std::pair<int, const char*>> cands;
  req.candidates = sites({{c_nodes[0], "Mo-Fr 09:00-10:00"},
                          {c_nodes[1], "Mo-Fr 09:00-10:00"},
                          {c_nodes[2], "Mo-Fr 09:00-10:00"},
                          {c_nodes[3], "Mo-Fr 09:00-10:00"},
                          {c_nodes[4], "Mo-Fr 09:00-10:00"},
                          {c_nodes[5], "Mo-Fr 09:00-10:00"},
                          {c_nodes[6], "Mo-Fr 09:00-10:00"}},
                         "C");
  for (int u = 0; u < n * n; ++u)
    req.demand.add({0, 0}, node_xy(u), 1 + (u * 7) % 5, std::to_string(u), "");
  req.params.minutes = 10, req.params.speed_kmh = 6;  // 1000 m
  req.criterion = Criterion::walk;
  req.options.goal = Goal::max_cover_k;
  req.options.k = 2;
  req.curve = false;
  req.time.window = true;
  REQUIRE(parse_time_window("11:00-13:30", req.time.from_q, req.time.to_q));
  req.time.days = 0x1f;
  req.candidates_always_open = true;
  const SuggestRun run = run_suggest(city, req);

  // Independent truth.
  std::vector<std::vector<double>> D(n * n, std::vector<double>(n * n, INFINITY));
  for (int src = 0; src < n * n; ++src) {
    auto& d = D[src];
    std::priority_queue<std::pair<double, int>, std::vector<std::pair<double, int>>, std::greater<>>
        q;
    d[src] = 0;
    q.push({0, src});
    while (!q.empty()) {
      const auto [du, u] = q.top();
      q.pop();
      if (du > d[u]) continue;
      for (auto [di, dj] : {std::pair{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
        const int a = u / n + di, b = u % n + dj;
        if (a < 0 || a >= n || b < 0 || b >= n) continue;
        if (du + step < d[a * n + b]) d[a * n + b] = du + step, q.push({du + step, a * n + b});
      }
    }
  }
  // Mean workers covered over the weekday quarters 44..53 by the open stations and the stops.
  auto value = [&](std::vector<int> stops, bool stops_open) {
    double sum = 0;
    int quarters = 0;
    for (int day = 0; day < 5; ++day)
      for (int q = 44; q < 54; ++q, ++quarters)
        for (int u = 0; u < n * n; ++u) {
          bool cov = D[f_nodes[1]][u] <= 1000 || (q < 48 && D[f_nodes[0]][u] <= 1000);
          if (stops_open)
            for (int s : stops) cov |= D[s][u] <= 1000;
          if (cov) sum += req.demand.weight[u];
        }
    return sum / quarters;
  };
  double best = -1;
  for (int a = 0; a < 7; ++a)
    for (int b = a + 1; b < 7; ++b) best = std::max(best, value({c_nodes[a], c_nodes[b]}, true));
  REQUIRE(best > value({}, false) + 1);  // the stops matter
  const SitingResult& r = run.result;
  REQUIRE(r.sites.size() == 2);
  CHECK(r.objective == Approx(best));
  CHECK(r.bound >= best - 1e-6);
  CHECK(r.optimal);
  std::vector<int> chosen_nodes;
  for (const auto& s : r.sites) chosen_nodes.push_back(c_nodes[s.site - run.fixed]);
  CHECK(value(chosen_nodes, true) == Approx(best));
  CHECK(r.before.covered == Approx(value({}, false)));

  // With the hosts' hours (no --mobile) the candidates are closed at lunch: nothing to gain.
  req.candidates_always_open = false;
  req.categories = CategoryHours{};
  const SuggestRun closed = run_suggest(city, req);
  CHECK(closed.result.objective == Approx(value({}, false)));
}

TEST_CASE("the round splits the window evenly, nearest stop next", "[siting][mobile]") {
  // Sites on a line at x = 0, 1000, 300, 5000 m; chosen in rank order 1, 3, 0, 2.
  const std::vector<Vec2> xy = {{0, 0}, {1000, 0}, {300, 0}, {5000, 0}};
  std::vector<Vec2> ll;
  for (const Vec2& p : xy) ll.push_back({114.3 + p.x * 1e-5, 30.6});
  TimeObjective t;
  t.window = true;
  t.from_q = 44, t.to_q = 54;  // 11:00-13:30: 10 quarters for 3 stops -> 4, 3, 3
  t.days = 0x1f;
  const auto round = mobile_round({1, 3, 0}, xy, t);
  REQUIRE(round.size() == 3);
  // From site 1 (x 1000): nearest is 0 (1000 m) before 3 (4000 m); then 3.
  CHECK(round[0].site == 1);
  CHECK(round[1].site == 0);
  CHECK(round[2].site == 3);
  CHECK(round[0].from_q == 44);
  CHECK(round[0].to_q == 48);
  CHECK(round[1].from_q == 48);
  CHECK(round[1].to_q == 51);
  CHECK(round[2].from_q == 51);
  CHECK(round[2].to_q == 54);
  const MobileSchedule ms = round_schedule(round, "van", ll, xy, t);
  REQUIRE(ms.stops.size() == 3);
  CHECK(ms.stops[0].hours_text == "11:00-12:00");
  CHECK(ms.stops[2].hours_text == "12:45-13:30");
  CHECK(ms.stops[1].days_text == "Mo-Fr");
  // The quarters of the week the van stands somewhere are exactly the window's, once each.
  for (int d = 0; d < 7; ++d)
    for (int q = 0; q < kQuartersPerDay; ++q) {
      int at = 0;
      for (const auto& s : ms.stops) at += s.when.open(d, q);
      CHECK(at == (d < 5 && q >= 44 && q < 54 ? 1 : 0));
    }
  // Overnight: 22:00-02:00 for 2 stops -> 22:00-24:00, 00:00-02:00.
  t.from_q = 88, t.to_q = 8;
  const auto night = mobile_round({0, 2}, xy, t);
  CHECK(night[0].from_q == 88);
  CHECK(night[0].to_q == 0);
  CHECK(night[1].from_q == 0);
  CHECK(night[1].to_q == 8);
  t.from_q = 44, t.to_q = 46;
  CHECK_THROWS_AS(mobile_round({0, 1, 2}, xy, t), InputError);
}
