#include "bench/synthetic_instance.hpp"

#include <algorithm>
#include <cmath>
#include <random>

namespace yz::siting {

Problem synthetic_instance(const SyntheticSpec& spec) {
  // std::mt19937 and integer arithmetic only: distributions' outputs differ between standard
  // libraries, so values are drawn by hand to stay reproducible.
  std::mt19937 rng(spec.seed);
  auto uni = [&rng] { return (rng() >> 5) * (1.0 / 134217728.0); };  // [0,1)
  auto normal = [&] {
    double u = std::max(uni(), 1e-12), v = uni();
    return std::sqrt(-2 * std::log(u)) * std::cos(6.283185307179586 * v);
  };
  const double L = spec.side_m;
  std::vector<Vec2> centre(spec.clusters);
  std::vector<double> spread(spec.clusters);
  for (uint32_t c = 0; c < spec.clusters; ++c) {
    centre[c] = {L * (0.1 + 0.8 * uni()), L * (0.1 + 0.8 * uni())};
    spread[c] = 500 + 2500 * uni();
  }
  auto point = [&] {
    if (spec.clusters == 0 || uni() < 0.3) return Vec2{L * uni(), L * uni()};
    const uint32_t c = static_cast<uint32_t>(uni() * spec.clusters);
    Vec2 p{centre[c].x + spread[c] * normal(), centre[c].y + spread[c] * normal()};
    return Vec2{std::clamp(p.x, 0.0, L), std::clamp(p.y, 0.0, L)};
  };
  Problem p;
  std::vector<Vec2> dem(spec.demand);
  p.demand_weight.resize(spec.demand);
  for (uint32_t d = 0; d < spec.demand; ++d) {
    dem[d] = point();
    p.demand_weight[d] = 1 + static_cast<int>(uni() * 20);
  }
  // Grid of demand for the radius query.
  const double cell = spec.radius_m;
  const int64_t n = static_cast<int64_t>(std::ceil(L / cell)) + 1;
  std::vector<std::vector<uint32_t>> grid(static_cast<size_t>(n * n));
  auto cell_of = [&](double v) {
    return std::clamp<int64_t>(static_cast<int64_t>(v / cell), 0, n - 1);
  };
  for (uint32_t d = 0; d < spec.demand; ++d)
    grid[cell_of(dem[d].x) * n + cell_of(dem[d].y)].push_back(d);
  const uint32_t sites = spec.existing + spec.candidates;
  p.sites.resize(sites);
  for (uint32_t s = 0; s < sites; ++s) {
    Site& site = p.sites[s];
    site.pos = point();
    site.fixed = s < spec.existing;
    site.cost = uni() < 0.7 ? 1 + static_cast<int>(uni() * 3) : 8 + static_cast<int>(uni() * 5);
    const int64_t cx = cell_of(site.pos.x), cy = cell_of(site.pos.y);
    for (int64_t x = std::max<int64_t>(0, cx - 1); x <= std::min(n - 1, cx + 1); ++x)
      for (int64_t y = std::max<int64_t>(0, cy - 1); y <= std::min(n - 1, cy + 1); ++y)
        for (uint32_t d : grid[x * n + y])
          if (distance(dem[d], site.pos) <= spec.radius_m) site.covers.push_back(d);
    std::sort(site.covers.begin(), site.covers.end());
  }
  return p;
}

}  // namespace yz::siting
