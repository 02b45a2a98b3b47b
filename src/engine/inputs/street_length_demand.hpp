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

// Variants: each metre of street weighted by its class (e.g. sanitation workers per metre of
// primary road vs. footway; classes weighted 0 contribute nothing), and optionally placed along the
// streets instead of at junctions: every edge cut into equal pieces of at most `spacing_m`, each
// piece's weight at its midpoint (so the middle of a long street is demand too).
using StreetClassWeights = std::array<double, kRoadClassCount>;
struct StreetLengthOptions {
  StreetClassWeights per_metre = uniform();
  double spacing_m = 0;  // 0 = junctions (half of each incident street)
  bool main_component_only = false;
  static StreetClassWeights uniform() {
    StreetClassWeights w;
    w.fill(1.0);
    return w;
  }
};
PointSet street_length_demand(const CityNetwork& city, const StreetLengthOptions& opt);

}  // namespace yz
