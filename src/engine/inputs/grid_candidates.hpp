#pragma once
// Free candidate sites for "anywhere is allowed" planning: points along the walk network about
// every `spacing_m` metres of street, none closer than spacing_m / 2 to another (junctions where
// many short streets meet would otherwise collect a point per street). Tiny disconnected islands
// get none: a station there would serve nobody.
#include "engine/inputs/candidate_categories.hpp"
#include "engine/inputs/point_set.hpp"
#include "engine/network/city_network.hpp"
#include "engine/util/param_range.hpp"

namespace yz {

// Valid spacing (ParamError "grid_m" otherwise): 1 m to 10 km.
inline constexpr ParamRange kGridSpacingM{1, 10000, false, "m"};

// Ids "grid-1", "grid-2", ... in edge order (deterministic); names from the nearest named streets
// (name_by_streets); SiteInfo from `grid` (category "grid").
PointSet grid_candidates(const CityNetwork& city, double spacing_m, const CandidateCategory& grid,
                         const SnapOptions& snap = {});

}  // namespace yz
