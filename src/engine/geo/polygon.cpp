#include "engine/geo/polygon.hpp"

#include <cmath>

namespace yz {

Ring circle_ring(Vec2 c, double r, int segments) {
  Ring ring;
  ring.reserve(segments + 1);
  for (int i = 0; i < segments; ++i) {
    const double a = 2 * M_PI * i / segments;
    ring.push_back({c.x + r * std::cos(a), c.y + r * std::sin(a)});
  }
  ring.push_back(ring.front());
  return ring;
}

double ring_area(const Ring& r) {
  double s = 0;
  for (size_t i = 0; i + 1 < r.size(); ++i) s += r[i].x * r[i + 1].y - r[i + 1].x * r[i].y;
  return s / 2;
}

}  // namespace yz
