#pragma once
// Marker shapes drawn as one GL point each (the shape is a signed distance in
// shaders/marker.frag.glsl) and as polygons in the legend (map_legend.cpp); the ids and
// proportions here must match the shader's.
#include <cstdint>

namespace yz::app {

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

// Station shape by host type (kHostTypes order: standalone, co-built, shared, alliance, mobile);
// anything else (unknown) is a circle, the most neutral mark.
inline MarkerShape host_shape(uint8_t host) {
  constexpr MarkerShape kByHost[] = {MarkerShape::square, MarkerShape::diamond,
                                     MarkerShape::triangle, MarkerShape::hexagon,
                                     MarkerShape::triangle_down};
  return host < 5 ? kByHost[host] : MarkerShape::circle;
}

// Extents relative to the marker's nominal radius R, chosen so every shape has about the area of
// the circle: square half-side, diamond half-side (before the 45 degree turn), triangle half-side,
// hexagon apothem, star outer radius and inner-radius factor, plus/cross arm length and half-width,
// ring half-thickness.
namespace shape_k {
inline constexpr float square = 0.89f, diamond = 0.89f, triangle = 1.35f, hexagon = 0.93f;
inline constexpr float star = 1.6f, star_inner = 0.45f;
inline constexpr float arm = 1.2f, arm_half_width = 0.36f, ring = 0.22f;
inline constexpr float max_extent = 1.6f;  // farthest any shape reaches, in R
}  // namespace shape_k

}  // namespace yz::app
