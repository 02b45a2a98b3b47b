#include "engine/map/road_class.hpp"

#include <array>

namespace yz {

namespace {
constexpr std::array<std::string_view, kRoadClassCount> kNames = {
    "footway", "pedestrian", "path", "steps", "cycleway", "track", "living_street", "service",
    "residential", "unclassified", "tertiary", "secondary", "primary", "trunk", "motorway", "other"};
}

std::string_view to_string(RoadClass c) { return kNames[static_cast<int>(c)]; }

RoadClass road_class_from_string(std::string_view s) {
  for (int i = 0; i < kRoadClassCount; ++i)
    if (kNames[i] == s) return static_cast<RoadClass>(i);
  return RoadClass::other;
}

}  // namespace yz
