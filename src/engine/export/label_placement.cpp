#include "engine/export/label_placement.hpp"

#include <algorithm>

namespace yz {

bool LabelPlacer::free(const LabelBox& b) const {
  if (!b.inside(bounds_)) return false;
  for (const auto& o : blocked_)
    if (b.overlaps(o)) return false;
  for (const auto& o : placed_)
    if (b.overlaps(o)) return false;
  return true;
}

std::optional<LabelBox> LabelPlacer::place(Vec2 c, double r, double w, double h) {
  if (w > bounds_.width() || h > bounds_.height()) return std::nullopt;
  const double g = r, d = r;  // clear of the mark's box
  // Top-left corners of the candidate positions, in order of preference.
  const Vec2 corners[] = {
      {c.x + g, c.y - h / 2},      // right
      {c.x - g - w, c.y - h / 2},  // left
      {c.x - w / 2, c.y - g - h},  // above
      {c.x - w / 2, c.y + g},      // below
      {c.x + d, c.y - d - h},      // upper right
      {c.x + d, c.y + d},          // lower right
      {c.x - d - w, c.y - d - h},  // upper left
      {c.x - d - w, c.y + d},      // lower left
  };
  for (Vec2 p : corners) {
    // Moved inside the map where it would run off an edge (left and right, top and bottom).
    const double x = std::clamp(p.x, bounds_.x0, bounds_.x1 - w);
    const double y = std::clamp(p.y, bounds_.y0, bounds_.y1 - h);
    const LabelBox b{x, y, x + w, y + h};
    if (free(b)) {
      placed_.push_back(b);
      return b;
    }
  }
  return std::nullopt;
}

}  // namespace yz
