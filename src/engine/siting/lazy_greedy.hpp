#pragma once
// Lazy greedy: a max-heap of possibly stale gains; only the top is re-evaluated, which is exact
// for submodular objectives (single coverage, single-then-double) and a fast heuristic otherwise.
#include "engine/siting/cover_state.hpp"
#include "engine/siting/siting_limits.hpp"
#include "engine/util/progress.hpp"

namespace yz::siting {

// Opens sites in `st` (it may hold open sites already) until the goal's limit is reached or no
// site adds anything: by gain for k, by gain per money for a budget (then compared with the best
// single affordable site), by gain (count) or gain per money (cost) until a target is met.
void lazy_greedy(CoverState& st, const Limits& lim, const Progress& progress);

}  // namespace yz::siting
