#include "engine/siting/walk_spacing.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "engine/network/walk_search.hpp"

namespace yz::siting {

WalkSpacing walk_spacing_pairs(const WalkGraph& g, const std::vector<Snap>& snaps,
                               const std::vector<Vec2>& xy, double spacing_m, uint32_t fixed_count,
                               const Progress& progress) {
  WalkSpacing out;
  const uint32_t n = static_cast<uint32_t>(xy.size());
  for (const Snap& s : snaps) out.off_network += s.usable() ? 0 : 1;
  if (!(spacing_m > 0) || n < 2) return out;
  // Grid of cell spacing_m: the straight-line neighbours of a site are in the 3 x 3 cells around.
  auto key = [&](int64_t cx, int64_t cy) { return (cx << 32) ^ (cy & 0xffffffff); };
  auto cell = [&](double v) { return static_cast<int64_t>(std::floor(v / spacing_m)); };
  std::unordered_map<int64_t, std::vector<uint32_t>> grid;
  for (uint32_t i = 0; i < n; ++i) grid[key(cell(xy[i].x), cell(xy[i].y))].push_back(i);
  std::vector<std::vector<uint32_t>> near(n);  // per site i: partners j > i (sorted)
  tbb::enumerable_thread_specific<WalkSearch> searches([&] { return WalkSearch(g); });
  tbb::parallel_for(tbb::blocked_range<uint32_t>(0, n, 32), [&](const auto& range) {
    if (progress.cancelled()) return;
    WalkSearch& ws = searches.local();
    for (uint32_t i = range.begin(); i != range.end(); ++i) {
      if (!snaps[i].usable()) continue;
      std::vector<uint32_t> cand;
      const int64_t cx = cell(xy[i].x), cy = cell(xy[i].y);
      for (int64_t x = cx - 1; x <= cx + 1; ++x)
        for (int64_t y = cy - 1; y <= cy + 1; ++y) {
          auto it = grid.find(key(x, y));
          if (it == grid.end()) continue;
          for (uint32_t j : it->second)
            if (j > i && !(i < fixed_count && j < fixed_count) && snaps[j].usable() &&
                distance(xy[i], xy[j]) < spacing_m)
              cand.push_back(j);
        }
      if (cand.empty()) continue;
      ws.run(snaps[i], static_cast<float>(spacing_m));
      for (uint32_t j : cand)
        if (ws.distance_to(snaps[j]) < spacing_m) near[i].push_back(j);
      std::sort(near[i].begin(), near[i].end());
    }
  });
  progress.throw_if_cancelled();
  for (uint32_t i = 0; i < n; ++i)
    for (uint32_t j : near[i]) out.pairs.emplace_back(i, j);
  return out;
}

}  // namespace yz::siting
