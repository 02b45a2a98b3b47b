#include "bench/siting_benchmark.hpp"

#include <chrono>
#include <cmath>
#include <limits>

#include "engine/siting/exact_solver.hpp"
#include "engine/siting/milp_model.hpp"
#include "engine/siting/presolve.hpp"
#include "engine/siting/siting_solver.hpp"

namespace yz::siting {

std::vector<BenchRow> run_siting_benchmark(const Problem& base, const std::vector<uint32_t>& ks,
                                           double time_limit_s, bool textbook,
                                           const Progress& progress) {
  std::vector<BenchRow> rows;
  for (uint32_t k : ks) {
    Problem p = base;
    p.options.goal = Goal::max_cover_k;
    p.options.k = k;
    p.options.time_limit_s = time_limit_s;
    BenchRow row;
    row.k = k;
    row.demand = static_cast<uint32_t>(p.demand_weight.size());
    row.candidates = static_cast<uint32_t>(p.sites.size()) - p.fixed_count();

    p.options.exact = false;
    const SitingResult h = solve_siting(p, progress);
    row.presolve_s = h.presolve_s;
    row.demand_groups = h.demand_groups;
    row.candidates_kept = h.candidates_kept;
    row.heuristic_s = h.presolve_s + h.heuristic_s;
    row.heuristic_objective = h.heuristic_objective;
    row.bound = h.bound;
    row.bound_s = h.bound_s;
    row.gap = h.gap;

    p.options.exact = true;
    const auto t0 = std::chrono::steady_clock::now();
    const SitingResult e = solve_siting(p, progress);
    row.exact_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    row.exact_objective = e.objective;
    row.exact_bound = e.bound;
    row.exact_gap = e.gap;
    row.exact_optimal = e.optimal;
    row.exact_stopped_by_time = e.stopped_by_time;
    row.plan_source = e.plan_source;
    row.cbc_iterations = e.cbc_iterations;
    row.cbc_nodes = e.cbc_nodes;

    if (textbook) {
      const auto conflicts = conflict_pairs(p);
      const Reduced plain = plain_reduction(p, conflicts);
      const Limits lim = Limits::of(p, plain);
      const auto t1 = std::chrono::steady_clock::now();
      const MilpModel m = build_milp(plain, lim);
      MilpSolve s = solve_milp(m, nullptr, time_limit_s, progress);
      row.textbook_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
      row.textbook_has_solution = s.has_solution;
      row.textbook_objective = s.has_solution ? s.objective : 0;
      row.textbook_bound = s.bound;
      row.textbook_optimal = s.optimal;
      // No finite bound (CBC stopped inside an LP): the gap is unknown, not zero.
      row.textbook_gap = std::isfinite(s.bound) && s.bound > 0
                             ? std::max(0.0, (s.bound - row.textbook_objective) / s.bound)
                             : std::numeric_limits<double>::quiet_NaN();
      row.speedup = row.exact_s > 0 ? row.textbook_s / row.exact_s : 0;
    }
    rows.push_back(row);
  }
  return rows;
}

}  // namespace yz::siting
