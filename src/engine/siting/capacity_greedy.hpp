#pragma once
// Greedy for stations with capacities: each opened site takes the still-unserved workers it
// covers, rarest-covered first, up to its capacity. The assignment is feasible, so its total is a
// true lower bound; the final answer is re-valued with an exact max flow (capacity_flow).
#include <cstdint>
#include <vector>

#include "engine/siting/presolve.hpp"
#include "engine/siting/siting_limits.hpp"
#include "engine/util/progress.hpp"

namespace yz::siting {

// Returns reduced site ids opened, existing stations first, then new ones in the order chosen.
std::vector<uint32_t> capacity_greedy(const Reduced& r, const Limits& lim,
                                      const Progress& progress);

}  // namespace yz::siting
