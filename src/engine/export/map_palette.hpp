#pragma once
// The app's map colours and widths for the offscreen PNG map and PDF report, mirrored exactly from
// src/app/map_style.* (the engine may not include app headers); tests/app/map_palette_test.cpp
// fails if the two drift apart.
#include <cstdint>

#include "engine/map/road_class.hpp"

namespace yz::palette {

struct Rgba {
  uint8_t r, g, b, a = 255;
};

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
inline constexpr Rgba station{40, 90, 220};
inline constexpr float station_half_px = 6, station_outline_px = 2;

struct RoadStyle {
  Rgba color;
  float width_px;
};

inline RoadStyle road_style(RoadClass c) {
  switch (c) {
    case RoadClass::motorway:
    case RoadClass::trunk:
      return {{232, 146, 162}, 5};
    case RoadClass::primary:
      return {{252, 214, 164}, 4.5f};
    case RoadClass::secondary:
      return {{246, 250, 190}, 4};
    case RoadClass::tertiary:
      return {{255, 255, 255}, 3.5f};
    case RoadClass::residential:
    case RoadClass::unclassified:
    case RoadClass::living_street:
      return {{255, 255, 255}, 2.5f};
    case RoadClass::service:
      return {{255, 255, 255}, 1.8f};
    case RoadClass::footway:
    case RoadClass::pedestrian:
    case RoadClass::path:
    case RoadClass::steps:
    case RoadClass::cycleway:
    case RoadClass::track:
      return {{226, 120, 100}, 1.2f};
    default:
      return {{255, 255, 255}, 1.5f};
  }
}

}  // namespace yz::palette
