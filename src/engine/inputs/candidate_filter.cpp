#include "engine/inputs/candidate_filter.hpp"

#include <cmath>
#include <unordered_map>

namespace yz {

namespace {

// Points bucketed in square cells of `cell` metres: neighbours within `cell` are in the 3x3 block.
class PointGrid {
 public:
  explicit PointGrid(double cell) : cell_(std::max(cell, 1.0)) {}
  void add(Vec2 p, uint32_t i) { cells_[key(p, 0, 0)].push_back({p, i}); }
  template <class F>
  void near(Vec2 p, F&& f) const {
    for (int dx = -1; dx <= 1; ++dx)
      for (int dy = -1; dy <= 1; ++dy) {
        auto it = cells_.find(key(p, dx, dy));
        if (it == cells_.end()) continue;
        for (const auto& [q, i] : it->second) f(q, i);
      }
  }

 private:
  uint64_t key(Vec2 p, int dx, int dy) const {
    const auto cx = static_cast<int64_t>(std::floor(p.x / cell_)) + dx;
    const auto cy = static_cast<int64_t>(std::floor(p.y / cell_)) + dy;
    return (static_cast<uint64_t>(cx) << 32) ^ static_cast<uint64_t>(cy & 0xffffffff);
  }
  double cell_;
  std::unordered_map<uint64_t, std::vector<std::pair<Vec2, uint32_t>>> cells_;
};

std::string metres(double m) {
  return std::to_string(static_cast<long>(std::lround(m))) + " m";
}

}  // namespace

FilteredCandidates filter_candidates(const PointSet& all, const CityNetwork& city,
                                     const PointSet* stations, const ExclusionAreas* exclusions,
                                     const CandidateFilterOptions& opt, DropReport& rep) {
  rep = DropReport{};
  rep.source = "candidates";
  rep.what = "candidates";
  FilteredCandidates out;
  out.sites.source = all.source;
  out.sites.attr_names = all.attr_names;
  out.sites.source_crs = all.source_crs;
  PointGrid station_grid(opt.min_station_m);
  if (stations && opt.min_station_m > 0)
    for (size_t s = 0; s < stations->size(); ++s)
      station_grid.add(stations->xy[s], static_cast<uint32_t>(s));
  PointGrid kept(std::max(opt.merge_m, opt.same_name_m));
  const std::vector<Snap> snaps = city.snapper->snap_all(all.xy, opt.snap);
  for (size_t i = 0; i < all.size(); ++i) {
    ++rep.read;
    const Vec2 p = all.xy[i];
    const std::string& id = all.id[i];
    const Snap& s = snaps[i];
    if (!s.usable() || s.status == SnapStatus::island) {
      rep.drop(i, id, all.lonlat[i], "could not snap",
               s.status == SnapStatus::island
                   ? "only a tiny disconnected street piece is near"
                   : "no walkable street within " + metres(opt.snap.max_snap_m));
      continue;
    }
    if (exclusions) {
      if (const int a = exclusions->containing(p); a >= 0) {
        rep.drop(i, id, all.lonlat[i], "inside an excluded area", "area " + exclusions->id[a]);
        continue;
      }
    }
    if (stations && opt.min_station_m > 0) {
      double best = INFINITY;
      uint32_t which = 0;
      station_grid.near(p, [&](Vec2 q, uint32_t k) {
        if (distance(p, q) < best) best = distance(p, q), which = k;
      });
      if (best < opt.min_station_m) {
        rep.drop(i, id, all.lonlat[i], "too close to an existing station",
                 metres(best) + " from " + stations->id[which]);
        continue;
      }
    }
    const std::string& cat = all.info.empty() ? std::string() : all.info[i].category;
    std::string dup;
    kept.near(p, [&](Vec2 q, uint32_t k) {
      if (!dup.empty()) return;
      const double d = distance(p, q);
      const bool same_name = !all.name[i].empty() && all.name[i] == out.sites.name[k] &&
                             (out.sites.info.empty() || out.sites.info[k].category == cat);
      if (d <= opt.merge_m || (same_name && d <= opt.same_name_m))
        dup = "same host as " + out.sites.id[k] + " (" + metres(d) + " away)";
    });
    if (!dup.empty()) {
      rep.drop(i, id, all.lonlat[i], "duplicate", dup);
      continue;
    }
    const uint32_t k = static_cast<uint32_t>(out.sites.size());
    out.sites.add(all.lonlat[i], p, all.weight[i], id, all.name[i]);
    if (!all.attr_names.empty()) out.sites.attr_values.back() = all.attr_values[i];
    if (!all.info.empty()) out.sites.info.push_back(all.info[i]);
    out.snaps.push_back(s);
    kept.add(p, k);
  }
  rep.kept = out.sites.size();
  return out;
}

}  // namespace yz
