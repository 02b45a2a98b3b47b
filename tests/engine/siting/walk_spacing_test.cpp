// Walking spacing: site pairs closer than D on foot, against hand-computed network distances
// (a river crossed by one bridge; a full street grid, where the walk between two junctions is
// their Manhattan distance), and end to end in the solver: no plan opens such a pair.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "engine/siting/siting_solver.hpp"
#include "engine/siting/walk_spacing.hpp"
#include "support/tiny_network.hpp"

using namespace yz;
using namespace yz::siting;
using yz::test::tiny_lines;

namespace {

std::vector<Snap> snaps_of(const CityNetwork& city, const std::vector<Vec2>& xy) {
  std::vector<Snap> s;
  for (Vec2 p : xy) s.push_back(city.snapper->snap(p));
  return s;
}

// Streets every 100 m over 1 km x 1 km, a vertex at every crossing (so they are junctions).
RoadLines grid_lines() {
  std::vector<yz::test::TinyLine> lines;
  for (int i = 0; i <= 10; ++i) {
    yz::test::TinyLine h, v;
    for (int t = 0; t <= 10; ++t) {
      h.pts.push_back({100.0 * t, 100.0 * i});
      v.pts.push_back({100.0 * i, 100.0 * t});
    }
    lines.push_back(h);
    lines.push_back(v);
  }
  return tiny_lines(lines);
}

}  // namespace

TEST_CASE("walking spacing follows the streets, not the straight line") {
  // Two east-west streets 100 m apart (a river between), one bridge at x = 1000.
  auto city = city_from_lines(
      tiny_lines({{{{0, 0}, {1000, 0}}}, {{{0, 100}, {1000, 100}}}, {{{1000, 0}, {1000, 100}}}}));
  // 0 (200, 0) and 1 (200, 100): 100 m apart, walk 800 + 100 + 800 = 1700 m.
  // 2 (450, 0): 250 m from 0 along the street. 3 (900, 100) on the north street. 4 (450, -10):
  // 10 m off the street next to 2 (its access walk counts).
  const std::vector<Vec2> xy{{200, 0}, {200, 100}, {450, 0}, {900, 100}, {450, -10}};
  const auto snaps = snaps_of(city, xy);
  SECTION("300 m") {
    const auto w = walk_spacing_pairs(city.graph, snaps, xy, 300, 0);
    // 0-2: 250; 2-4: 10 (access); 0-4: 260. Not 0-1 (1700 on foot, 100 straight).
    const std::vector<std::pair<uint32_t, uint32_t>> want{{0, 2}, {0, 4}, {2, 4}};
    REQUIRE(w.pairs == want);
  }
  SECTION("800 m") {
    const auto w = walk_spacing_pairs(city.graph, snaps, xy, 800, 0);
    // 2-3: 550 + 100 + 100 = 750; 3-4: 760; 1-3: 700 along the north street;
    // 0-3: 800 + 100 + 100 = 1000 (no); 1-2: 800 + 100 + 550 = 1450 (no).
    const std::vector<std::pair<uint32_t, uint32_t>> want{{0, 2}, {0, 4}, {1, 3},
                                                          {2, 3}, {2, 4}, {3, 4}};
    REQUIRE(w.pairs == want);
  }
  SECTION("pairs of two existing stations are left out") {
    const auto w = walk_spacing_pairs(city.graph, snaps, xy, 300, 3);
    const std::vector<std::pair<uint32_t, uint32_t>> want{{0, 4}, {2, 4}};
    REQUIRE(w.pairs == want);
  }
}

TEST_CASE("walking spacing on a street grid equals the Manhattan distance") {
  auto city = city_from_lines(grid_lines());
  std::mt19937 rng(5);
  std::vector<Vec2> xy;
  for (int t = 0; t < 40; ++t) xy.push_back({100.0 * (rng() % 11), 100.0 * (rng() % 11)});
  const auto snaps = snaps_of(city, xy);
  const uint32_t fixed = 5;
  for (double d : {150.0, 350.0, 550.0}) {
    INFO("spacing " << d);
    const auto w = walk_spacing_pairs(city.graph, snaps, xy, d, fixed);
    std::vector<std::pair<uint32_t, uint32_t>> want;
    for (uint32_t i = 0; i < xy.size(); ++i)
      for (uint32_t j = i + 1; j < xy.size(); ++j)
        if (!(j < fixed) && std::abs(xy[i].x - xy[j].x) + std::abs(xy[i].y - xy[j].y) < d)
          want.emplace_back(i, j);
    REQUIRE(w.pairs == want);
  }
}

TEST_CASE("the solver never opens two sites closer on foot than the walking spacing") {
  auto city = city_from_lines(grid_lines());
  Problem p;
  std::mt19937 rng(9);
  std::vector<Vec2> dem;
  for (int d = 0; d < 200; ++d) {
    dem.push_back({1000.0 * (rng() % 1000) / 1000, 1000.0 * (rng() % 1000) / 1000});
    p.demand_weight.push_back(1 + rng() % 5);
  }
  std::vector<Vec2> xy;
  for (int s = 0; s < 30; ++s) {
    Site site;
    site.pos = {100.0 * (rng() % 11), 100.0 * (rng() % 11)};
    site.fixed = s < 2;
    for (uint32_t d = 0; d < dem.size(); ++d)
      if (distance(dem[d], site.pos) <= 250) site.covers.push_back(d);
    xy.push_back(site.pos);
    p.sites.push_back(site);
  }
  p.options.k = 6;
  p.options.spacing_walk_m = 301;
  p.options.conflicts = walk_spacing_pairs(city.graph, snaps_of(city, xy), xy, 301, 2).pairs;
  REQUIRE_FALSE(p.options.conflicts.empty());
  const SitingResult r = solve_siting(p);
  std::vector<uint32_t> open{0, 1};
  for (const auto& s : r.sites) open.push_back(s.site);
  for (size_t a = 0; a < open.size(); ++a)
    for (size_t b = a + 1; b < open.size(); ++b) {
      if (open[a] < 2 && open[b] < 2) continue;
      const Vec2 u = xy[open[a]], v = xy[open[b]];
      REQUIRE(std::abs(u.x - v.x) + std::abs(u.y - v.y) >= 301);  // Manhattan = walk here
    }
}
