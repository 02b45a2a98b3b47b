#pragma once
// Stand-in demand when the planner has no worker data: every junction of the walk network,
// weighted by the walkable street length around it (half of each incident street). Outdoor
// workers are where streets are; this proxy says so in every output.
#include <array>

#include "engine/inputs/point_set.hpp"
#include "engine/network/city_network.hpp"

namespace yz {

inline constexpr const char* kStreetLengthProxy =
    "street-length proxy (junctions weighted by metres of walkable street around them)";

PointSet street_length_demand(const CityNetwork& city, bool main_component_only = false);

// The same with each metre of street weighted by its class (e.g. sanitation workers per metre of
// primary road vs. footway); classes weighted 0 contribute nothing.
using StreetClassWeights = std::array<double, kRoadClassCount>;
PointSet street_length_demand(const CityNetwork& city, const StreetClassWeights& per_metre,
                              bool main_component_only = false);

}  // namespace yz
