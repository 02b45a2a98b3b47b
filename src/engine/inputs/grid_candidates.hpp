#pragma once
// Free candidate sites for "anywhere is allowed" planning: points along the walk network about
// every `spacing_m` metres of street, none closer than spacing_m / 2 to another (junctions where
// many short streets meet would otherwise collect a point per street). Tiny disconnected islands
// get none: a station there would serve nobody.
#include "engine/inputs/candidate_categories.hpp"
#include "engine/inputs/point_set.hpp"
#include "engine/network/city_network.hpp"

namespace yz {

// Ids "grid-1", "grid-2", ... in edge order (deterministic); SiteInfo from `grid` (category
// "grid").
PointSet grid_candidates(const CityNetwork& city, double spacing_m, const CandidateCategory& grid,
                         const SnapOptions& snap = {});

}  // namespace yz
