// Greedy label placement: labels never overlap a blocked box (marks, furniture) or each other,
// stay inside the bounds (also where the preferred side would run off an edge), take the first
// free position in the documented order, and are refused only when no position is free.
#include <catch2/catch.hpp>

#include <random>

#include "engine/export/label_placement.hpp"

using namespace yz;

namespace {
LabelBox around(Vec2 c, double r) {
  return {c.x - r, c.y - r, c.x + r, c.y + r};
}
}  // namespace

TEST_CASE("labels go right of their mark when free, else left, above, below", "[export]") {
  const LabelBox bounds{0, 0, 400, 300};
  LabelPlacer p(bounds);
  const Vec2 c{200, 150};
  p.block(around(c, 5));
  const auto a = p.place(c, 7, 60, 12);
  REQUIRE(a);
  CHECK(a->x0 == Approx(207));
  CHECK(a->y0 == Approx(144));
  // The same mark again: right is taken by the first label, so left.
  const auto b = p.place(c, 7, 60, 12);
  REQUIRE(b);
  CHECK(b->x1 == Approx(193));
  const auto up = p.place(c, 7, 60, 12);
  REQUIRE(up);
  CHECK(up->y1 == Approx(143));
  const auto down = p.place(c, 7, 60, 12);
  REQUIRE(down);
  CHECK(down->y0 == Approx(157));
  for (const auto* l : {&*a, &*b, &*up, &*down}) CHECK(!l->overlaps(around(c, 5)));
}

TEST_CASE("labels at the map's edges are moved inside, on both sides", "[export]") {
  const LabelBox bounds{10, 10, 410, 310};
  // A long label at the left edge: right of the mark would fit; one at the right edge goes left.
  LabelPlacer p(bounds);
  const Vec2 left{14, 100}, right{406, 200};
  p.block(around(left, 4));
  p.block(around(right, 4));
  const auto a = p.place(right, 6, 150, 12);
  REQUIRE(a);
  CHECK(a->inside(bounds));
  CHECK(a->x1 <= right.x - 6 + 1e-9);
  // Block the right side of the left mark: left of it would run off the edge; it is clamped
  // inside, overlaps its own mark and is refused; above is taken instead.
  p.block({left.x + 5, left.y - 5, left.x + 200, left.y + 5});
  const auto b = p.place(left, 6, 150, 12);
  REQUIRE(b);
  CHECK(b->inside(bounds));
  CHECK(b->x0 >= bounds.x0);
  CHECK(b->y1 <= left.y - 6 + 1e-9);
}

TEST_CASE("a label is refused only when every position is taken", "[export]") {
  LabelPlacer p({0, 0, 100, 100});
  const Vec2 c{50, 50};
  p.block(around(c, 5));
  // Wall everything off except the lower-left diagonal.
  p.block({0, 0, 100, 43});    // above (and the upper diagonals)
  p.block({57, 0, 100, 100});  // right and lower right
  p.block({30, 44, 43, 56});   // left
  p.block({43, 56, 57, 100});  // below
  const auto a = p.place(c, 7, 20, 10);
  REQUIRE(a);
  CHECK(a->x1 == Approx(43));  // lower left: corner at (c - 7, c + 7)
  CHECK(a->y0 == Approx(57));
  CHECK(!p.place(c, 7, 20, 10));  // now nothing is free
}

TEST_CASE("random crowds: placed labels never overlap marks or each other", "[export]") {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> X(0, 600), Y(0, 400), W(20, 120);
  const LabelBox bounds{0, 0, 600, 400};
  for (int round = 0; round < 20; ++round) {
    LabelPlacer p(bounds);
    std::vector<Vec2> marks;
    for (int i = 0; i < 60; ++i) marks.push_back({X(rng), Y(rng)});
    std::vector<LabelBox> mark_boxes;
    for (auto m : marks) mark_boxes.push_back(around(m, 6)), p.block(mark_boxes.back());
    int placed = 0;
    for (auto m : marks)
      if (const auto b = p.place(m, 8, W(rng), 13)) {
        ++placed;
        CHECK(b->inside(bounds));
        for (const auto& mb : mark_boxes) CHECK(!b->overlaps(mb));
      }
    const auto& all = p.placed();
    REQUIRE(static_cast<int>(all.size()) == placed);
    for (size_t i = 0; i < all.size(); ++i)
      for (size_t j = i + 1; j < all.size(); ++j) CHECK(!all[i].overlaps(all[j]));
    CHECK(placed > 20);  // most find room
  }
}

TEST_CASE("the grid index places exactly as a plain scan of every box would", "[export]") {
  // One cell covering everything is a plain scan; small cells must give the same placements,
  // including for marks partly off the bounds and labels clamped onto an edge.
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> X(-30, 1630), Y(-30, 1230), W(15, 160), H(10, 18);
  const LabelBox bounds{0, 0, 1600, 1200};
  for (int round = 0; round < 5; ++round) {
    LabelPlacer scan(bounds, 1e9), grid(bounds, 37);
    std::vector<Vec2> marks(1500);
    for (auto& m : marks) m = {X(rng), Y(rng)};
    for (auto m : marks) scan.block(around(m, 5)), grid.block(around(m, 5));
    size_t placed = 0;
    for (auto m : marks) {
      const double w = W(rng), h = H(rng);
      const auto a = scan.place(m, 7, w, h), b = grid.place(m, 7, w, h);
      REQUIRE(a.has_value() == b.has_value());
      if (!a) continue;
      ++placed;
      CHECK(a->x0 == b->x0);
      CHECK(a->y0 == b->y0);
    }
    CHECK(placed > 100);
    CHECK(placed < marks.size());  // crowded: some labels find no room
  }
}
