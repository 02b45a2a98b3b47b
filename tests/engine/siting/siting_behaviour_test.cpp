// Behaviour of the siting pipeline beyond the optimum: determinism, per-site figures, nearby
// alternatives, infeasible targets, cancellation and progress, presolve, and the station review.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

#include "bench/synthetic_instance.hpp"
#include "engine/siting/plan_value.hpp"
#include "engine/siting/presolve.hpp"
#include "engine/siting/siting_solver.hpp"
#include "engine/siting/station_review.hpp"
#include "engine/util/error.hpp"

using namespace yz;
using namespace yz::siting;

namespace {

Problem city(uint32_t seed, uint32_t demand = 3000, uint32_t candidates = 300) {
  SyntheticSpec s;
  s.demand = demand;
  s.candidates = candidates;
  s.existing = 10;
  s.side_m = 8000;
  s.clusters = 6;
  s.seed = seed;
  return synthetic_instance(s);
}

std::vector<uint32_t> ids(const SitingResult& r) {
  std::vector<uint32_t> v;
  for (const auto& s : r.sites) v.push_back(s.site);
  return v;
}

// A line of demand points 0..9 (weight 1 each) and hand-made covers.
Problem line_problem() {
  Problem p;
  p.demand_weight.assign(10, 1.0);
  auto site = [&](std::vector<uint32_t> c, double x, bool fixed = false, double cost = 1) {
    Site s;
    s.covers = std::move(c);
    s.pos = {x, 0};
    s.fixed = fixed;
    s.cost = cost;
    p.sites.push_back(s);
  };
  site({0, 1, 2}, 100, true);     // 0: existing
  site({2, 3, 4, 5}, 400);        // 1
  site({3, 4}, 450);              // 2: dominated by 1 (subset, same cost)
  site({6, 7, 8, 9}, 800);        // 3
  site({6, 7, 8, 9}, 820);        // 4: identical to 3, higher index
  site({5, 6}, 600, false, 0.5);  // 5: cheap
  return p;
}

}  // namespace

TEST_CASE("same input gives the same stations in the same order") {
  Problem p = city(3);
  p.options.k = 15;
  p.options.time_limit_s =
      30;  // ends when proven optimal; a loaded machine must not change the plan
  const SitingResult a = solve_siting(p), b = solve_siting(p);
  REQUIRE(ids(a) == ids(b));
  REQUIRE(a.objective == b.objective);
  for (size_t i = 0; i < a.sites.size(); ++i) REQUIRE(a.sites[i].rank == i + 1);
}

namespace {

// Busy threads for as long as it lives: a loaded machine must not change the plan.
struct CpuHog {
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  explicit CpuHog(unsigned n) {
    for (unsigned i = 0; i < n; ++i)
      threads.emplace_back([this] {
        volatile double x = 1;
        while (!stop.load(std::memory_order_relaxed))
          for (int t = 0; t < 100000; ++t) x = x * 1.0000001 + 1e-9;
      });
  }
  ~CpuHog() {
    stop = true;
    for (auto& t : threads) t.join();
  }
};

}  // namespace

TEST_CASE("a loaded machine returns the same plan (work budgets, not the clock)") {
  const unsigned hogs = std::max(2u, std::thread::hardware_concurrency());
  auto twice = [&](const Problem& p) {
    std::pair<SitingResult, SitingResult> out;
    out.first = solve_siting(p);
    CpuHog hog(hogs);
    out.second = solve_siting(p);
    return out;
  };
  SECTION("CBC improves the heuristic and proves it, well inside the limit") {
    Problem p = city(23, 6000, 400);
    p.options.k = 15;
    p.options.time_limit_s = 120;
    const auto [a, b] = twice(p);
    REQUIRE(a.plan_source == "cbc");  // the case where CBC's answer is the plan
    REQUIRE(ids(a) == ids(b));
    REQUIRE(a.objective == b.objective);
    REQUIRE(a.optimal == b.optimal);
  }
  SECTION("the time limit ends the proof: the plan is the heuristic's either way") {
    Problem p = city(8, 6000, 400);
    p.options.k = 20;
    p.options.time_limit_s = 3;
    const auto [a, b] = twice(p);
    REQUIRE(a.stopped_by_time);
    REQUIRE(ids(a) == ids(b));
    REQUIRE(a.objective == b.objective);
  }
  SECTION("single then double, within a budget") {
    Problem q = city(9, 12000, 600);
    q.options.objective = Objective::single_then_double;
    q.options.goal = Goal::max_cover_budget;
    q.options.budget = 40;
    q.options.time_limit_s = 3;
    const auto [c, d] = twice(q);
    REQUIRE(ids(c) == ids(d));
    REQUIRE(c.secondary == d.secondary);
  }
}

