#pragma once
// Station marker shapes and the one table of which host type gets which shape, shared by the
// offscreen map (map_render: cairo paths) and the app (a GL point per marker, the shape a signed
// distance in shaders/marker.frag.glsl, whose ids follow this enum's order; app/marker_shape.hpp).
#include <cstdint>
#include <string>

namespace yz {

enum class MarkerShape : uint8_t {
  circle,
  square,
  diamond,
  triangle,  // pointing up
  triangle_down,
  hexagon,
  star,  // 5-pointed
  plus,
  cross,  // x
  ring,
};

// Station shape by host type index (kHostTypes order: standalone, co-built, shared, alliance,
// mobile); anything else (unknown) is a circle, the most neutral mark.
inline MarkerShape host_shape(uint8_t host) {
  constexpr MarkerShape kByHost[] = {MarkerShape::square, MarkerShape::diamond,
                                     MarkerShape::triangle, MarkerShape::hexagon,
                                     MarkerShape::triangle_down};
  return host < 5 ? kByHost[host] : MarkerShape::circle;
}
// The same by host type word (kHostTypes); "" or unrecognised = unknown (circle).
MarkerShape host_shape(const std::string& host_type);

}  // namespace yz
