#pragma once
// Walking spacing: the pairs of sites less than D metres apart ON FOOT (network distance, the
// off-street walk at both ends included), found with the same bounded walk search the coverage
// stage runs, limited to D. Site pairs farther apart in a straight line cannot be closer on foot,
// so only those within D metres as the crow flies are checked. The result is what
// Options::conflicts takes.
#include <cstdint>
#include <utility>
#include <vector>

#include "engine/geo/vec2.hpp"
#include "engine/network/snap.hpp"
#include "engine/network/walk_graph.hpp"
#include "engine/util/progress.hpp"

namespace yz::siting {

struct WalkSpacing {
  std::vector<std::pair<uint32_t, uint32_t>> pairs;  // i < j, sorted, unique
  uint32_t off_network = 0;  // sites without a usable snap: no walking distance, no pair
};

// snaps/xy: per site (the coverage stage's snaps). Pairs of two sites below `fixed_count` (two
// existing stations) are left out: existing stations are not questioned.
WalkSpacing walk_spacing_pairs(const WalkGraph& g, const std::vector<Snap>& snaps,
                               const std::vector<Vec2>& xy, double spacing_m, uint32_t fixed_count,
                               const Progress& progress = {});

}  // namespace yz::siting