TEST_CASE("per-site figures add up") {
  Problem p = city(4);
  p.options.k = 12;
  p.options.exact = false;
  const SitingResult r = solve_siting(p);
  REQUIRE(r.sites.size() == 12);
  double sum_gain = 0;
  for (const auto& s : r.sites) {
    REQUIRE(s.covers == Approx(s.unique + s.shared));
    REQUIRE(s.marginal == Approx(s.unique));  // single coverage: what only it covers
    REQUIRE(s.gain >= s.marginal - 1e-9);     // added earlier, it adds at least its marginal
    sum_gain += s.gain;
  }
  REQUIRE(r.before.covered + sum_gain == Approx(r.objective));
  REQUIRE(r.after.covered == Approx(r.objective));
  // Gains of the build order never increase (single coverage is submodular).
  for (size_t i = 1; i < r.sites.size(); ++i)
    REQUIRE(r.sites[i].gain <= r.sites[i - 1].gain + 1e-9);
  // Alternatives: closest first, not in the plan, objective = plan value with the swap.
  std::vector<uint32_t> plan = ids(r);
  for (const auto& s : r.sites) {
    REQUIRE(s.alternatives.size() == 3);
    for (size_t t = 0; t < s.alternatives.size(); ++t) {
      const auto& a = s.alternatives[t];
      if (t > 0) REQUIRE(a.distance_m >= s.alternatives[t - 1].distance_m);
      REQUIRE(std::find(plan.begin(), plan.end(), a.site) == plan.end());
      REQUIRE_FALSE(p.sites[a.site].fixed);
      std::vector<uint32_t> swapped = plan;
      std::replace(swapped.begin(), swapped.end(), s.site, a.site);
      REQUIRE(a.objective == Approx(plan_value(p, with_fixed(p, swapped)).p));
      REQUIRE(a.objective <= r.bound + 1e-6);
    }
  }
}

TEST_CASE("heuristic gap is honest against the exact optimum on a mid-size city") {
  Problem p = city(5, 3000, 300);
  p.options.k = 15;
  p.options.time_limit_s = 15;
  p.options.exact = false;
  const SitingResult h = solve_siting(p);
  p.options.exact = true;
  const SitingResult e = solve_siting(p);
  REQUIRE(e.optimal);
  REQUIRE(h.objective <= e.objective + 1e-6);
  REQUIRE(h.bound >= e.objective - 1e-6);
  REQUIRE(h.gap >= (e.objective - h.objective) / h.bound - 1e-12);
  REQUIRE(h.gap < 0.05);
}

TEST_CASE("an unreachable target says so and reports the best reachable coverage") {
  Problem p = line_problem();
  p.demand_weight.push_back(5);  // demand point 10: nobody covers it
  p.options.goal = Goal::min_for_target;
  p.options.target = 0.95;
  const SitingResult r = solve_siting(p);
  REQUIRE_FALSE(r.feasible);
  REQUIRE(r.best_reachable == Approx(10.0 / 15.0));
  REQUIRE(r.reachable_bound == Approx(10.0 / 15.0));
  REQUIRE(r.message.find("cannot be reached") != std::string::npos);
  REQUIRE(r.after.covered == Approx(10.0));
}

TEST_CASE("presolve merges demand, drops dominated and clashing candidates") {
  Problem p = line_problem();
  const Reduced r = presolve(p, conflict_pairs(p));
  // Site 2 is dominated by 1, site 4 is a copy of 3 with a higher index.
  REQUIRE(r.dropped_dominated == 2);
  REQUIRE(r.sites() == 3);
  // Demand 0..2 is covered by the existing station (constant); 3,4 -> {1}; 5 -> {1,5};
  // 6 -> {3,5}; 7,8,9 -> {3}.
  REQUIRE(r.constant.p == Approx(3));
  REQUIRE(r.groups() == 4);
  // With double coverage no candidate is dominated (a second covering has value).
  p.options.objective = Objective::double_cover;
  REQUIRE(presolve(p, conflict_pairs(p)).dropped_dominated == 0);
  // Spacing: candidates within 350 m of the existing station (site 1 at 300 m) cannot open.
  p.options.objective = Objective::single;
  p.options.spacing_m = 350;
  const Reduced s = presolve(p, conflict_pairs(p));
  REQUIRE(s.dropped_conflicting == 1);
  REQUIRE(s.orig_site[1] == kNone);
}

