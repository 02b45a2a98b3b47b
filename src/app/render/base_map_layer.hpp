#pragma once
// The map itself: water and parks (stencil-filled polygons, any shape, holes kept) and streets
// by class, in levels of detail cut into tiles so a frame draws only the tiles on screen.
// Uploaded once per map (set), drawn into the compositor's base picture.
#include <vector>

#include "app/render/map_painter.hpp"
#include "engine/map/road_lines.hpp"

namespace yz::app {

class BaseMapLayer {
 public:
  BaseMapLayer();
  ~BaseMapLayer();
  BaseMapLayer(const BaseMapLayer&) = delete;
  BaseMapLayer& operator=(const BaseMapLayer&) = delete;

  void set(const RoadLines& lines, Vec2 origin);
  // MapLayer::areas or MapLayer::streets.
  void draw(MapLayer l, const LayerStyle& look, MapPainter& p);

 private:
  void fill_areas(const GlBuffer& fan, const GlBuffer& box, MapPainter& p) const;
  void draw_streets(const LayerStyle& look, MapPainter& p);
  // Draws the ranges of `first`/`count` (per pass and tile) whose tile is on screen.
  void draw_tiles(const GlBuffer& b, const std::vector<int>& first, const std::vector<int>& count,
                  const std::vector<uint8_t>& tile_visible);

  GlBuffer water_fan_, water_box_, park_fan_, park_box_;
  // Streets by level of detail, each with vertex ranges per (pass, tile) (street_mesh.hpp).
  struct StreetGpu {
    double from_m_per_px = 0;
    GlBuffer streets, casings;
    std::vector<int> street_first, street_count, casing_first, casing_count;
    std::vector<Box> tile_box;
  };
  std::vector<StreetGpu> levels_;
  std::vector<int> multi_first_, multi_count_;  // scratch for glMultiDrawArrays
  std::vector<uint8_t> tile_visible_;
};

}  // namespace yz::app
