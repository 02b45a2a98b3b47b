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

  // Demand ids covered under a criterion (both = intersection, either = union), sorted.
  std::vector<uint32_t> covered(Criterion c) const;
};

}  // namespace yz
