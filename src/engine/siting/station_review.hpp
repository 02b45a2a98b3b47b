#pragma once
// Questions about the stations already built: which are least useful (what removing each one
// costs) and which to upgrade first (workers served x amenities missing).
#include <cstdint>
#include <vector>

#include "engine/siting/siting_problem.hpp"

namespace yz::siting {

struct RemovalCost {
  uint32_t site = 0;      // original id of an existing station
  double covers = 0;      // workers within its reach
  double lost = 0;        // workers no longer covered by any station if it were removed
  double lost_twice = 0;  // workers no longer covered twice if it were removed
};

// Every existing station, least useful first (smallest loss, then smallest double-coverage loss,
// then id). extra_open: new stations (original ids) to count as built, e.g. a suggested plan.
std::vector<RemovalCost> removal_costs(const Problem& p,
                                       const std::vector<uint32_t>& extra_open = {});

struct UpgradePriority {
  uint32_t site = 0;
  double served = 0;     // workers it serves: each worker split evenly among covering stations
  uint32_t missing = 0;  // wanted amenities it lacks
  double priority = 0;   // served x missing
};

// amenities[j]: bit mask of amenities existing station j has (indexed by original site id; sites
// beyond the vector count as having none); wanted: the mask a full station offers. Highest
// priority first, ties by site id.
std::vector<UpgradePriority> upgrade_priority(const Problem& p,
                                              const std::vector<uint32_t>& amenities,
                                              uint32_t wanted);

}  // namespace yz::siting
