// Coverage by hour with a mobile station (issue 14): at each quarter-hour the van covers from the
// stop it stands at and from none between stops; the all-day figures count a worker covered when
// any stop covers them. Checked on a hand grid against an independent computation: a plain
// Dijkstra over the crossings and each stop's days and hours taken from the test's own table,
// not from the schedule reader.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <queue>
#include <tuple>

#include "engine/coverage/coverage_study.hpp"
#include "engine/coverage/hour_coverage.hpp"
#include "engine/inputs/mobile_stops.hpp"
#include "engine/inputs/site_hours.hpp"
#include "support/tiny_network.hpp"

using namespace yz;
using yz::test::tiny_lines;

namespace {

constexpr int n = 9;          // crossings per side
constexpr double step = 300;  // metres between crossings
Vec2 node_xy(int u) {
  return {(u / n) * step, (u % n) * step};
}

// Stops of van V1 (and V2) as the planner's table says: node, days bit mask, from/to in quarters.
struct StopRow {
  const char* station;
  int node;
  uint8_t days;
  int from_q, to_q;  // to <= from: past midnight
};
const StopRow kStops[] = {{"V1", 2 * n + 2, 0x1f, 44, 54},  // Mo-Fr 11:00-13:30
                          {"V1", 6 * n + 6, 0x1f, 68, 82},  // Mo-Fr 17:00-20:30
                          {"V1", 2 * n + 7, 0x60, 40, 64},  // Sa,Su 10:00-16:00
                          {"V2", 7 * n + 1, 0x7f, 88, 8}};  // every day 22:00-02:00

bool stop_open(const StopRow& s, int day, int q) {
  if (s.to_q > s.from_q) return (s.days >> day & 1) && q >= s.from_q && q < s.to_q;
  const int prev = (day + 6) % 7;
  return ((s.days >> day & 1) && q >= s.from_q) || ((s.days >> prev & 1) && q < s.to_q);
}

}  // namespace

