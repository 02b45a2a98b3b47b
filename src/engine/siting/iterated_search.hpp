#pragma once
// Iterated local search for the max goals: close a few open sites, refill greedily, run the swap
// search again, keep the result when it is better. Rounds are counted, not timed, so the same
// input gives the same plan (the time cap is a safety net only).
#include <cstdint>

#include "engine/siting/cover_state.hpp"
#include "engine/siting/siting_limits.hpp"
#include "engine/util/progress.hpp"

namespace yz::siting {

struct IteratedSearchStats {
  uint32_t rounds = 0, improvements = 0;
};

IteratedSearchStats iterated_search(CoverState& st, const Limits& lim, const Progress& progress,
                                    uint32_t max_rounds, uint32_t patience, double time_cap_s);

}  // namespace yz::siting
