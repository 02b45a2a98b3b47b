#pragma once
// The whole siting pipeline: presolve, greedy, local search, bound, and (optionally) CBC
// branch-and-cut warm-started from the heuristic, then the plan's report. The one call the CLI
// and GUI make.
#include "engine/siting/siting_problem.hpp"
#include "engine/siting/siting_result.hpp"
#include "engine/util/progress.hpp"

namespace yz::siting {

// Throws InputError for a bad problem, Cancelled when progress.cancel is raised.
SitingResult solve_siting(const Problem& p, const Progress& progress = {});

}  // namespace yz::siting
