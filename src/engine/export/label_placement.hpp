#pragma once
// Greedy placement of map labels. Each label tries positions around its mark in a fixed order
// (right, left, above, below, then the four diagonals), is moved inside the map where it would
// run off an edge, and takes the first position whose box overlaps nothing placed before it:
// station marks, map furniture (scale bar, north arrow, credit) and the labels already placed.
// A label with no free position is not drawn (the caller may try a shorter text first).
#include <cstdint>
#include <optional>
#include <vector>

#include "engine/geo/vec2.hpp"

namespace yz {

struct LabelBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // drawing units, y down
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  // Boxes that only touch along an edge do not overlap.
  bool overlaps(const LabelBox& o) const {
    return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
  }
  bool inside(const LabelBox& o) const {
    return x0 >= o.x0 && x1 <= o.x1 && y0 >= o.y0 && y1 <= o.y1;
  }
};

// The square of half-size r around a mark at c.
inline LabelBox box_around(Vec2 c, double r) { return {c.x - r, c.y - r, c.x + r, c.y + r}; }

// Boxes already taken are kept in a uniform grid over the bounds (cells of `cell` units), so a
// map with thousands of marks and labels is placed in near-linear time (the app does it every
// frame).
class LabelPlacer {
 public:
  explicit LabelPlacer(LabelBox bounds, double cell = 48);
  // Something labels must not cover (a station mark, the scale bar, ...).
  void block(const LabelBox& b) { take(b); }
  // A label of w x h for a mark at `anchor` whose half-size is `mark_r`: the box it is drawn in
  // (inside the bounds, overlapping nothing blocked or placed), or nullopt when nothing fits.
  std::optional<LabelBox> place(Vec2 anchor, double mark_r, double w, double h);
  const std::vector<LabelBox>& placed() const { return placed_; }
  bool free(const LabelBox& b) const;

 private:
  void take(const LabelBox& b);
  // The grid cells a box touches (clamped to the grid).
  void cells_of(const LabelBox& b, int& c0, int& r0, int& c1, int& r1) const;

  LabelBox bounds_;
  double cell_;
  int cols_, rows_;
  std::vector<LabelBox> taken_, placed_;
  std::vector<std::vector<uint32_t>> grid_;  // per cell: indices into taken_
};

}  // namespace yz
