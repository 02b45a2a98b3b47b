#pragma once
// CPU-side vertex lists for the map shaders: triangles in map metres plus a pixel offset (lines,
// fills), so lines keep their on-screen width at every zoom, and markers as one vertex each
// (shaped in the fragment shader). Positions are relative to an origin near the map (UTM
// coordinates in the millions lose metres in float).
#include <vector>

#include "app/render/map_style.hpp"
#include "app/render/marker_shape.hpp"
#include "engine/geo/vec2.hpp"

namespace yz::app {

struct MapVertex {
  float x, y;    // metres from the origin
  float ox, oy;  // pixels (y up)
  uint8_t r, g, b, a;
  // 1: take the colour from the layer's colour uniform (keeping this vertex's alpha), so the
  // Layers panel can recolour a layer without a rebuild.
  uint8_t main, pad[3];
};

struct MeshBuilder {
  std::vector<MapVertex> v;
  Vec2 origin{0, 0};
  void clear() { v.clear(); }
  // A polyline `width_px` wide, segments extended by half the width so joints close.
  void line(const std::vector<Vec2>& pts, float width_px, Rgba c, bool main = false);
  void line(const Vec2* pts, size_t n, float width_px, Rgba c, bool main = false);
  void triangle(Vec2 a, Vec2 b, Vec2 c, Rgba col, bool main = false);
  void circle(Vec2 centre, double radius_m, float width_px, Rgba c, bool main = false,
              int segments = 96);
};

// One marker: a GL point with shape, size, fill and outline.
struct MarkerVertex {
  float x, y;        // metres from the origin
  Rgba fill;         // alpha 0 = hollow
  Rgba line;         // outline colour
  uint8_t shape;     // MarkerShape
  uint8_t radius_q;  // nominal radius R in quarter pixels
  uint8_t line_q;    // outline width in quarter pixels
  uint8_t flags;     // kMainFill | kMainLine | kEdge
};
inline constexpr uint8_t kMainFill = 1, kMainLine = 2, kEdge = 4;

struct MarkerBuilder {
  std::vector<MarkerVertex> v;
  Vec2 origin{0, 0};
  void clear() { v.clear(); }
  void add(Vec2 p, MarkerShape s, float radius_px, Rgba fill, Rgba line, float line_px,
           uint8_t flags);
};

}  // namespace yz::app
