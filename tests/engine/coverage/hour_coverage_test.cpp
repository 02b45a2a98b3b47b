// Coverage by hour on a hand-built case: three stations with different hours, five demand points
// in two worker groups. Every figure is recomputed by brute force (each quarter-hour, each point,
// each station, membership by binary search) and a few are worked out by hand.
#include <catch2/catch.hpp>

#include <algorithm>

#include "engine/coverage/hour_coverage.hpp"

using namespace yz;

namespace {

struct Case {
  std::vector<double> weight{10, 20, 5, 7, 3};
  std::vector<SiteCover> covers;
  std::vector<WeekSchedule> schedules;
  WorkerProfile riders, other;
  DemandGroups groups;

  Case() {
    covers.resize(3);
    covers[0].walk = {0, 1}, covers[0].radius = {0, 1, 2};
    covers[1].walk = {2, 3}, covers[1].radius = {3};
    covers[2].walk = {1, 4}, covers[2].radius = {1, 4};
    for (auto& c : covers) c.walk_m.assign(c.walk.size(), 100.f), c.snapped = true;
    for (const char* h : {"Mo-Fr 09:00-17:00", "22:00-06:00", "Sa,Su 10:00-16:30"})
      schedules.push_back(parse_opening_hours(h).schedule);
    riders.name = "riders", other.name = "default";
    for (int h = 0; h < 24; ++h) {
      riders.weekday[h] = (h >= 11 && h <= 13) || (h >= 17 && h <= 20) ? 1.0 : 0.2;
      riders.weekend[h] = h >= 10 && h <= 21 ? 0.9 : 0.1;
      other.weekday[h] = other.weekend[h] = h >= 6 && h <= 18 ? 0.5 : 0.0;
    }
    groups.names = {"riders", "default"};
    groups.profiles = {&riders, &other};
    // Point d: riders share, the rest default.
    const double riders_at[5] = {10, 5, 0, 7, 1};
    for (size_t d = 0; d < 5; ++d) {
      groups.share.push_back(riders_at[d]);
      groups.share.push_back(weight[d] - riders_at[d]);
    }
  }

  bool in(const std::vector<uint32_t>& v, uint32_t d) const {
    return std::binary_search(v.begin(), v.end(), d);
  }
  bool covered(int c, uint32_t d, int day, int q, bool ignore_hours = false) const {
    for (size_t s = 0; s < covers.size(); ++s) {
      if (!ignore_hours && !schedules[s].open(day, q)) continue;
      const bool w = in(covers[s].walk, d), r = in(covers[s].radius, d);
      if ((c == 0 && w) || (c == 1 && r) || (c == 2 && w && r) || (c == 3 && (w || r))) return true;
    }
    return false;
  }
};

}  // namespace

