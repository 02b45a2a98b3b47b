#pragma once
// The few GEOS polygon operations the engine needs, on plain MultiPolygons (metric): buffering
// lines or points, union, difference. Each call owns its own GEOS context (thread-safe).
#include <string>
#include <vector>

#include "engine/geo/polygon.hpp"

namespace yz {

MultiPolygon buffer_polylines(const std::vector<std::vector<Vec2>>& lines, double radius_m,
                              int quadrant_segments = 3);
// The same buffer for display at scale: lines joined end to end first (fewer round caps to node,
// the same area), the result simplified at `simplify_m` with GEOS's topology-preserving
// simplifier (no ring crosses another, holes stay) when simplify_m > 0. Valid as built: callers
// need not check it again.
MultiPolygon buffer_polylines_merged(const std::vector<std::vector<Vec2>>& lines, double radius_m,
                                     int quadrant_segments, double simplify_m);
MultiPolygon buffer_points(const std::vector<Vec2>& pts, double radius_m,
                           int quadrant_segments = 4);
MultiPolygon union_polygons(const std::vector<MultiPolygon>& parts);
// The union of polygons GEOS built valid (buffers, simplified with the topology kept), without
// checking each again (the check costs about as much as the union); any that GEOS cannot union
// as given are repaired with MakeValid and the union retried. Order-stable: the same parts in the
// same order give the same result.
MultiPolygon union_built_valid(const std::vector<const MultiPolygon*>& parts);
MultiPolygon difference(const MultiPolygon& a, const MultiPolygon& b);

// Whether the polygons form a valid (multi)polygon; `reason` gets GEOS's explanation when not
// ("Self-intersection[x y]").
bool valid_polygons(const MultiPolygon& mp, std::string* reason = nullptr);
// GEOS MakeValid, keeping the polygons (lines and points it may leave are dropped).
MultiPolygon make_valid(const MultiPolygon& mp);
// The parts of `lines` inside `area` (a valid polygon): each line whole when inside, else cut at
// the boundary; touching points are dropped. Lines are returned in input order.
std::vector<std::vector<Vec2>> clip_lines(const MultiPolygon& area,
                                          const std::vector<std::vector<Vec2>>& lines);

}  // namespace yz
