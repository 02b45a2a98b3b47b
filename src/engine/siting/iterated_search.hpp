#pragma once
// Iterated local search for the max goals: close a few open sites (a random one and those
// sharing most workers with it), force a random candidate sharing workers with it open, refill
// greedily, run the swap search again, keep the result when it is better. Rounds and work are
// counted, never timed, so the same input gives the same plan on any machine and under any load.
#include <cstdint>

#include "engine/siting/cover_state.hpp"
#include "engine/siting/local_search.hpp"
#include "engine/siting/siting_limits.hpp"
#include "engine/util/progress.hpp"

namespace yz::siting {

struct IteratedSearchStats {
  uint32_t rounds = 0, improvements = 0;
  uint64_t work = 0;  // local-search work units spent (see local_search.hpp)
};

// Stops after max_rounds, after `patience` rounds without improvement, or once `work_limit`
// local-search units are spent, whichever comes first.
IteratedSearchStats iterated_search(CoverState& st, const Limits& lim, const Progress& progress,
                                    uint32_t max_rounds, uint32_t patience,
                                    uint64_t work_limit = kUnlimitedWork);

}  // namespace yz::siting
