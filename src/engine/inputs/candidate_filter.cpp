#include "engine/inputs/candidate_filter.hpp"
#include "engine/util/msg_codes.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace yz {

void CandidateFilterOptions::validate() const {
  check_param("merge_m", merge_m, kMergeM);
  check_param("same_name_m", same_name_m, kMergeM);
  check_param("min_distance_m", min_station_m, kMinStationM);
  check_param("max_snap_m", snap.max_snap_m, kMaxSnapM);
}

namespace {

// Points bucketed in square cells of `cell` metres: neighbours within `cell` are in the 3x3 block.
class PointGrid {
 public:
  explicit PointGrid(double cell) : cell_(std::max(cell, 1.0)) {}
  void add(Vec2 p, uint32_t i) { cells_[key(p, 0, 0)].push_back({p, i}); }
  void remove(Vec2 p, uint32_t i) {
    auto& v = cells_[key(p, 0, 0)];
    v.erase(std::remove_if(v.begin(), v.end(), [&](const auto& e) { return e.second == i; }),
            v.end());
  }
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

FilteredCandidates filter_candidates(const std::vector<const PointSet*>& sources,
                                     const CityNetwork& city, const PointSet* stations,
                                     const ExclusionAreas* exclusions,
                                     const CandidateFilterOptions& opt,
                                     std::vector<DropReport>& reports) {
  opt.validate();
  // All candidates back to back, remembering where each came from.
  PointSet all;
  std::vector<uint32_t> src_of;
  reports.assign(sources.size(), DropReport{});
  for (size_t k = 0; k < sources.size(); ++k) {
    all.append(*sources[k]);
    src_of.resize(all.size(), static_cast<uint32_t>(k));
    reports[k].source = sources[k]->source.empty() ? "candidates" : sources[k]->source;
    reports[k].what = "candidates (final checks)";
    reports[k].read = sources[k]->size();
  }
  FilteredCandidates out;
  out.sites.source = all.source;
  out.sites.attr_names = all.attr_names;
  out.sites.source_crs = all.source_crs;
  std::vector<uint32_t> kept_from;           // per kept site: the index into `all`
  std::vector<std::vector<std::string>> merged;  // per kept site: ids merged into it
  PointGrid station_grid(opt.min_station_m);
  if (stations && opt.min_station_m > 0)
    for (size_t s = 0; s < stations->size(); ++s)
      station_grid.add(stations->xy[s], static_cast<uint32_t>(s));
  PointGrid kept(std::max(opt.merge_m, opt.same_name_m));
  const std::vector<Snap> snaps = city.snapper->snap_all(all.xy, opt.snap);
  auto category = [&](const PointSet& ps, size_t i) {
    return ps.info.empty() ? std::string() : ps.info[i].category;
  };
  auto drop = [&](size_t i, Msg reason, std::string detail) {
    reports[src_of[i]].drop(all.source_row(i), all.id[i], all.lonlat[i], reason, std::move(detail));
  };
  for (size_t i = 0; i < all.size(); ++i) {
    const Vec2 p = all.xy[i];
    const Snap& s = snaps[i];
    if (!s.usable() || s.status == SnapStatus::island) {
      drop(i, Msg::drop_could_not_snap,
           s.status == SnapStatus::island
               ? "only a tiny disconnected street piece is near"
               : "no walkable street within " + metres(opt.snap.max_snap_m));
      continue;
    }
    if (exclusions) {
      if (const int a = exclusions->containing(p); a >= 0) {
        drop(i, Msg::drop_excluded_area, "area " + exclusions->id[a]);
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
        drop(i, Msg::drop_too_close_station, metres(best) + " from " + stations->id[which]);
        continue;
      }
    }
    // The same host already kept? The nearest qualifying one (ties: the earlier).
    const std::string cat = category(all, i);
    const std::string& name = all.name[i];
    int64_t match = -1;
    double match_d = INFINITY;
    kept.near(p, [&](Vec2 q, uint32_t k) {
      const double d = distance(p, q);
      const std::string& other = out.sites.name[k];
      const bool same_name = !name.empty() && name == other && category(out.sites, k) == cat;
      const bool different_names = !name.empty() && !other.empty() && name != other;
      const bool same_host =
          (d <= opt.merge_m && !different_names) || (same_name && d <= opt.same_name_m);
      if (same_host && (d < match_d || (d == match_d && k < match))) match = k, match_d = d;
    });
    if (match >= 0) {
      const auto k = static_cast<uint32_t>(match);
      const size_t prev = kept_from[k];
      // Within one source the mapping nearer the street stands for the host (the area's
      // street-facing point rather than a node in the building's middle); an earlier source
      // always wins over a later one.
      if (src_of[prev] == src_of[i] && s.access_m < out.snaps[k].access_m) {
        drop(prev, Msg::drop_duplicate,
             "same host as " + all.id[i] + " (" + metres(match_d) +
                 " away, whose point is nearer the street)");
        std::vector<std::string> ids = std::move(merged[k]);
        ids.push_back(all.id[prev]);
        kept.remove(out.sites.xy[k], k);
        out.sites.lonlat[k] = all.lonlat[i], out.sites.xy[k] = p;
        out.sites.weight[k] = all.weight[i], out.sites.id[k] = all.id[i];
        out.sites.name[k] = all.name[i];
        if (!all.attr_names.empty()) out.sites.attr_values[k] = all.attr_values[i];
        if (!all.info.empty()) out.sites.info[k] = all.info[i];
        out.sites.row[k] = all.source_row(i);
        out.snaps[k] = s;
        kept_from[k] = static_cast<uint32_t>(i);
        merged[k] = std::move(ids);
        kept.add(p, k);
      } else {
        drop(i, Msg::drop_duplicate,
             "same host as " + out.sites.id[k] + " (" + metres(match_d) + " away)");
        merged[k].push_back(all.id[i]);
      }
      continue;
    }
    const uint32_t k = static_cast<uint32_t>(out.sites.size());
    out.sites.add(all.lonlat[i], p, all.weight[i], all.id[i], all.name[i]);
    out.sites.set_row(all.source_row(i));
    if (!all.attr_names.empty()) out.sites.attr_values.back() = all.attr_values[i];
    if (!all.info.empty()) out.sites.info.push_back(all.info[i]);
    out.snaps.push_back(s);
    kept_from.push_back(static_cast<uint32_t>(i));
    merged.emplace_back();
    kept.add(p, k);
  }
  // The ids merged into each kept candidate, in a pass-through column (added to one the input
  // may already have, e.g. a layer written by an earlier run).
  auto& names = out.sites.attr_names;
  size_t col = std::find(names.begin(), names.end(), kMergedColumn) - names.begin();
  if (col == names.size()) {
    names.push_back(kMergedColumn);
    for (auto& row : out.sites.attr_values) row.emplace_back();
  }
  out.sites.attr_values.resize(out.sites.size(), std::vector<std::string>(names.size()));
  for (size_t k = 0; k < out.sites.size(); ++k) {
    std::string& v = out.sites.attr_values[k][col];
    for (const auto& id : merged[k]) v += (v.empty() ? "" : ";") + id;
  }
  for (size_t k = 0; k < sources.size(); ++k) reports[k].kept = 0;
  for (uint32_t i : kept_from) ++reports[src_of[i]].kept;
  return out;
}

FilteredCandidates filter_candidates(const PointSet& all, const CityNetwork& city,
                                     const PointSet* stations, const ExclusionAreas* exclusions,
                                     const CandidateFilterOptions& opt, DropReport& report) {
  std::vector<DropReport> reports;
  FilteredCandidates f = filter_candidates({&all}, city, stations, exclusions, opt, reports);
  report = std::move(reports.front());
  return f;
}

}  // namespace yz
