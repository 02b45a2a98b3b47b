#pragma once
// Branch-and-cut with CBC (and the plain LP relaxation with CLP) on a MilpModel. Solver output
// is silenced: the engine never prints. Cancellation stops CBC at its next event.
#include <vector>

#include "engine/siting/milp_model.hpp"
#include "engine/util/progress.hpp"

namespace yz::siting {

struct MilpSolve {
  bool has_solution = false;
  bool optimal = false;     // proven
  bool infeasible = false;  // proven
  bool stopped = false;     // time limit or cancel
  double objective = 0;     // true sense
  double bound = 0;         // true sense: >= optimum for max models, <= for min models (+-inf:
                            // none known)
  std::vector<double> col;  // best solution's column values
  double seconds = 0;
  double nodes = 0;
};

// start: optional full column vector of a feasible solution (the warm start). The integer part
// is handed to CBC as a MIP start.
MilpSolve solve_milp(const MilpModel& m, const std::vector<double>* start, double time_limit_s,
                     const Progress& progress);

// LP relaxation with CLP's dual simplex. has_solution and optimal are set only when it finished;
// bound = objective then.
MilpSolve solve_lp(const MilpModel& m, double time_limit_s, const Progress& progress = {});

}  // namespace yz::siting
