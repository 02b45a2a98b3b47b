#pragma once
// Colours and widths of everything drawn on a map, in one place: the app's map view (through
// src/app/map_style.hpp, which names this namespace `style`) and the offscreen PNG map and PDF
// report (map_render) draw with these. The screenshot and PNG tests check the station colour.
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
inline constexpr Rgba station{40, 90, 220};  // the marker fill (built stations)
inline constexpr float station_half_px = 6, station_outline_px = 2;

// Station fill by status (kStatuses order: built, planned, upgrading; then unknown). Blue, teal,
// brown and grey differ in lightness as well as hue, so they stay apart for colour-blind readers
// and away from the demand red/amber/green.
inline constexpr Rgba station_status[4] = {station, {0, 150, 150}, {150, 95, 35}, {135, 135, 145}};
// A thin dark edge outside the white outline: white alone vanishes on the light background.
inline constexpr Rgba marker_edge{40, 40, 50, 150};
inline constexpr Rgba candidate{110, 110, 120};
inline constexpr Rgba suggestion{255, 140, 0};
inline constexpr Rgba suggestion_selected_outline{40, 40, 50};
inline constexpr Rgba disagreement{150, 60, 200};  // inside 1 km, no 15-minute walk: violet
inline constexpr Rgba diff_gained{30, 150, 60};
inline constexpr Rgba diff_lost{210, 40, 40};
// Density ramp: pale yellow -> orange -> the layer colour (default deep red).
inline constexpr Rgba density_low{255, 236, 160}, density_mid{248, 150, 50},
    density_high{170, 25, 40};
// Highlight diameters relative to the demand dot (whose size follows the zoom).
inline constexpr float uncovered_scale = 1.8f, disagreement_scale = 2.2f;
inline constexpr float density_radius_m = 150;  // kernel radius on the ground
inline constexpr float density_min_radius_px = 8;
inline constexpr float walk_width_px = 3, walk_selected_width_px = 4;

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
