#pragma once
// CPU-side triangle lists for the map shader: positions in map metres plus a pixel offset, so
// lines and markers keep their on-screen size at every zoom.
#include <vector>

#include "app/map_style.hpp"
#include "engine/geo/vec2.hpp"

namespace yz::app {

struct MapVertex {
  float x, y;    // metres
  float ox, oy;  // pixels (y up)
  uint8_t r, g, b, a;
};

struct MeshBuilder {
  std::vector<MapVertex> v;
  void clear() { v.clear(); }
  // A polyline `width_px` wide, segments extended by half the width so joints close.
  void line(const std::vector<Vec2>& pts, float width_px, Rgba c);
  void line(const Vec2* pts, size_t n, float width_px, Rgba c);
  // A square marker centred on p; `diamond` rotates it 45 degrees.
  void marker(Vec2 p, float half_px, Rgba c, bool diamond = false);
  void point(Vec2 p, Rgba c) {
    v.push_back({static_cast<float>(p.x), static_cast<float>(p.y), 0, 0, c.r, c.g, c.b, c.a});
  }
  void triangle(Vec2 a, Vec2 b, Vec2 c, Rgba col);
  void circle(Vec2 centre, double radius_m, float width_px, Rgba c, int segments = 96);
};

}  // namespace yz::app
