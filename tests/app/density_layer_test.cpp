// The density ramp's normaliser and kernel radius, computed on the CPU (no GL needed).
#include <catch2/catch.hpp>

#include "app/render/density_layer.hpp"

using namespace yz;
using namespace yz::app;

TEST_CASE("density robust maximum: quantile of cell sums", "[app]") {
  std::vector<Vec2> xy;
  std::vector<float> w;
  // Cell (0,0) of 100 m holds 10 workers at two spots; cell (3,0) one; a zero weight counts for
  // nothing.
  for (int i = 0; i < 4; ++i) xy.push_back({10, 10}), w.push_back(1);
  for (int i = 0; i < 3; ++i) xy.push_back({90, 60}), w.push_back(2);
  xy.push_back({350, 20}), w.push_back(1);
  xy.push_back({-500, -500}), w.push_back(0);
  CHECK(density_robust_max(xy, w, 100) == Approx(10));    // two cells: the larger
  CHECK(density_robust_max(xy, w, 100, 0) == Approx(1));  // the smallest non-empty
  CHECK(density_robust_max(xy, w, 1000) == Approx(11));   // all in one cell
  CHECK(density_robust_max({}, {}, 100) == 0);

  // 100 cells holding 1..100 workers: the 99th percentile is the second largest.
  xy.clear(), w.clear();
  for (int c = 0; c < 100; ++c) xy.push_back({c * 100.0 + 50, -250}), w.push_back(c + 1.f);
  CHECK(density_robust_max(xy, w, 100) == Approx(99));
}

TEST_CASE("density kernel: 150 m, widened in quarter octaves when it gets small", "[app]") {
  CHECK(density_radius_m(1) == 150);
  CHECK(density_radius_m(150.0 / 8) == 150);  // exactly the minimum on screen
  // 30 m/px: 8 px = 240 m = 150 x 1.6; the next quarter octave up is 2^(3/4).
  CHECK(density_radius_m(30) == Approx(150 * std::exp2(0.75)));
  for (double m : {20.0, 30.0, 55.0, 200.0}) {
    const double r = density_radius_m(m);
    CHECK(r / m >= style::density_min_radius_px);
    CHECK(r / m < style::density_min_radius_px * 1.19);
  }
}
