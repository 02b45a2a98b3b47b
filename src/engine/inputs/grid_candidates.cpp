#include "engine/inputs/grid_candidates.hpp"

#include <cmath>
#include <unordered_map>

#include "engine/inputs/street_place_names.hpp"
#include "engine/util/error.hpp"

namespace yz {

PointSet grid_candidates(const CityNetwork& city, double spacing_m, const CandidateCategory& grid,
                         const SnapOptions& snap) {
  check_param("grid_m", spacing_m, kGridSpacingM);
  const WalkGraph& g = city.graph;
  const double min_gap = spacing_m / 2;
  // Hash grid of accepted points, cell = min_gap: a neighbour closer than min_gap is in the 3x3
  // block.
  std::unordered_map<uint64_t, std::vector<Vec2>> cells;
  auto key = [&](int64_t cx, int64_t cy) {
    return (static_cast<uint64_t>(cx) << 32) ^ static_cast<uint64_t>(cy & 0xffffffff);
  };
  auto cell_of = [&](Vec2 p) {
    return std::pair<int64_t, int64_t>{static_cast<int64_t>(std::floor(p.x / min_gap)),
                                       static_cast<int64_t>(std::floor(p.y / min_gap))};
  };
  auto free_spot = [&](Vec2 p) {
    const auto [cx, cy] = cell_of(p);
    for (int64_t dx = -1; dx <= 1; ++dx)
      for (int64_t dy = -1; dy <= 1; ++dy) {
        auto it = cells.find(key(cx + dx, cy + dy));
        if (it == cells.end()) continue;
        for (Vec2 q : it->second)
          if (distance(p, q) < min_gap) return false;
      }
    return true;
  };
  std::vector<Vec2> xy;
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    if (city.snapper->is_island(g.node_component[g.edge_tail[e]], snap)) continue;
    const double len = g.edge_length(e);
    if (!(len > 0)) continue;
    // Offsets spacing/2, 3·spacing/2, ... so a street's points sit spacing apart and away from
    // junctions; a street shorter than the spacing gets its midpoint.
    std::vector<double> offsets;
    if (len < spacing_m)
      offsets.push_back(len / 2);
    else
      for (double o = spacing_m / 2; o < len; o += spacing_m) offsets.push_back(o);
    for (double o : offsets) {
      const Vec2 p = g.point_on_edge(e, o);
      if (!free_spot(p)) continue;
      const auto [cx, cy] = cell_of(p);
      cells[key(cx, cy)].push_back(p);
      xy.push_back(p);
    }
  }
  PointSet ps;
  ps.source = "free candidates every " + std::to_string(static_cast<long>(std::lround(spacing_m))) +
              " m along the walk network";
  std::vector<Vec2> ll = xy;
  city.projection().to_lonlat(ll);
  for (size_t i = 0; i < xy.size(); ++i) {
    ps.add(ll[i], xy[i], 1, "grid-" + std::to_string(i + 1), "");
    SiteInfo info;
    info.category = "grid";
    info.origin = "grid";
    info.host_type = grid.host_type;
    info.cost = grid.cost;
    ps.info.push_back(std::move(info));
  }
  name_by_streets(ps, city.lines);
  return ps;
}

}  // namespace yz
