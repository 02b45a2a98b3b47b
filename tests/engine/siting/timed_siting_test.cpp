// Siting for a time window and for worker-hours against exhaustive search: every k-subset of the
// candidates is valued slot by slot (each quarter-hour of the week, each demand point, any open
// chosen or existing site that covers it), independently of the class expansion. The solver's
// plan must reach the best value and its bound must not fall below it.
#include <catch2/catch.hpp>

#include <algorithm>

#include "engine/siting/siting_solver.hpp"
#include "engine/siting/timed_problem.hpp"

using namespace yz;
using namespace yz::siting;

namespace {

struct Instance {
  Problem base;
  std::vector<WeekSchedule> schedules;
  WorkerProfile riders, other;
  DemandGroups groups;
};

Instance make(uint32_t seed) {
  Instance in;
  uint64_t x = seed * 2654435761u + 12345;
  auto rnd = [&](int n) {
    x = x * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<int>((x >> 33) % n);
  };
  const int D = 9, S = 7;
  for (int d = 0; d < D; ++d) in.base.demand_weight.push_back(1 + rnd(20));
  const char* hours[] = {"Mo-Fr 09:00-17:00", "24/7",        "17:00-23:00", "Sa,Su 10:00-22:00",
                         "06:00-10:00",       "11:00-14:00", "22:00-06:00", "Mo-Fr 08:00-12:00"};
  for (int j = 0; j < S; ++j) {
    Site s;
    for (int d = 0; d < D; ++d)
      if (rnd(3) == 0) s.covers.push_back(d);
    s.fixed = j == 0;
    s.pos = {j * 1000.0, 0};
    in.base.sites.push_back(s);
    in.schedules.push_back(parse_opening_hours(hours[rnd(8)]).schedule);
  }
  in.riders.name = "riders", in.other.name = "default";
  for (int h = 0; h < 24; ++h) {
    in.riders.weekday[h] = (h >= 11 && h <= 13) || (h >= 17 && h <= 20) ? 1.0 : 0.1;
    in.riders.weekend[h] = h >= 10 && h <= 21 ? 0.8 : 0.05;
    in.other.weekday[h] = in.other.weekend[h] = h >= 5 && h <= 17 ? 0.6 : 0.1;
  }
  in.groups.names = {"riders", "default"};
  in.groups.profiles = {&in.riders, &in.other};
  for (int d = 0; d < D; ++d) {
    const double r = rnd(2) ? in.base.demand_weight[d] : 0;
    in.groups.share.push_back(r);
    in.groups.share.push_back(in.base.demand_weight[d] - r);
  }
  return in;
}

// The time-weighted coverage of `open` (site ids), slot by slot.
double brute_value(const Instance& in, const TimeObjective& t, const std::vector<uint32_t>& open) {
  int counted = 0;
  for (int day = 0; day < 7; ++day)
    for (int q = 0; q < 96; ++q) counted += t.counts(day, q);
  double v = 0;
  for (int day = 0; day < 7; ++day)
    for (int q = 0; q < 96; ++q) {
      if (!t.counts(day, q)) continue;
      for (uint32_t d = 0; d < in.base.demand_weight.size(); ++d) {
        bool cov = false;
        for (uint32_t j : open) {
          const auto& c = in.base.sites[j].covers;
          cov |= in.schedules[j].open(day, q) && std::binary_search(c.begin(), c.end(), d);
        }
        if (!cov) continue;
        for (size_t g = 0; g < 2; ++g)
          v += in.groups.at(d, g) * (t.worker_hours
                                         ? in.groups.profiles[g]->share(day >= 5, q / 4) * 0.25
                                         : 1.0 / counted);
      }
    }
  return v;
}

}  // namespace

TEST_CASE("timed siting agrees with exhaustive search over k-subsets", "[siting][hours]") {
  std::vector<TimeObjective> objectives(4);
  objectives[0].window = true, objectives[0].from_q = 68, objectives[0].to_q = 82,
  objectives[0].days = 0x1f;  // weekdays 17:00-20:30
  objectives[1].worker_hours = true;
  objectives[2].window = true, objectives[2].from_q = 88, objectives[2].to_q = 24;  // 22:00-06:00
  objectives[3] = objectives[0], objectives[3].worker_hours = true;
  for (uint32_t seed = 1; seed <= 6; ++seed)
    for (const TimeObjective& t : objectives)
      for (uint32_t k : {1u, 2u, 3u}) {
        Instance in = make(seed);
        in.base.options.k = k;
        in.base.options.time_limit_s = 5;
        INFO("seed " << seed << " k " << k << " " << t.describe());
        const TimedProblem tp = expand_for_hours(in.base, in.schedules, t, in.groups);
        const SitingResult r = solve_siting(tp.problem);
        // Exhaustive: every subset of at most k of the six candidates, the fixed station open.
        double best = 0;
        const uint32_t n = static_cast<uint32_t>(in.base.sites.size());
        for (uint32_t mask = 0; mask < (1u << n); ++mask) {
          if (mask & 1u) continue;  // site 0 is fixed (always in)
          if (static_cast<uint32_t>(__builtin_popcount(mask)) > k) continue;
          std::vector<uint32_t> open{0};
          for (uint32_t j = 1; j < n; ++j)
            if (mask >> j & 1) open.push_back(j);
          best = std::max(best, brute_value(in, t, open));
        }
        std::vector<uint32_t> plan{0};
        for (const auto& s : r.sites) plan.push_back(s.site);
        CHECK(brute_value(in, t, plan) == Approx(r.objective).margin(1e-9));
        CHECK(r.objective == Approx(best).margin(1e-9));
        CHECK(r.bound >= best - 1e-6);
        CHECK(r.optimal);
      }
}

TEST_CASE("timed siting refuses capacities and keeps always-open sites unchanged",
          "[siting][hours]") {
  Instance in = make(3);
  TimeObjective t;
  t.window = true, t.from_q = 40, t.to_q = 60;
  std::vector<WeekSchedule> always(in.base.sites.size(), WeekSchedule::always());
  DemandGroups one;
  one.names = {"default"};
  one.profiles = {&in.other};
  one.share = in.base.demand_weight;
  const TimedProblem tp = expand_for_hours(in.base, always, t, one);
  CHECK(tp.classes == 1);
  REQUIRE(tp.problem.demand_weight.size() == in.base.demand_weight.size());
  for (size_t d = 0; d < in.base.demand_weight.size(); ++d)  // mean over the window = workers
    CHECK(tp.problem.demand_weight[d] == Approx(in.base.demand_weight[d]));
  in.base.sites[1].capacity = 5;
  CHECK_THROWS_AS(expand_for_hours(in.base, in.schedules, t, in.groups), InputError);
}
