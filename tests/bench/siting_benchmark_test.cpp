// The siting benchmark: a quick sanity run, bound and local-search diagnostics with their
// invariants (always, on a district), and the city-sized run that prints the figures (hidden:
// `siting_benchmark_test "[.bench]"`, minutes on two cores).
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>

#include "bench/siting_benchmark.hpp"
#include "bench/synthetic_instance.hpp"
#include "engine/siting/cover_state.hpp"
#include "engine/siting/exact_solver.hpp"
#include "engine/siting/iterated_search.hpp"
#include "engine/siting/lagrangian_bound.hpp"
#include "engine/siting/lazy_greedy.hpp"
#include "engine/siting/local_search.hpp"
#include "engine/siting/milp_model.hpp"

using namespace yz;
using namespace yz::siting;

TEST_CASE("benchmark rows are consistent on a small city") {
  SyntheticSpec s;
  s.demand = 4000;
  s.candidates = 300;
  s.existing = 10;
  s.side_m = 8000;
  s.clusters = 5;
  const Problem p = synthetic_instance(s);
  const auto rows = run_siting_benchmark(p, {5, 15}, 10);
  REQUIRE(rows.size() == 2);
  for (const BenchRow& r : rows) {
    REQUIRE(r.heuristic_objective <= r.bound + 1e-6);
    REQUIRE(r.exact_objective >= r.heuristic_objective - 1e-6);
    REQUIRE(r.exact_objective <= r.exact_bound + 1e-6);
    REQUIRE(r.demand_groups <= r.demand);
    if (r.exact_optimal && r.textbook_optimal)
      REQUIRE(r.textbook_objective == Approx(r.exact_objective));
    if (r.textbook_has_solution) REQUIRE(r.textbook_objective <= r.exact_bound + 1e-6);
  }
}

TEST_CASE("CBC takes the heuristic as its start") {
  SyntheticSpec s;
  s.demand = 3000;
  s.candidates = 200;
  s.existing = 0;
  s.side_m = 8000;
  Problem p = synthetic_instance(s);
  p.options.k = 8;
  const Reduced r = presolve(p, conflict_pairs(p));
  const Limits lim = Limits::of(p, r);
  CoverState st(r);
  lazy_greedy(st, lim, {});
  const MilpModel m = build_milp(r, lim);
  const std::vector<double> start = milp_start(r, m, st.open_list());
  REQUIRE(milp_value(m, start) == Approx(st.value().p));
  // Whatever CBC returns is at least the start (a generous limit: a loaded CI machine must not
  // decide the outcome).
  const MilpSolve out = solve_milp(m, &start, 30, {});
  REQUIRE(out.has_solution);
  REQUIRE(out.objective >= st.value().p - 1e-6);
  REQUIRE(out.bound >= out.objective - 1e-6);
}

