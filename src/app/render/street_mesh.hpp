#pragma once
// Street triangles at several levels of detail (polylines simplified to under a pixel, footways
// and service roads left out and lines thinned when a whole region is on screen), each level cut
// into spatial tiles, so a frame draws only what its zoom needs and only what is on screen:
// llvmpipe pays for every triangle, and a region has a million street vertices at full detail.
#include <vector>

#include "app/render/mesh_builder.hpp"
#include "engine/map/road_lines.hpp"

namespace yz::app {

inline constexpr int kStreetPasses = 3;  // minor, medium, arterial: drawn in this order
inline constexpr int kStreetTiles = 16;  // per side

struct StreetLevel {
  double from_m_per_px = 0;  // used from this zoom out to the next level's
  MeshBuilder streets, casings;
  // Vertex ranges per (pass, tile): index pass * kStreetTiles^2 + tile.
  std::vector<int> street_first, street_count, casing_first, casing_count;
  std::vector<Box> tile_box;  // metres from the origin; what the tile's segments span
};

// Levels from full detail (finest zoom) to the coarsest; positions relative to `origin`.
std::vector<StreetLevel> build_street_levels(const RoadLines& lines, Vec2 origin);

// The level for a zoom (index into the result above).
int street_level_for(const std::vector<StreetLevel>& levels, double m_per_px);

}  // namespace yz::app
