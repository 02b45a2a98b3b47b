#pragma once
// Colours and widths of everything drawn on the map, in one place (the screenshot test checks
// the station marker colour).
#include <cstdint>

#include "engine/map/road_class.hpp"

namespace yz::app {

struct Rgba {
  uint8_t r, g, b, a = 255;
};

namespace style {
inline constexpr Rgba background{236, 232, 223};
inline constexpr Rgba water{160, 196, 232};
inline constexpr Rgba park{196, 224, 176};
inline constexpr Rgba casing{170, 164, 156};
inline constexpr Rgba not_walkable{140, 140, 150};
inline constexpr Rgba demand0{215, 40, 40};
inline constexpr Rgba demand1{240, 165, 0};
inline constexpr Rgba demand2{40, 165, 60};
inline constexpr Rgba walk_area{30, 110, 230, 70};
inline constexpr Rgba walk_area_selected{30, 110, 230, 170};
inline constexpr Rgba circle{50, 50, 60, 150};
inline constexpr Rgba circle_selected{255, 120, 0, 230};
inline constexpr Rgba station_outline{255, 255, 255};
inline constexpr Rgba station_selected{255, 120, 0};
inline constexpr Rgba station{40, 90, 220};  // the marker fill
inline constexpr float station_half_px = 6, station_outline_px = 2;
}  // namespace style

struct RoadStyle {
  Rgba color;
  float width_px;
};
RoadStyle road_style(RoadClass c);

}  // namespace yz::app
