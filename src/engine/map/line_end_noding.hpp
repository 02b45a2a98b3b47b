#pragma once
// T-junctions in vector road layers. GIS road layers (unlike OpenStreetMap, where ways share nodes)
// often end a side street exactly ON the main street between two of its vertices. For a walker that
// is a junction, but the graph builder joins lines only at shared vertices; so each line end lying
// on another walkable line's interior gets inserted there as a vertex. Lines that cross without a
// vertex stay apart (bridges, tunnels), as in OSM.
#include <cstddef>

#include "engine/map/road_lines.hpp"

namespace yz {

// Inserts every walkable line end that lies within `tolerance_m` of the interior of a walkable
// segment (farther than the tolerance from both its vertices) into that segment. Returns how many
// vertices were inserted. Deterministic.
size_t node_line_ends(RoadLines& lines, double tolerance_m = 0.01);

}  // namespace yz
