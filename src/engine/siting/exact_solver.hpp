#pragma once
// Branch-and-cut with CBC (and the plain LP relaxation with CLP) on a MilpModel. Solver output
// is silenced: the engine never prints. Cancellation stops CBC at its next event.
#include <vector>

#include "engine/siting/milp_model.hpp"
#include "engine/util/progress.hpp"

namespace yz::siting {

// What may end a CBC run. The work limits (nodes, simplex iterations) are deterministic: a run
// they end gives the same answer on any machine. The time limit is not: callers that need a
// repeatable plan use a solution only when by_time is false (see MilpSolve).
struct MilpLimits {
  double time_limit_s = 10;
  double max_nodes = -1;       // branch-and-bound nodes; < 0 = unlimited
  double max_iterations = -1;  // simplex iterations over the whole run; < 0 = unlimited
};

struct MilpSolve {
  bool has_solution = false;
  bool optimal = false;     // proven
  bool infeasible = false;  // proven
  bool stopped = false;     // a limit or cancel ended it before a proof
  bool by_time = false;     // the clock (or cancel) ended it: its solution depends on timing
  bool by_work = false;     // a node or iteration limit ended it (repeatable)
  double iterations = 0;    // simplex iterations spent
  double objective = 0;     // true sense
  double bound = 0;         // true sense: >= optimum for max models, <= for min models (+-inf:
                            // none known)
  std::vector<double> col;  // best solution's column values
  double seconds = 0;
  double nodes = 0;
};

// start: optional full column vector of a feasible solution (the warm start). The integer part
// is handed to CBC as a MIP start.
MilpSolve solve_milp(const MilpModel& m, const std::vector<double>* start, const MilpLimits& limits,
                     const Progress& progress);
// Time limit only (the benchmark's textbook model).
MilpSolve solve_milp(const MilpModel& m, const std::vector<double>* start, double time_limit_s,
                     const Progress& progress);

// LP relaxation with CLP's dual simplex. has_solution and optimal are set only when it finished;
// bound = objective then. max_iterations < 0: unlimited.
MilpSolve solve_lp(const MilpModel& m, double time_limit_s, const Progress& progress = {},
                   double max_iterations = -1);

}  // namespace yz::siting
