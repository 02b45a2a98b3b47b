#pragma once
// Benchmark of the siting pipeline on one instance for several k: heuristic time and objective,
// bound and gap, exact time, and a plain textbook MILP (no presolve, no warm start) handed to
// CBC under the same time limit, for the speed-up. The CLI's `yizhan bench` prints the rows.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/siting/siting_problem.hpp"
#include "engine/util/progress.hpp"

namespace yz::siting {

struct BenchRow {
  uint32_t k = 0;
  uint32_t demand = 0, demand_groups = 0, candidates = 0, candidates_kept = 0;
  double presolve_s = 0;
  double heuristic_s = 0, heuristic_objective = 0;  // presolve + greedy + local search
  double bound = 0, bound_s = 0, gap = 0;           // bound and gap after the heuristic
  double exact_s = 0, exact_objective = 0, exact_bound = 0, exact_gap = 0;  // whole pipeline
  bool exact_optimal = false;
  bool exact_stopped_by_time = false;  // the clock ended the proof (the plan is unaffected)
  std::string plan_source;             // heuristic / cbc / cbc second stage
  double cbc_iterations = 0, cbc_nodes = 0;
  double textbook_s = 0, textbook_objective = 0, textbook_bound = 0, textbook_gap = 0;
  bool textbook_optimal = false, textbook_has_solution = false;
  double speedup = 0;  // textbook time / pipeline time (lower bound when the textbook timed out)
};

// Max coverage with k new stations for each k (other options as in base.options).
std::vector<BenchRow> run_siting_benchmark(const Problem& base, const std::vector<uint32_t>& ks,
                                           double time_limit_s, bool textbook = true,
                                           const Progress& progress = {});

}  // namespace yz::siting