TEST_CASE("existing stations stay and spacing holds with the walk conflict list") {
  Problem p = line_problem();
  p.options.k = 2;
  p.options.conflicts = {{1, 3}};  // e.g. a short walk apart
  const SitingResult r = solve_siting(p);
  std::vector<uint32_t> c = ids(r);
  REQUIRE(c.size() == 2);
  REQUIRE_FALSE(
      (std::find(c.begin(), c.end(), 1) != c.end() && std::find(c.begin(), c.end(), 3) != c.end()));
  for (uint32_t j : c) REQUIRE(j != 0);
  REQUIRE(r.optimal);
}

TEST_CASE("cancel stops the run and progress is reported") {
  Problem p = city(6);
  p.options.k = 30;
  std::atomic<bool> cancel{false};
  int calls = 0;
  Progress prog;
  prog.report = [&](double f, std::string_view) {
    REQUIRE(f >= 0);
    REQUIRE(f <= 1);
    ++calls;
  };
  prog.cancel = &cancel;
  solve_siting(p, prog);
  REQUIRE(calls > 2);
  cancel = true;
  REQUIRE_THROWS_AS(solve_siting(p, prog), Cancelled);
}

TEST_CASE("cancelling mid-run stops promptly in every stage") {
  // A full run first, to know how many progress calls each stage makes; then runs that raise the
  // flag at calls spread over the run (greedy, local and iterated search, bound, CBC).
  Problem p = city(8, 6000, 400);  // CBC does not finish in the limit: every stage is visited
  p.options.k = 20;
  p.options.time_limit_s = 6;
  std::vector<std::string> stages;
  Progress count;
  count.report = [&](double, std::string_view s) { stages.emplace_back(s); };
  solve_siting(p, count);
  const int total = static_cast<int>(stages.size());
  REQUIRE(total > 10);
  // (CBC's "exact" stage is among them unless a loaded machine left it no time.)
  using Clock = std::chrono::steady_clock;
  // One cancel point in the middle of each stage's progress calls.
  std::vector<int> points;
  for (int i = 0; i < total;) {
    int j = i;
    while (j < total && stages[j] == stages[i]) ++j;
    if (stages[i] != "report" && stages[i] != "done") points.push_back((i + j + 1) / 2);
    i = j;
  }
  REQUIRE(points.size() >= 4);
  for (int after : points) {
    INFO("cancel at progress call " << after << " of " << total << " (stage " << stages[after - 1]
                                    << ")");
    std::atomic<bool> cancel{false};
    int calls = 0;
    Clock::time_point raised;
    Progress prog;
    prog.cancel = &cancel;
    prog.report = [&](double, std::string_view) {
      if (++calls == after) {
        raised = Clock::now();
        cancel = true;
      }
    };
    REQUIRE_THROWS_AS(solve_siting(p, prog), Cancelled);
    REQUIRE(cancel.load());
    const double s = std::chrono::duration<double>(Clock::now() - raised).count();
    REQUIRE(s < 3.0);  // promptly, whatever the stage (and however loaded the machine)
  }
}

TEST_CASE("capacities: the bound is capacity-aware and the swap search helps") {
  // Tight capacities: a trivial bound (all workers) says nothing; the capacity bound must be
  // within reach of what the plan serves.
  Problem p = city(11, 6000, 400);
  for (Site& s : p.sites) s.capacity = s.fixed ? 150 : 300;
  p.options.k = 10;
  p.options.exact = false;
  const SitingResult r = solve_siting(p);
  const double served_cap = 10 * 300 + 10 * 150;  // all capacity open
  REQUIRE(r.bound <= served_cap + 1e-6);
  REQUIRE(r.bound < 0.5 * r.before.total);  // far below the trivial bound
  REQUIRE(r.objective <= r.bound + 1e-6);
  REQUIRE(r.gap < 0.05);
  REQUIRE(r.bound_method == "capacity lagrangian");
}

