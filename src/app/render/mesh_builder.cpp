#include "app/render/mesh_builder.hpp"

#include <algorithm>
#include <cmath>

namespace yz::app {
namespace {

MapVertex vert(Vec2 p, float ox, float oy, Rgba c, bool main) {
  return {static_cast<float>(p.x),
          static_cast<float>(p.y),
          ox,
          oy,
          c.r,
          c.g,
          c.b,
          c.a,
          static_cast<uint8_t>(main),
          {0, 0, 0}};
}

uint8_t quarter_px(float px) {
  return static_cast<uint8_t>(std::clamp(std::lround(px * 4), 0L, 255L));
}

}  // namespace

void MeshBuilder::line(const std::vector<Vec2>& pts, float width_px, Rgba c, bool main) {
  line(pts.data(), pts.size(), width_px, c, main);
}

void MeshBuilder::line(const Vec2* pts, size_t n, float width_px, Rgba c, bool main) {
  const float h = width_px / 2;
  for (size_t i = 0; i + 1 < n; ++i) {
    Vec2 a = pts[i] - origin, b = pts[i + 1] - origin;
    double len = distance(a, b);
    if (len <= 0) continue;
    float dx = static_cast<float>((b.x - a.x) / len), dy = static_cast<float>((b.y - a.y) / len);
    float nx = -dy, ny = dx;
    MapVertex a0 = vert(a, (-dx + nx) * h, (-dy + ny) * h, c, main),
              a1 = vert(a, (-dx - nx) * h, (-dy - ny) * h, c, main);
    MapVertex b0 = vert(b, (dx + nx) * h, (dy + ny) * h, c, main),
              b1 = vert(b, (dx - nx) * h, (dy - ny) * h, c, main);
    v.insert(v.end(), {a0, a1, b0, b0, a1, b1});
  }
}

void MeshBuilder::triangle(Vec2 a, Vec2 b, Vec2 c, Rgba col, bool main) {
  v.insert(v.end(), {vert(a - origin, 0, 0, col, main), vert(b - origin, 0, 0, col, main),
                     vert(c - origin, 0, 0, col, main)});
}

void MeshBuilder::circle(Vec2 centre, double radius_m, float width_px, Rgba c, bool main,
                         int segments) {
  Vec2 pts[2];
  for (int i = 0; i < segments; ++i) {
    for (int k = 0; k < 2; ++k) {
      double t = 2 * M_PI * (i + k) / segments;
      pts[k] = {centre.x + radius_m * std::cos(t), centre.y + radius_m * std::sin(t)};
    }
    line(pts, 2, width_px, c, main);
  }
}

void MarkerBuilder::add(Vec2 p, MarkerShape s, float radius_px, Rgba fill, Rgba line, float line_px,
                        uint8_t flags) {
  v.push_back({static_cast<float>(p.x - origin.x), static_cast<float>(p.y - origin.y), fill, line,
               static_cast<uint8_t>(s), quarter_px(radius_px), quarter_px(line_px), flags});
}

}  // namespace yz::app
