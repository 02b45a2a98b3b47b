#pragma once
// Swap local search for stations with capacities. The current plan's exact assignment (a max
// flow) gives, for a candidate `a` coming in and an open site `r` going out, a guaranteed gain:
// a can take, up to its capacity, the workers nobody serves plus those r served, in its reach.
// That estimate never overstates the true change, so every move taken is a real improvement;
// the best one is applied and the flow recomputed. Work is counted, never timed.
#include <cstdint>
#include <vector>

#include "engine/siting/presolve.hpp"
#include "engine/siting/siting_limits.hpp"
#include "engine/util/progress.hpp"

namespace yz::siting {

struct CapacitySearchStats {
  uint32_t moves = 0, passes = 0;
  uint64_t work = 0;
  double value = 0;  // workers served by the final plan (max flow)
};

// plan: reduced ids of the new sites (fixed sites are always open). Max goals only; the target
// goal returns the plan unchanged. Never opens a clashing site or breaks k or the budget.
CapacitySearchStats capacity_local_search(const Reduced& r, const Limits& lim,
                                          std::vector<uint32_t>& plan, const Progress& progress,
                                          uint64_t work_limit);

}  // namespace yz::siting