TEST_CASE("a van covers from the stop it stands at, by brute force", "[coverage][mobile]") {
  std::vector<yz::test::TinyLine> grid;
  for (int i = 0; i < n; ++i) {
    yz::test::TinyLine v, h;
    for (int j = 0; j < n; ++j)
      v.pts.push_back({i * step, j * step}), h.pts.push_back({j * step, i * step});
    grid.push_back(v);
    grid.push_back(h);
  }
  auto city = city_from_lines(tiny_lines(grid));
  // Stations: F1 fixed at the centre, open 8:00-20:00; V1, V2 mobile (listed at a depot corner);
  // V3 mobile without a schedule (kept fixed at its place, always open).
  PointSet stations;
  stations.source = "stations";
  const int fixed_node = 4 * n + 4, depot = 0, v3_node = 8 * n + 8;
  for (auto [id, node, hours, mobile] :
       {std::tuple{"F1", fixed_node, "8:00-20:00", false}, std::tuple{"V1", depot, "", true},
        std::tuple{"V2", depot, "", true}, std::tuple{"V3", v3_node, "", true}}) {
    stations.add({0, 0}, node_xy(node), 1, id, "");
    stations.info.emplace_back();
    stations.info.back().opening_hours = hours;
    if (mobile) stations.info.back().host_type = "mobile";
  }
  MobileSchedule sch;
  sch.source = "schedule";
  uint32_t order[2] = {0, 0};
  std::string problem;
  for (const StopRow& r : kStops) {
    MobileStop s;
    s.station = r.station;
    s.order = ++order[r.station[1] - '1'];
    s.xy = node_xy(r.node);
    REQUIRE(stop_schedule(r.days == 0x1f   ? "Mo-Fr"
                          : r.days == 0x60 ? "周末"
                                           : "每天",
                          r.from_q, r.to_q, s.when, problem));
    sch.stops.push_back(s);
  }
  const MobileSites ms = place_mobile_stops(stations, sch);
  REQUIRE(ms.sites.size() == 1 + 4 + 1);
  CHECK(ms.mobile_stations == 2);

  // Demand on every crossing, weight 1 + node % 4.
  PointSet demand;
  for (int u = 0; u < n * n; ++u) demand.add({0, 0}, node_xy(u), 1 + u % 4, "", "");
  CoverageParams p;
  p.minutes = 10, p.speed_kmh = 6;  // 1000 m: never a multiple of the 300 m step
  p.radius_m = 700;
  const CoverageStudy st = run_coverage(city, ms.sites, demand, false, p);
  SiteHoursReport rep;
  const auto schedules = site_schedules(st.sites, nullptr, rep);
  REQUIRE(rep.unreadable == 0);
  WorkerProfile all;
  all.name = "default";
  all.weekday.fill(1), all.weekend.fill(1);
  DemandGroups groups;
  groups.names = {"default"};
  groups.profiles = {&all};
  groups.share = demand.weight;
  const HourCoverage hc = hour_coverage(st.covers, schedules, demand.weight, groups, 0.8);

  // Independent truth: Dijkstra over the crossings; the sites as the test's table places them.
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
      const int i = u / n, j = u % n;
      for (auto [di, dj] : {std::pair{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
        const int a = i + di, b = j + dj;
        if (a < 0 || a >= n || b < 0 || b >= n) continue;
        if (du + step < d[a * n + b]) d[a * n + b] = du + step, q.push({du + step, a * n + b});
      }
    }
  }
  struct TruthSite {
    int node;
    std::function<bool(int, int)> open;
  };
  std::vector<TruthSite> truth = {{fixed_node, [](int, int q) { return q >= 32 && q < 80; }}};
  for (const StopRow& r : kStops)
    truth.push_back({r.node, [r](int d, int q) { return stop_open(r, d, q); }});
  truth.push_back({v3_node, [](int, int) { return true; }});
  auto covered = [&](int c, int u, int day, int q, bool all_day) {
    for (const auto& s : truth) {
      if (!all_day && !s.open(day, q)) continue;
      const bool w = D[s.node][u] <= p.budget_m();
      const bool r = distance(node_xy(s.node), node_xy(u)) <= p.radius_m;
      if ((c == 0 && w) || (c == 1 && r) || (c == 2 && w && r) || (c == 3 && (w || r))) return true;
    }
    return false;
  };
  for (int t = 0; t < 2; ++t)
    for (int h = 0; h < 24; ++h)
      for (int c = 0; c < 4; ++c) {
        double sum = 0;
        int cnt = 0;
        for (int day = t ? 5 : 0; day < (t ? 7 : 5); ++day)
          for (int q = 4 * h; q < 4 * h + 4; ++q, ++cnt)
            for (int u = 0; u < n * n; ++u)
              if (covered(c, u, day, q, false)) sum += demand.weight[u];
        INFO("day type " << t << " hour " << h << " criterion " << c);
        CHECK(hc.by[t][h].covered[c] == Approx(sum / cnt));
      }
  // All day: any stop counts.
  for (int c = 0; c < 4; ++c) {
    double all_day = 0;
    for (int u = 0; u < n * n; ++u)
      if (covered(c, u, 0, 0, true)) all_day += demand.weight[u];
    CHECK(st.state.summary().of(kAllCriteria[c]).covered == Approx(all_day));
  }
  // Weekday 12:00: F1 and V1's lunch stop; V1's other stops are closed, V3 always open.
  CHECK(hc.by[0][12].open_stations == Approx(3));
  // 23:00: F1 closed, only V2 (7,1) and V3 (8,8).
  double late = 0;
  for (int u = 0; u < n * n; ++u)
    if (D[7 * n + 1][u] <= 1000 || D[8 * n + 8][u] <= 1000) late += demand.weight[u];
  CHECK(hc.by[0][23].covered[0] == Approx(late));
  CHECK(hc.by[0][23].open_stations == Approx(2));
  CHECK(hc.by[0][15].open_stations == Approx(2));  // between stops: F1 and V3
}