TEST_CASE("single then double: the second stage runs when the first is already optimal") {
  // Demand 0..3 weight 1. Sites: 0 covers {0,1}, 1 covers {2,3}, 2 covers {0,1} again, 3 covers
  // {0,2,3}. With k = 3 many plans cover all four (optimal, proven at once by the bound); the
  // second stage must still run and prove the most double coverage among them. (The stress
  // seeds 1206 and 1394 in the brute-force test are cases the heuristic alone gets wrong.)
  Problem p;
  p.demand_weight.assign(4, 1.0);
  auto site = [&](std::vector<uint32_t> c, double x) {
    Site s;
    s.covers = std::move(c);
    s.pos = {x, 0};
    p.sites.push_back(s);
  };
  site({0, 1}, 0);
  site({2, 3}, 100);
  site({0, 1}, 200);
  site({0, 2, 3}, 300);
  p.options.k = 3;
  p.options.objective = Objective::single_then_double;
  const SitingResult r = solve_siting(p);
  REQUIRE(r.objective == Approx(4));
  REQUIRE(r.optimal);
  REQUIRE(r.secondary_run);
  double best = 0;
  for (uint32_t mask = 0; mask < 16; ++mask) {
    if (__builtin_popcount(mask) > 3) continue;
    std::vector<int> c(4, 0);
    for (uint32_t j = 0; j < 4; ++j)
      if (mask >> j & 1)
        for (uint32_t d : p.sites[j].covers) ++c[d];
    double once = 0, twice = 0;
    for (int x : c) once += x >= 1, twice += x >= 2;
    if (once == 4) best = std::max(best, twice);
  }
  REQUIRE(best == 3);
  REQUIRE(r.secondary == Approx(best));
  REQUIRE(r.secondary_optimal);
  REQUIRE(r.secondary_bound >= best - 1e-9);
}

TEST_CASE("bad input is rejected with a clear message") {
  Problem p = line_problem();
  p.sites[1].covers = {3, 2};
  REQUIRE_THROWS_AS(solve_siting(p), InputError);
  p = line_problem();
  p.options.goal = Goal::min_for_target;
  p.options.target = 1.5;
  REQUIRE_THROWS_AS(solve_siting(p), InputError);
  p = line_problem();
  p.sites[1].capacity = 3;
  p.options.objective = Objective::double_cover;
  REQUIRE_THROWS_WITH(solve_siting(p), Catch::Contains("capacities"));
}

TEST_CASE("make_siting_problem takes the chosen criterion") {
  std::vector<SiteCover> covers(2);
  covers[0].walk = {0, 1};
  covers[0].radius = {1, 2};
  covers[1].walk = {3};
  covers[1].radius = {3, 4};
  const std::vector<Vec2> pos{{0, 0}, {10, 0}};
  Problem both = make_siting_problem(covers, Criterion::both, std::vector<double>(5, 1.0), 1, pos);
  REQUIRE(both.sites[0].covers == std::vector<uint32_t>{1});
  REQUIRE(both.sites[0].fixed);
  REQUIRE_FALSE(both.sites[1].fixed);
  Problem either =
      make_siting_problem(covers, Criterion::either, std::vector<double>(5, 1.0), 1, pos);
  REQUIRE(either.sites[1].covers == std::vector<uint32_t>{3, 4});
}

TEST_CASE("least useful stations and upgrade priority") {
  Problem p;
  p.demand_weight = {10, 10, 5, 1};
  Site a, b, c;
  a.covers = {0, 1};
  b.covers = {1, 2};
  c.covers = {3};
  a.fixed = b.fixed = c.fixed = true;
  p.sites = {a, b, c};
  const auto rc = removal_costs(p);
  REQUIRE(rc.size() == 3);
  REQUIRE(rc[0].site == 2);  // loses 1 worker
  REQUIRE(rc[0].lost == 1);
  REQUIRE(rc[1].site == 1);  // loses 5
  REQUIRE(rc[1].lost_twice == 10);
  REQUIRE(rc[2].site == 0);  // loses 10
  // Amenities: bit 0 water, 1 toilet, 2 charging. a has all, b has none, c has water.
  const auto up = upgrade_priority(p, {0b111, 0b000, 0b001}, 0b111);
  REQUIRE(up[0].site == 1);
  REQUIRE(up[0].served == Approx(10));  // 10/2 + 5
  REQUIRE(up[0].priority == Approx(30));
  REQUIRE(up[1].site == 2);
  REQUIRE(up[1].priority == Approx(2));
  REQUIRE(up[2].site == 0);
  REQUIRE(up[2].priority == 0);
}
