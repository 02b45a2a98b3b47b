#include "engine/export/label_placement.hpp"

#include <algorithm>
#include <cmath>

namespace yz {

LabelPlacer::LabelPlacer(LabelBox bounds, double cell)
    : bounds_(bounds), cell_(cell > 0 ? cell : 48) {
  const auto size_grid = [&] {
    cols_ = std::max(1, static_cast<int>(std::ceil(bounds_.width() / cell_)));
    rows_ = std::max(1, static_cast<int>(std::ceil(bounds_.height() / cell_)));
  };
  // A huge drawing with tiny cells would make a huge grid: widen the cells instead.
  for (size_grid(); static_cast<int64_t>(cols_) * rows_ > (1 << 20); size_grid()) cell_ *= 2;
  grid_.resize(static_cast<size_t>(cols_) * rows_);
}

void LabelPlacer::cells_of(const LabelBox& b, int& c0, int& r0, int& c1, int& r1) const {
  auto col = [&](double x) {
    return std::clamp(static_cast<int>(std::floor((x - bounds_.x0) / cell_)), 0, cols_ - 1);
  };
  auto row = [&](double y) {
    return std::clamp(static_cast<int>(std::floor((y - bounds_.y0) / cell_)), 0, rows_ - 1);
  };
  c0 = col(b.x0), c1 = col(b.x1), r0 = row(b.y0), r1 = row(b.y1);
}

void LabelPlacer::take(const LabelBox& b) {
  const auto id = static_cast<uint32_t>(taken_.size());
  taken_.push_back(b);
  int c0, r0, c1, r1;
  cells_of(b, c0, r0, c1, r1);
  for (int r = r0; r <= r1; ++r)
    for (int c = c0; c <= c1; ++c) grid_[static_cast<size_t>(r) * cols_ + c].push_back(id);
}

bool LabelPlacer::free(const LabelBox& b) const {
  if (!b.inside(bounds_)) return false;
  int c0, r0, c1, r1;
  cells_of(b, c0, r0, c1, r1);
  for (int r = r0; r <= r1; ++r)
    for (int c = c0; c <= c1; ++c)
      for (uint32_t i : grid_[static_cast<size_t>(r) * cols_ + c])
        if (b.overlaps(taken_[i])) return false;
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
      take(b);
      return b;
    }
  }
  return std::nullopt;
}

}  // namespace yz
