#include "engine/export/coverage_gaps.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "engine/export/coverage_layers.hpp"
#include "engine/geo/geos_ops.hpp"

namespace yz {

Layer coverage_gap_layer(const CoverageStudy& st, double link_m) {
  const auto& proj = st.city->projection();
  std::vector<uint32_t> ids;
  for (uint32_t d = 0; d < st.demand.size(); ++d)
    if (st.state.count(Criterion::walk, d) == 0 && st.demand.weight[d] > 0) ids.push_back(d);
  std::vector<uint32_t> parent(ids.size());
  for (uint32_t i = 0; i < parent.size(); ++i) parent[i] = i;
  auto find = [&](uint32_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  auto cell = [&](Vec2 p) {
    return std::pair<int64_t, int64_t>{static_cast<int64_t>(std::floor(p.x / link_m)),
                                       static_cast<int64_t>(std::floor(p.y / link_m))};
  };
  auto key = [](int64_t cx, int64_t cy) { return (cx << 32) ^ (cy & 0xffffffff); };
  std::unordered_map<int64_t, std::vector<uint32_t>> grid;
  for (uint32_t i = 0; i < ids.size(); ++i) {
    const auto [cx, cy] = cell(st.demand.xy[ids[i]]);
    grid[key(cx, cy)].push_back(i);
  }
  for (uint32_t i = 0; i < ids.size(); ++i) {
    const Vec2 p = st.demand.xy[ids[i]];
    const auto [cx, cy] = cell(p);
    for (int64_t dx = -1; dx <= 1; ++dx)
      for (int64_t dy = -1; dy <= 1; ++dy) {
        const auto it = grid.find(key(cx + dx, cy + dy));
        if (it == grid.end()) continue;
        for (uint32_t j : it->second)
          if (j > i && distance(p, st.demand.xy[ids[j]]) <= link_m) parent[find(i)] = find(j);
      }
  }
  // Clusters in order of their first point (deterministic), reported biggest first.
  std::vector<std::vector<uint32_t>> clusters;
  std::unordered_map<uint32_t, size_t> index;
  for (uint32_t i = 0; i < ids.size(); ++i) {
    const auto [it, fresh] = index.emplace(find(i), clusters.size());
    if (fresh) clusters.emplace_back();
    clusters[it->second].push_back(ids[i]);
  }
  std::vector<double> workers(clusters.size(), 0);
  for (size_t c = 0; c < clusters.size(); ++c)
    for (uint32_t d : clusters[c]) workers[c] += st.demand.weight[d];
  std::vector<size_t> order(clusters.size());
  for (size_t c = 0; c < order.size(); ++c) order[c] = c;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return workers[a] > workers[b]; });
  std::vector<MultiPolygon> shapes(clusters.size());
  tbb::parallel_for(size_t{0}, clusters.size(), [&](size_t c) {
    std::vector<Vec2> pts;
    for (uint32_t d : clusters[c]) pts.push_back(st.demand.xy[d]);
    shapes[c] = buffer_points(pts, link_m / 2, 3);
  });
  Layer l{"coverage_gaps",
          GeomKind::polygon,
          {{"gap_id", FieldType::integer},
           {"workers", FieldType::real},
           {"points", FieldType::integer},
           {"area_km2", FieldType::real},
           {"nearest_station", FieldType::text},
           {"nearest_m", FieldType::real}},
          {}};
  int64_t gid = 1;
  for (size_t c : order) {
    Vec2 centre{0, 0};
    for (uint32_t d : clusters[c]) centre = centre + st.demand.xy[d] * (1.0 / clusters[c].size());
    double best = INFINITY;
    std::string near;
    for (uint32_t i = 0; i < st.sites.size(); ++i)
      if (const double dd = distance(centre, st.sites.xy[i]); dd < best)
        best = dd, near = st.sites.id[i];
    l.features.push_back(
        {to_lonlat(proj, shapes[c]),
         {gid++, workers[c], static_cast<int64_t>(clusters[c].size()),
          multipolygon_area(shapes[c]) / 1e6, near, std::isfinite(best) ? best : 0.0}});
  }
  return l;
}

}  // namespace yz