TEST_CASE("city-sized benchmark", "[.bench]") {
  SyntheticSpec s;  // defaults: 100,000 demand points, 5,000 candidates, 100 existing
  if (const char* d = std::getenv("YZ_BENCH_DEMAND")) s.demand = std::atoi(d);
  if (const char* c = std::getenv("YZ_BENCH_CANDIDATES")) s.candidates = std::atoi(c);
  const double limit =
      std::getenv("YZ_BENCH_LIMIT") ? std::atof(std::getenv("YZ_BENCH_LIMIT")) : 10;
  const bool textbook = !std::getenv("YZ_BENCH_NO_TEXTBOOK");
  const auto t0 = std::chrono::steady_clock::now();
  const Problem p = synthetic_instance(s);
  size_t nnz = 0;
  for (const auto& site : p.sites) nnz += site.covers.size();
  std::printf(
      "instance: %u demand, %u candidates, %u existing, %zu cover entries (%.1f s to build)\n",
      s.demand, s.candidates, s.existing, nnz,
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  // YZ_BENCH_TRACE=1: print each stage change with its time (to see where time goes).
  Progress trace;
  std::string last;
  if (std::getenv("YZ_BENCH_TRACE"))
    trace.report = [&](double, std::string_view stage) {
      if (stage == last) return;
      last = stage;
      std::fprintf(stderr, "%8.2f s  %.*s\n",
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                   static_cast<int>(stage.size()), stage.data());
    };
  const auto rows = run_siting_benchmark(p, {10, 50, 200}, limit, textbook, trace);
  std::printf("%5s %8s %8s %10s %8s %12s %8s %8s %12s %8s %4s %9s %12s %8s %4s %8s\n", "k",
              "groups", "cands", "heur_obj", "heur_s", "bound", "bound_s", "gap%", "exact_obj",
              "exact_s", "opt", "exact_gap%", "textbook_obj", "tb_s", "opt", "speedup");
  for (const BenchRow& r : rows)
    std::printf(
        "%5u %8u %8u %10.0f %8.3f %12.1f %8.3f %8.4f %12.0f %8.2f %4s %9.4f %12.0f %8.2f %4s "
        "%8.2f\n",
        r.k, r.demand_groups, r.candidates_kept, r.heuristic_objective, r.heuristic_s, r.bound,
        r.bound_s, 100 * r.gap, r.exact_objective, r.exact_s, r.exact_optimal ? "yes" : "no",
        100 * r.exact_gap, r.textbook_objective, r.textbook_s, r.textbook_optimal ? "yes" : "no",
        r.speedup);
  for (const BenchRow& r : rows) REQUIRE(r.heuristic_objective <= r.bound + 1e-6);
}

// The two diagnostics print figures for tuning and check what must hold whatever the figures:
// run on a district by default; YZ_BENCH_CITY=1 takes the city-sized instance (minutes).
SyntheticSpec diagnostic_spec() {
  SyntheticSpec s;  // city: 100,000 demand points, 5,000 candidates
  if (!std::getenv("YZ_BENCH_CITY")) {
    s.demand = 12000;
    s.candidates = 600;
  }
  return s;
}

TEST_CASE("bound quality: Lagrangian bounds tighten with iterations, never below a plan",
          "[bench][bound]") {
  const Problem base = synthetic_instance(diagnostic_spec());
  for (uint32_t k : {50u, 200u}) {
    Problem p = base;
    p.options.k = k;
    const auto conflicts = conflict_pairs(p);
    const Reduced r = presolve(p, conflicts);
    const Limits lim = Limits::of(p, r);
    CoverState st(r);
    lazy_greedy(st, lim, {});
    const double lower = st.value().p;
    double previous = std::numeric_limits<double>::infinity();
    for (uint32_t t : {200u, 1000u, 4000u}) {
      const auto t0 = std::chrono::steady_clock::now();
      const LagrangianBound lb = lagrangian_bound(r, lim, lower, {}, 1e-4, t);
      uint32_t out = 0;
      for (double w : lb.with_site) out += w < lower ? 1 : 0;
      std::printf(
          "k %u groups %u nnz %zu lower %.0f lagr(%u it) %.1f gap %.3f%% iters %u (%.2fs) "
          "fixed-out %u\n",
          k, r.groups(), r.cov.size(), lower, t, lb.bound, 100 * (lb.bound - lower) / lb.bound,
          lb.iterations,
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), out);
      // An upper bound is at least the greedy plan's value; more iterations (the same steps, then
      // more) never loosen it; a run stops by its count (or earlier at the gap), never later.
      CHECK(lb.bound >= lower - 1e-6 * std::max(1.0, lower));
      CHECK(lb.bound <= previous + 1e-9 * std::max(1.0, previous));
      CHECK(lb.iterations <= t);
      CHECK_FALSE(lb.stopped_by_time);
      // A site fixed out is one whose best plan is below the greedy plan's value: never a site
      // the greedy plan opened.
      REQUIRE(lb.with_site.size() == r.sites());
      for (uint32_t j : st.open_list())
        CHECK(lb.with_site[j] >= lower - 1e-6 * std::max(1.0, lower));
      previous = lb.bound;
    }
    const auto t0 = std::chrono::steady_clock::now();
    const MilpSolve lp = solve_lp(build_milp(r, lim), 60);
    std::printf("k %u LP %s %.1f (%.1fs)\n", k, lp.optimal ? "optimal" : "stopped", lp.bound,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    // The LP relaxation bounds the same plans: at least the greedy value, and no Lagrangian
    // bound goes below the LP optimum (its best equals it).
    if (lp.optimal) {
      CHECK(lp.bound >= lower - 1e-6 * std::max(1.0, lower));
      CHECK(previous >= lp.bound - 1e-6 * std::max(1.0, lp.bound));
    }
  }
}

TEST_CASE("local search and iterated search never lose value", "[bench][ls]") {
  SyntheticSpec s = diagnostic_spec();
  const Problem base = synthetic_instance(s);
  for (uint32_t k : {50u, 200u}) {
    Problem p = base;
    p.options.k = k;
    const Reduced r = presolve(p, conflict_pairs(p));
    const Limits lim = Limits::of(p, r);
    CoverState st(r);
    lazy_greedy(st, lim, {});
    const double g = st.value().p;
    const auto t0 = std::chrono::steady_clock::now();
    const LocalSearchStats ls = local_search(st, lim, {});
    const double after_ls = st.value().p;
    std::printf("k %u greedy %.0f ls %.0f passes %u moves %u (%.2fs) constant %.0f\n", k,
                g + r.constant.p, after_ls + r.constant.p, ls.passes, ls.moves,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                r.constant.p);
    CHECK(after_ls >= g - 1e-9 * std::max(1.0, g));
    CHECK(st.count() <= k);
    const auto t1 = std::chrono::steady_clock::now();
    const IteratedSearchStats it = iterated_search(st, lim, {}, 300, 80);
    std::printf("  iterated %.0f rounds %u improvements %u (%.2fs)\n", st.value().p + r.constant.p,
                it.rounds, it.improvements,
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count());
    CHECK(st.value().p >= after_ls - 1e-9 * std::max(1.0, after_ls));
    CHECK(st.count() <= k);
    // The value kept incrementally through all the swaps is the plan's: open the same sites in a
    // fresh state and compare.
    CoverState fresh(r);
    for (uint32_t j : st.open_list()) fresh.open(j);
    CHECK(fresh.value().p == Approx(st.value().p).epsilon(1e-9));
  }
}
