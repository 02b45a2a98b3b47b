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
  uint64_t work = 0;             // cover-list entries and open sites looked at
  bool stopped_by_work = false;  // ended by work_limit, not by a local optimum
};

// Work units of one evaluation pass over every site: about the size of the cover matrix plus
// sites x open sites. Limits are counted in these units, never timed, so a loaded machine gives
// the same plan.
inline constexpr uint64_t kUnlimitedWork = ~uint64_t{0};

// Max goals: improving adds (while resources last) and 1-for-1 swaps until none is left.
// Target goal: coverage-raising swaps, dropping redundant sites (dearest first) and, for money,
// swaps to cheaper sites that keep the target. Never opens a clashing site or breaks a limit.
// Stops (deterministically) once `work_limit` units are spent.
LocalSearchStats local_search(CoverState& st, const Limits& lim, const Progress& progress,
                              uint64_t work_limit = kUnlimitedWork);

}  // namespace yz::siting
