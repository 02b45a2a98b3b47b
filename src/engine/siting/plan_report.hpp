#pragma once
// Per-site figures for a finished plan: build order ("next best station" list), what each site
// adds and shares, and the nearest other candidates with the plan's worth if swapped in.
#include <cstdint>
#include <utility>
#include <vector>

#include "engine/siting/siting_result.hpp"

namespace yz::siting {

// chosen: new stations (original ids). conflicts: conflict_pairs(p).
// Alternative::objective is the plan's coverage measure (workers covered, or covered twice for
// double coverage) with the swap; feasible also requires the target to hold for a target goal.
std::vector<SuggestedSite> describe_plan(
    const Problem& p, const std::vector<uint32_t>& chosen,
    const std::vector<std::pair<uint32_t, uint32_t>>& conflicts);

}  // namespace yz::siting
