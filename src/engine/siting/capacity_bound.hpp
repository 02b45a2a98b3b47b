#pragma once
// Upper bound for the max goals with station capacities. The rows "a group is served at most
// once" are relaxed with one multiplier per group; what is left splits by site: each site fills
// its capacity with the most valuable workers in reach (a sorted fill), and the k best sites (or
// a fractional knapsack within the budget) are opened, existing stations always. With zero
// multipliers that is "existing capacity + the k largest capacities"; subgradient steps tighten
// it toward the LP bound of the strong model (a_gj <= w_g x_j), which is never weaker than the
// uncapacitated bound. Iterations are counted, never timed.
#include <cstdint>
#include <limits>

#include "engine/siting/presolve.hpp"
#include "engine/siting/siting_limits.hpp"
#include "engine/util/progress.hpp"

namespace yz::siting {

struct CapacityBound {
  double bound = 0;          // >= workers any feasible plan serves (capacitated reduced problem)
  double capacity_only = 0;  // the first iterate: existing capacity + the best new capacities
  uint32_t iterations = 0;
};

// lower: workers the best known plan serves (steers the steps and the early stop).
// It decides nothing about the plan, so the time cap may end it (the bound stays valid).
CapacityBound capacity_bound(const Reduced& r, const Limits& lim, double lower,
                             const Progress& progress, uint32_t max_iterations,
                             double rel_gap = 1e-4,
                             double time_cap_s = std::numeric_limits<double>::infinity());

}  // namespace yz::siting
