#pragma once
// Plain polygons (metric or lon/lat): the outer ring first, then holes. Rings are closed.
#include <vector>

#include "engine/geo/vec2.hpp"

namespace yz {

using Ring = std::vector<Vec2>;
struct Polygon {
  std::vector<Ring> rings;
};
using MultiPolygon = std::vector<Polygon>;

// A circle as a closed ring of `segments` vertices.
Ring circle_ring(Vec2 centre, double radius_m, int segments = 72);
double ring_area(const Ring& r);  // signed (shoelace)

}  // namespace yz
