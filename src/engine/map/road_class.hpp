#pragma once
// Road classes for drawing and reporting (walkability is decided separately by the tag profile).
#include <cstdint>
#include <string_view>

namespace yz {

enum class RoadClass : uint8_t {
  footway, pedestrian, path, steps, cycleway, track, living_street, service, residential,
  unclassified, tertiary, secondary, primary, trunk, motorway, other
};
inline constexpr int kRoadClassCount = 16;

std::string_view to_string(RoadClass c);
RoadClass road_class_from_string(std::string_view s);  // unknown -> other

}  // namespace yz
