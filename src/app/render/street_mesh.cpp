#include "app/render/street_mesh.hpp"

#include <algorithm>
#include <cmath>

namespace yz::app {
namespace {

// Level k covers m_per_px from kFrom[k]; simplification error stays under kTolPx there.
constexpr double kFrom[] = {0, 2, 4, 8, 16, 32, 64};
constexpr double kTolPx = 0.6;

// Douglas-Peucker on pts[b..e] (inclusive), marking kept points.
void simplify(const Vec2* p, size_t b, size_t e, double tol2, std::vector<uint8_t>& keep) {
  std::vector<std::pair<size_t, size_t>> stack{{b, e}};
  while (!stack.empty()) {
    auto [i, j] = stack.back();
    stack.pop_back();
    if (j <= i + 1) continue;
    const Vec2 a = p[i], d = p[j] - a;
    const double len2 = dot(d, d);
    double best = -1;
    size_t at = i;
    for (size_t k = i + 1; k < j; ++k) {
      const Vec2 v = p[k] - a;
      double dist2;
      if (len2 <= 0) {
        dist2 = dot(v, v);
      } else {
        const double t = std::clamp(dot(v, d) / len2, 0.0, 1.0);
        const Vec2 q = v - d * t;
        dist2 = dot(q, q);
      }
      if (dist2 > best) best = dist2, at = k;
    }
    if (best > tol2) {
      keep[at] = 1;
      stack.push_back({i, at});
      stack.push_back({at, j});
    }
  }
}

int tile_of(Vec2 mid, const Box& b) {
  const double w = std::max(b.max.x - b.min.x, 1.0), h = std::max(b.max.y - b.min.y, 1.0);
  const int tx =
      std::clamp(static_cast<int>((mid.x - b.min.x) / w * kStreetTiles), 0, kStreetTiles - 1);
  const int ty =
      std::clamp(static_cast<int>((mid.y - b.min.y) / h * kStreetTiles), 0, kStreetTiles - 1);
  return ty * kStreetTiles + tx;
}

// Appends each (pass, tile) bucket's vertices in order, recording the ranges.
void flatten(std::vector<std::vector<MapVertex>>& buckets, MeshBuilder& out,
             std::vector<int>& first, std::vector<int>& count) {
  out.v.clear();
  first.assign(buckets.size(), 0);
  count.assign(buckets.size(), 0);
  size_t total = 0;
  for (const auto& b : buckets) total += b.size();
  out.v.reserve(total);
  for (size_t i = 0; i < buckets.size(); ++i) {
    first[i] = static_cast<int>(out.v.size());
    count[i] = static_cast<int>(buckets[i].size());
    out.v.insert(out.v.end(), buckets[i].begin(), buckets[i].end());
    std::vector<MapVertex>().swap(buckets[i]);
  }
}

}  // namespace

std::vector<StreetLevel> build_street_levels(const RoadLines& lines, Vec2 origin) {
  const Box bounds = lines.bounds();
  constexpr int kBuckets = kStreetPasses * kStreetTiles * kStreetTiles;
  std::vector<StreetLevel> levels;
  std::vector<uint8_t> keep;
  std::vector<Vec2> pts;
  MeshBuilder seg;
  seg.origin = origin;
  for (size_t k = 0; k < std::size(kFrom); ++k) {
    const double m = std::max(kFrom[k], 1.0);
    const double tol = k == 0 ? 0 : kTolPx * m;
    // Thinner lines zoomed out, as printed maps do; footways, then service roads, drop out.
    const float thin = m >= 16 ? 0.5f : m >= 8 ? 0.6f : m >= 4 ? 0.8f : 1.f;
    const float min_width = m >= 16 ? 1.7f : m >= 8 ? 1.3f : 0;
    std::vector<std::vector<MapVertex>> st(kBuckets), cas(kBuckets);
    StreetLevel L;
    L.from_m_per_px = kFrom[k];
    L.tile_box.assign(kStreetTiles * kStreetTiles, Box{});
    for (size_t i = 0; i < lines.size(); ++i) {
      const RoadStyle rs = road_style(lines.road_class[i]);
      if (rs.width_px < min_width) continue;
      const int pass = rs.width_px < 2 ? 0 : rs.width_px < 4 ? 1 : 2;
      const Vec2* p = lines.points.data() + lines.first[i];
      const size_t n = lines.first[i + 1] - lines.first[i];
      if (n < 2) continue;
      pts.clear();
      if (tol > 0) {
        keep.assign(n, 0);
        keep[0] = keep[n - 1] = 1;
        simplify(p, 0, n - 1, tol * tol, keep);
        for (size_t j = 0; j < n; ++j)
          if (keep[j]) pts.push_back(p[j]);
      } else {
        pts.assign(p, p + n);
      }
      const Rgba c = lines.walkable[i] ? rs.color : style::not_walkable;
      const bool white = c.r == 255 && c.g == 255 && c.b == 255;
      const float width = std::max(1.f, rs.width_px * thin);
      for (size_t j = 0; j + 1 < pts.size(); ++j) {
        const Vec2 mid = (pts[j] + pts[j + 1]) * 0.5;
        const int b = pass * kStreetTiles * kStreetTiles + tile_of(mid, bounds);
        Box& tb = L.tile_box[static_cast<size_t>(b % (kStreetTiles * kStreetTiles))];
        tb.add(pts[j] - origin);
        tb.add(pts[j + 1] - origin);
        seg.v.clear();
        seg.line(&pts[j], 2, width, c, white);
        st[static_cast<size_t>(b)].insert(st[static_cast<size_t>(b)].end(), seg.v.begin(),
                                          seg.v.end());
        if (k <= 1 && rs.width_px >= 2) {  // casings are only drawn zoomed in (map_view)
          seg.v.clear();
          seg.line(&pts[j], 2, width + 1.5f, style::casing);
          cas[static_cast<size_t>(b)].insert(cas[static_cast<size_t>(b)].end(), seg.v.begin(),
                                             seg.v.end());
        }
      }
    }
    L.streets.origin = L.casings.origin = origin;
    flatten(st, L.streets, L.street_first, L.street_count);
    flatten(cas, L.casings, L.casing_first, L.casing_count);
    levels.push_back(std::move(L));
  }
  return levels;
}

int street_level_for(const std::vector<StreetLevel>& levels, double m_per_px) {
  int k = 0;
  for (size_t i = 0; i < levels.size(); ++i)
    if (m_per_px >= levels[i].from_m_per_px) k = static_cast<int>(i);
  return k;
}

}  // namespace yz::app
