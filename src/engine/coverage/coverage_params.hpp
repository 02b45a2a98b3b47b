#pragma once
// The "double 15" standard's parameters: a 15-minute walk at a typical walking speed, and a 1 km
// straight-line radius. All configurable.
#include <string_view>

#include "engine/network/snapper.hpp"

namespace yz {

// Typical walking speed used by default: 4.5 km/h (1.25 m/s), the pace planners quote when they
// say 1 km along streets is "about 15 minutes"; older or loaded workers walk slower.
inline constexpr double kDefaultWalkSpeedKmh = 4.5;

struct CoverageParams {
  double minutes = 15;
  double speed_kmh = kDefaultWalkSpeedKmh;
  double radius_m = 1000;
  SnapOptions snap;  // max snap distance, island threshold
  double budget_m() const { return minutes * speed_kmh * 1000.0 / 60.0; }
};

// Which test decides that a station covers a worker.
enum class Criterion : uint8_t { walk, radius, both, either };
std::string_view to_string(Criterion c);
bool parse_criterion(std::string_view s, Criterion& out);

}  // namespace yz
