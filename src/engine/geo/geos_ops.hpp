#pragma once
// The few GEOS polygon operations the engine needs, on plain MultiPolygons (metric): buffering
// lines or points, union, difference. Each call owns its own GEOS context (thread-safe).
#include <vector>

#include "engine/geo/polygon.hpp"

namespace yz {

MultiPolygon buffer_polylines(const std::vector<std::vector<Vec2>>& lines, double radius_m,
                              int quadrant_segments = 3);
MultiPolygon buffer_points(const std::vector<Vec2>& pts, double radius_m,
                           int quadrant_segments = 4);
MultiPolygon union_polygons(const std::vector<MultiPolygon>& parts);
MultiPolygon difference(const MultiPolygon& a, const MultiPolygon& b);

}  // namespace yz
