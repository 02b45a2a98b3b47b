#pragma once
// Questions about the stations already built: which are least useful (what removing each one
// costs), which to upgrade first (workers served x amenities missing), and where moving one
// would help most (remove it, build the best candidate instead).
#include <cstdint>
#include <vector>

#include "engine/inputs/point_set.hpp"
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
// priority first, ties by site id. extra_open: new stations (original ids) sharing the workers.
std::vector<UpgradePriority> upgrade_priority(const Problem& p,
                                              const std::vector<uint32_t>& amenities,
                                              uint32_t wanted,
                                              const std::vector<uint32_t>& extra_open = {});

struct Relocation {
  uint32_t site = 0;       // existing station (original id)
  uint32_t candidate = 0;  // best candidate to build instead; kNoSite when none helps or fits
  double lost = 0;         // primary objective lost by removing the station
  double gained = 0;       // ... and won back by the candidate (with the station removed)
  double net() const { return gained - lost; }
};
inline constexpr uint32_t kNoSite = 0xffffffffu;

// For every existing station: remove it and open the one candidate that then adds the most to
// the primary objective (single, or double coverage), respecting spacing with every other open
// station. Coverage is counted without capacities. Largest net gain first, ties by site id.
// extra_open: new stations (original ids) counted as built; they are never the candidate.
std::vector<Relocation> relocation_moves(const Problem& p,
                                         const std::vector<uint32_t>& extra_open = {});

// The three rankings together, as `yizhan review` and `yizhan suggest` report them.
struct StationReview {
  std::vector<RemovalCost> removal;
  std::vector<UpgradePriority> upgrade;
  std::vector<Relocation> relocation;  // empty without candidates
  uint32_t wanted = 0;                 // amenity mask a full station offers
};

// Amenity bits per site from the schema (sites.info), 0 where unknown.
std::vector<uint32_t> site_amenities(const PointSet& sites);

// The three rankings with `extra_open` (original site ids, e.g. a suggested plan) counted as
// built. Relocations only when there are candidates (non-fixed sites) not in extra_open.
StationReview review_stations(const Problem& p, const PointSet& sites, uint32_t wanted,
                              const std::vector<uint32_t>& extra_open = {});

}  // namespace yz::siting
