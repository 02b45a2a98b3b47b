#include "engine/session/plan_station.hpp"

#include <cmath>

namespace yz {
namespace {

// Site info for row i: the reader's parse when it made one, else the pass-through columns read
// with the same rules (generated layers such as the demo city carry plain columns).
SiteInfo info_of(const PointSet& pts, size_t i, const SiteColumns& cols) {
  if (i < pts.info.size()) return pts.info[i];
  SiteInfo info;
  if (!cols.any() || i >= pts.attr_values.size()) return info;
  std::vector<std::string> unrecognised;
  SiteInfo parsed;
  // A row the reader would drop (non-numeric cost, ...) keeps what could be read: the app edits
  // stations, it does not refuse them.
  if (read_site_info(cols, pts.attr_values[i], parsed, unrecognised).empty()) return parsed;
  return info;
}

PlanStation row(const PointSet& pts, size_t i, const SiteColumns& cols, const char* origin) {
  PlanStation s;
  s.id = i < pts.id.size() ? pts.id[i] : std::string();
  s.name = i < pts.name.size() ? pts.name[i] : std::string();
  s.xy = pts.xy[i];
  s.info = info_of(pts, i, cols);
  s.origin = origin;
  if (i < pts.attr_values.size())
    for (size_t c = 0; c < pts.attr_names.size(); ++c)
      s.extra.emplace_back(pts.attr_names[c], pts.attr_values[i][c]);
  return s;
}

bool same_number(double a, double b) {
  return a == b || (std::isnan(a) && std::isnan(b));
}

}  // namespace

bool PlanStation::operator==(const PlanStation& o) const {
  const SiteInfo &a = info, &b = o.info;
  return id == o.id && name == o.name && xy.x == o.xy.x && xy.y == o.xy.y &&
         a.host_type == b.host_type && a.size_class == b.size_class && a.status == b.status &&
         a.opening_hours == b.opening_hours && a.amenities == b.amenities &&
         same_number(a.capacity, b.capacity) && same_number(a.cost, b.cost) &&
         a.category == b.category && a.origin == b.origin && origin == o.origin &&
         suggested_rank == o.suggested_rank && extra == o.extra;
}

std::vector<PlanStation> stations_from_points(const PointSet& pts, const char* origin) {
  const SiteColumns cols = SiteColumns::find(pts.attr_names);
  std::vector<PlanStation> out;
  out.reserve(pts.size());
  for (size_t i = 0; i < pts.size(); ++i) out.push_back(row(pts, i, cols, origin));
  return out;
}

PlanStation station_from_candidate(const PointSet& candidates, size_t i, const char* origin) {
  return row(candidates, i, SiteColumns::find(candidates.attr_names), origin);
}

void fill_site_info(PointSet& pts) {
  if (pts.info.size() == pts.size()) return;
  const SiteColumns cols = SiteColumns::find(pts.attr_names);
  std::vector<SiteInfo> info(pts.size());
  for (size_t i = 0; i < pts.size(); ++i) info[i] = info_of(pts, i, cols);
  pts.info = std::move(info);
}

PointSet points_from_stations(const std::vector<PlanStation>& stations, const LocalProjection& proj,
                              const std::string& source) {
  PointSet pts;
  pts.source = source;
  // Union of the extra columns, in first-seen order, then `station_origin`.
  for (const auto& s : stations)
    for (const auto& [k, v] : s.extra) {
      bool seen = false;
      for (const auto& n : pts.attr_names) seen = seen || n == k;
      if (!seen) pts.attr_names.push_back(k);
    }
  pts.attr_names.push_back("station_origin");
  for (const auto& s : stations) {
    pts.add(proj.to_lonlat(s.xy), s.xy, 1, s.id, s.name);
    auto& vals = pts.attr_values.back();
    for (const auto& [k, v] : s.extra)
      for (size_t c = 0; c < pts.attr_names.size(); ++c)
        if (pts.attr_names[c] == k) vals[c] = v;
    vals.back() = s.origin;
    pts.info.push_back(s.info);
  }
  return pts;
}

}  // namespace yz
