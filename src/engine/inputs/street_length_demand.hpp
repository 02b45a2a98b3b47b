#pragma once
// Stand-in demand when the planner has no worker data: every junction of the walk network,
// weighted by the walkable street length around it (half of each incident street). Outdoor
// workers are where streets are; this proxy says so in every output.
#include "engine/inputs/point_set.hpp"
#include "engine/network/city_network.hpp"

namespace yz {

inline constexpr const char* kStreetLengthProxy = "street-length proxy (junctions weighted by metres of walkable street around them)";

PointSet street_length_demand(const CityNetwork& city, bool main_component_only = false);

}  // namespace yz
