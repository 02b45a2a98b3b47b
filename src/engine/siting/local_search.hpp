#pragma once
// Swap local search (Teitz-Bart interchange) on the allocation table: for every closed site, the
// best open site to trade it for is found in one pass over its cover list plus the open set, so a
// full pass costs about the size of the cover matrix.
#include "engine/siting/cover_state.hpp"
#include "engine/siting/siting_limits.hpp"
#include "engine/util/progress.hpp"

namespace yz::siting {

struct LocalSearchStats {
  uint32_t passes = 0, moves = 0;
  bool stopped_by_time = false;
};

// Max goals: improving adds (while resources last) and 1-for-1 swaps until none is left.
// Target goal: coverage-raising swaps, dropping redundant sites (dearest first) and, for money,
// swaps to cheaper sites that keep the target. Never opens a clashing site or breaks a limit.
LocalSearchStats local_search(CoverState& st, const Limits& lim, const Progress& progress,
                              double time_limit_s);

}  // namespace yz::siting
