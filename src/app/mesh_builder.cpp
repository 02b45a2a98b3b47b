#include "app/mesh_builder.hpp"

#include <cmath>

namespace yz::app {
namespace {

MapVertex vert(Vec2 p, float ox, float oy, Rgba c) {
  return {static_cast<float>(p.x), static_cast<float>(p.y), ox, oy, c.r, c.g, c.b, c.a};
}

}  // namespace

void MeshBuilder::line(const std::vector<Vec2>& pts, float width_px, Rgba c) {
  line(pts.data(), pts.size(), width_px, c);
}

void MeshBuilder::line(const Vec2* pts, size_t n, float width_px, Rgba c) {
  const float h = width_px / 2;
  for (size_t i = 0; i + 1 < n; ++i) {
    Vec2 a = pts[i], b = pts[i + 1];
    double len = distance(a, b);
    if (len <= 0) continue;
    float dx = static_cast<float>((b.x - a.x) / len), dy = static_cast<float>((b.y - a.y) / len);
    float nx = -dy, ny = dx;
    MapVertex a0 = vert(a, (-dx + nx) * h, (-dy + ny) * h, c),
              a1 = vert(a, (-dx - nx) * h, (-dy - ny) * h, c);
    MapVertex b0 = vert(b, (dx + nx) * h, (dy + ny) * h, c),
              b1 = vert(b, (dx - nx) * h, (dy - ny) * h, c);
    v.insert(v.end(), {a0, a1, b0, b0, a1, b1});
  }
}

void MeshBuilder::marker(Vec2 p, float half_px, Rgba c, bool diamond) {
  float h = half_px;
  if (diamond) {
    h *= 1.4142f;
    MapVertex t = vert(p, 0, h, c), r = vert(p, h, 0, c), b = vert(p, 0, -h, c),
              l = vert(p, -h, 0, c);
    v.insert(v.end(), {t, r, b, b, l, t});
  } else {
    MapVertex a = vert(p, -h, -h, c), b = vert(p, h, -h, c), cc = vert(p, h, h, c),
              d = vert(p, -h, h, c);
    v.insert(v.end(), {a, b, cc, cc, d, a});
  }
}

void MeshBuilder::triangle(Vec2 a, Vec2 b, Vec2 c, Rgba col) {
  v.insert(v.end(), {vert(a, 0, 0, col), vert(b, 0, 0, col), vert(c, 0, 0, col)});
}

void MeshBuilder::circle(Vec2 centre, double radius_m, float width_px, Rgba c, int segments) {
  std::vector<Vec2> pts;
  for (int i = 0; i <= segments; ++i) {
    double t = 2 * M_PI * i / segments;
    pts.push_back({centre.x + radius_m * std::cos(t), centre.y + radius_m * std::sin(t)});
  }
  line(pts, width_px, c);
}

}  // namespace yz::app
