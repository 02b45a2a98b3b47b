#pragma once
// Upper bound for the max goals without capacities: relax "a group counts as covered only if an
// open site covers it" with one multiplier per group. The rest splits into a per-group choice and
// a top-k (or fractional knapsack) pick of sites, both trivial; subgradient steps tighten it. At
// its best it equals the LP bound, at a fraction of an LP solve's time on city-sized instances.
#include <cstdint>
#include <limits>

#include "engine/siting/presolve.hpp"
#include "engine/siting/siting_limits.hpp"
#include "engine/util/progress.hpp"

namespace yz::siting {

struct LagrangianBound {
  double bound = 0;  // on the primary gain over the presolve constant (valid whatever stopped it)
  uint32_t iterations = 0;
  bool stopped_by_time = false;  // the time cap ended it: bound valid, but not repeatable
  // k goal only: per site, an upper bound on any plan that opens it (from the best multipliers).
  // Sites whose bound is below the best known plan can be left out of the exact search.
  std::vector<double> with_site;
};

// lower: best known primary gain (from the heuristic), steers the step size and the early stop
// at rel_gap. Only for max_cover_k / max_cover_budget without capacities. Iterations are
// counted: the bound and the per-site bounds (which decide what the exact search may leave out)
// are the same on any machine, unless the time cap (a deadline for the whole run) ends it first,
// which the result says.
LagrangianBound lagrangian_bound(const Reduced& r, const Limits& lim, double lower,
                                 const Progress& progress, double rel_gap = 1e-4,
                                 uint32_t max_iterations = 1000,
                                 double time_cap_s = std::numeric_limits<double>::infinity());

// Iterations that fit a work budget (units: cover-matrix entries touched), at least min_it.
uint32_t lagrangian_iterations(const Reduced& r, double work, uint32_t min_it, uint32_t max_it);

}  // namespace yz::siting
