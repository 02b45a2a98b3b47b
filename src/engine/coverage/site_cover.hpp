#pragma once
// What one station covers: sorted demand ids under the walk test (with walking distances) and
// under the radius test. Sparse: a station touches a few thousand demand points at most.
#include <cstdint>
#include <vector>

#include "engine/coverage/coverage_params.hpp"

namespace yz {

struct SiteCover {
  std::vector<uint32_t> walk;         // demand ids reachable within the walking budget (sorted)
  std::vector<float> walk_m;          // walking distance to each, metres (same order)
  std::vector<uint32_t> radius;       // demand ids within the straight-line radius (sorted)
  bool snapped = false;               // false: the site is off the network, walk list is empty
  // How the island rule (SnapStatus::moved_off_island) changes the walk list, against the same
  // station with the rule off (`--island-m 0`): ids reached only through a join (in `walk`, not
  // reached with the rule off) and ids reached only with the rule off (not in `walk`). Sorted;
  // both empty when nothing this station reaches was joined.
  std::vector<uint32_t> join_gain, join_loss;

  // Demand ids covered under a criterion (both = intersection, either = union), sorted.
  std::vector<uint32_t> covered(Criterion c) const;
  // The same with the island rule off: walk minus join_gain plus join_loss.
  std::vector<uint32_t> covered_without_joins(Criterion c) const;
  bool joins_matter() const { return !join_gain.empty() || !join_loss.empty(); }
};

}  // namespace yz
