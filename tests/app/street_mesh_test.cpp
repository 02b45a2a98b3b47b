// Street levels of detail: full detail at street zoom, simplified and thinned when zoomed out,
// footways dropped on region views, vertex ranges per (pass, tile) that add up.
#include <catch2/catch.hpp>
#include <cmath>

#include "app/render/street_mesh.hpp"

using namespace yz;
using namespace yz::app;

namespace {
size_t sum(const std::vector<int>& v) {
  size_t n = 0;
  for (int c : v) n += static_cast<size_t>(c);
  return n;
}
}  // namespace

TEST_CASE("street levels simplify, thin out and tile", "[app]") {
  RoadLines lines;
  // A wiggly residential street (1 m wiggles every 10 m over 2 km) and a straight footway.
  std::vector<Vec2> wiggly;
  for (int i = 0; i <= 200; ++i) wiggly.push_back({i * 10.0, (i % 2) * 1.0});
  lines.add_line(wiggly, RoadClass::residential, true, 1);
  lines.add_line({{0, 500}, {2000, 500}}, RoadClass::footway, true, 2);
  const auto levels = build_street_levels(lines, {1000, 250});
  REQUIRE(levels.size() >= 5);
  CHECK(street_level_for(levels, 0.5) == 0);
  CHECK(street_level_for(levels, 3) == 1);
  CHECK(street_level_for(levels, 1000) == static_cast<int>(levels.size()) - 1);

  const StreetLevel& full = levels[0];
  // 200 + 1 segments, 6 vertices each; casings under the residential street only.
  CHECK(full.streets.v.size() == 201 * 6);
  CHECK(full.casings.v.size() == 200 * 6);
  CHECK(sum(full.street_count) == full.streets.v.size());
  CHECK(sum(full.casing_count) == full.casings.v.size());
  // Ranges are back to back in (pass, tile) order.
  for (size_t i = 0; i + 1 < full.street_first.size(); ++i)
    CHECK(full.street_first[i] + full.street_count[i] == full.street_first[i + 1]);
  // Several tiles in use; their boxes hold the segments (metres from the origin).
  int used = 0;
  for (const Box& b : full.tile_box)
    if (!b.empty()) {
      ++used;
      CHECK(b.min.x >= -1000 - 1e-9);
      CHECK(b.max.x <= 1000 + 1e-9);
    }
  CHECK(used >= 10);

  // 4 m/px: 1 m wiggles are under a pixel, the street becomes one segment; no casings.
  const StreetLevel& mid = levels[static_cast<size_t>(street_level_for(levels, 4))];
  CHECK(mid.streets.v.size() == 2 * 6);
  CHECK(mid.casings.v.empty());
  // Region view: the footway is gone, the street stays (thinner, at least a pixel).
  const StreetLevel& far = levels[static_cast<size_t>(street_level_for(levels, 20))];
  CHECK(far.streets.v.size() == 6);
  const float half_width = std::abs(far.streets.v[0].ox - far.streets.v[0].oy);
  CHECK(half_width > 0);
}