TEST_CASE("coverage by hour agrees with brute force", "[coverage][hours]") {
  const Case k;
  const HourCoverage hc = hour_coverage(k.covers, k.schedules, k.weight, k.groups, 0.8);
  CHECK(hc.total == 45);
  // By hand: weekday 12:00 only s0 is open (walk 0,1 = 30 workers; both: 0,1 = 30; either: +2).
  CHECK(hc.by[0][12].covered[0] == Approx(30));
  CHECK(hc.by[0][12].covered[3] == Approx(35));
  CHECK(hc.by[0][12].open_stations == Approx(1));
  // 23:00 every day: only s1 (walk 2,3 = 12; both: 3 = 7).
  CHECK(hc.by[0][23].covered[0] == Approx(12));
  CHECK(hc.by[1][23].covered[2] == Approx(7));
  // Weekend 16:00: s2 open until 16:30, half the hour: walk 1,4 = 23 then none -> 11.5.
  CHECK(hc.by[1][16].covered[0] == Approx(11.5));
  CHECK(hc.by[1][16].open_stations == Approx(0.5));

  double wh = 0, wh_cov[4] = {0, 0, 0, 0}, wh_open[4] = {0, 0, 0, 0};
  for (int t = 0; t < 2; ++t)
    for (int h = 0; h < 24; ++h) {
      double cov[4] = {0, 0, 0, 0}, act[4] = {0, 0, 0, 0}, open = 0;
      int n = 0;
      for (int day = t ? 5 : 0; day < (t ? 7 : 5); ++day)
        for (int q = h * 4; q < h * 4 + 4; ++q, ++n) {
          for (const auto& s : k.schedules) open += s.open(day, q);
          for (int c = 0; c < 4; ++c)
            for (uint32_t d = 0; d < 5; ++d)
              if (k.covered(c, d, day, q)) {
                cov[c] += k.weight[d];
                act[c] += k.groups.at(d, 0) * k.riders.share(t, h) +
                          k.groups.at(d, 1) * k.other.share(t, h);
              }
        }
      INFO("day type " << t << " hour " << h);
      CHECK(hc.by[t][h].open_stations == Approx(open / n));
      double active = 0;
      for (uint32_t d = 0; d < 5; ++d)
        active +=
            k.groups.at(d, 0) * k.riders.share(t, h) + k.groups.at(d, 1) * k.other.share(t, h);
      CHECK(hc.by[t][h].active == Approx(active));
      const double days = t ? 2 : 5;
      wh += days * active;
      for (int c = 0; c < 4; ++c) {
        CHECK(hc.by[t][h].covered[c] == Approx(cov[c] / n));
        CHECK(hc.by[t][h].active_covered[c] == Approx(act[c] / n).margin(1e-9));
        wh_cov[c] += days * act[c] / n;
        for (uint32_t d = 0; d < 5; ++d)
          if (k.covered(c, d, 0, 0, true))
            wh_open[c] += days * (k.groups.at(d, 0) * k.riders.share(t, h) +
                                  k.groups.at(d, 1) * k.other.share(t, h));
      }
    }
  CHECK(hc.worker_hours == Approx(wh));
  for (int c = 0; c < 4; ++c) {
    CHECK(hc.worker_hours_covered[c] == Approx(wh_cov[c]));
    CHECK(hc.worker_hours_if_open[c] == Approx(wh_open[c]));
    CHECK(hc.worker_hours_covered[c] <= hc.worker_hours_if_open[c] + 1e-9);
  }
  // Riders' weekday peak hours: 11-13 and 17-20 (share 1 >= 0.8); at 11-13 s0 covers riders at
  // points 0 and 1 on foot (15 of them), at 17-20 none is open near them except... s0 closes at
  // 17:00 and s1 opens at 22:00: 0. Mean over the 7 peak hours: 15 * 3 / 7.
  REQUIRE(hc.peaks.size() == 2);
  CHECK(hc.peaks[0].group == "riders");
  CHECK(hc.peaks[0].hours[0] == std::vector<int>{11, 12, 13, 17, 18, 19, 20});
  CHECK(hc.peaks[0].covered[0][0] == Approx(15.0 * 3 / 7));
  CHECK(hc.peaks[0].if_open[0][0] == Approx(23));  // riders at 0,1,3,4 reached on foot
}

TEST_CASE("worker groups from demand columns", "[coverage][hours]") {
  WorkerProfiles wp;
  WorkerProfile r, d;
  r.name = "riders", d.name = "default";
  wp.groups = {r, d};
  PointSet pts;
  pts.attr_names = {"riders", "note"};
  pts.add({0, 0}, {0, 0}, 10, "a", "");
  pts.attr_values.back() = {"4", "x"};
  pts.add({0, 0}, {0, 0}, 6, "b", "");
  pts.attr_values.back() = {"", "y"};
  pts.add({0, 0}, {0, 0}, 2, "c", "");
  pts.attr_values.back() = {"8", ""};  // more than the weight: scaled down to it
  const DemandGroups g = demand_groups(pts, wp);
  REQUIRE(g.names == std::vector<std::string>{"riders", "default"});
  CHECK(g.at(0, 0) == 4);
  CHECK(g.at(0, 1) == 6);
  CHECK(g.at(1, 0) == 0);
  CHECK(g.at(1, 1) == 6);
  CHECK(g.at(2, 0) == 2);
  CHECK(g.at(2, 1) == 0);
}
