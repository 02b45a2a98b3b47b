#pragma once
// Marker shapes drawn as one GL point each (the shape is a signed distance in
// shaders/marker.frag.glsl) and as polygons in the legend (map_legend.cpp); the ids and
// proportions here must match the shader's.
#include <cstdint>

#include "engine/export/marker_shape.hpp"

namespace yz::app {

// The shapes and the host type -> shape table are the engine's (the PNG map draws the same):
// yz::MarkerShape, yz::host_shape in engine/export/marker_shape.hpp.
using yz::host_shape;
using yz::MarkerShape;

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
