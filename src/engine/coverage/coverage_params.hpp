#pragma once
// The "double 15" standard's parameters: a 15-minute walk at a typical walking speed, and a 1 km
// straight-line radius. All configurable.
#include <string>
#include <string_view>

#include "engine/network/snapper.hpp"
#include "engine/util/param_range.hpp"

namespace yz {

// Typical walking speed used by default: 4.5 km/h (1.25 m/s), the pace planners quote when they
// say 1 km along streets is "about 15 minutes"; older or loaded workers walk slower.
inline constexpr double kDefaultWalkSpeedKmh = 4.5;

struct CoverageParams {
  double minutes = 15;
  double speed_kmh = kDefaultWalkSpeedKmh;
  double radius_m = 1000;
  SnapOptions snap;  // max snap distance, island threshold
  // The walking budget, worked out here only: every search, walk area and raster uses these.
  double metres_per_minute() const { return speed_kmh * 1000.0 / 60.0; }
  double budget_m() const { return minutes * metres_per_minute(); }

  // Valid ranges (README "Valid ranges"). Upper bounds keep searches and geometry sane: a walk of
  // 4 hours, a 20 km circle, a 5 km snap are already far beyond any station's reach.
  static constexpr ParamRange kMinutes{0, 240, true, "minutes"};
  static constexpr ParamRange kSpeedKmh{0, 30, true, "km/h"};
  static constexpr ParamRange kRadiusM{0, 20000, true, "m"};
  static constexpr ParamRange kMaxSnapM{0, 5000, true, "m"};
  static constexpr ParamRange kIslandM{0, 100000, false, "m"};
  // The first parameter outside its range: ParamError naming its key (minutes, speed_kmh,
  // radius_m, max_snap_m, island_m). Used by the CLI, the app and the session reader alike.
  void validate() const;
  // The same check without throwing: "" or "minutes: must be ..." (the app, every frame).
  std::string problem() const;
};

// Which test decides that a station covers a worker.
enum class Criterion : uint8_t { walk, radius, both, either };
std::string_view to_string(Criterion c);
bool parse_criterion(std::string_view s, Criterion& out);

}  // namespace yz
