#include "app/render/camera.hpp"

#include <algorithm>

namespace yz::app {

void Camera::fit(const Box& b, double margin) {
  centre = {(b.min.x + b.max.x) / 2, (b.min.y + b.max.y) / 2};
  double w = std::max(b.max.x - b.min.x, 1.0), h = std::max(b.max.y - b.min.y, 1.0);
  m_per_px = std::max(w / width_px, h / height_px) * (1 + 2 * margin);
}

void Camera::pan_pixels(double dx_px, double dy_px) {
  centre.x -= dx_px * m_per_px;
  centre.y += dy_px * m_per_px;
}

void Camera::zoom_at(double sx, double sy, double factor) {
  Vec2 before = to_world(sx, sy);
  m_per_px = std::clamp(m_per_px / factor, 0.05, 500.0);
  Vec2 after = to_world(sx, sy);
  centre.x += before.x - after.x;
  centre.y += before.y - after.y;
}

Vec2 Camera::to_world(double sx, double sy) const {
  return {centre.x + (sx - width_px / 2) * m_per_px, centre.y - (sy - height_px / 2) * m_per_px};
}

Vec2 Camera::to_screen(Vec2 w) const {
  return {(w.x - centre.x) / m_per_px + width_px / 2, height_px / 2 - (w.y - centre.y) / m_per_px};
}

}  // namespace yz::app
