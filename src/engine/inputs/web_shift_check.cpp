#include "engine/inputs/web_shift_check.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace yz {

namespace {

double quantile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const size_t i = static_cast<size_t>(std::floor(pos));
  const size_t j = std::min(i + 1, v.size() - 1);
  return v[i] + (v[j] - v[i]) * (pos - static_cast<double>(i));
}

const char* source_of(WebDatum d) {
  switch (d) {
    case WebDatum::gcj02:
      return "Amap/Tencent (GCJ-02) coordinates";
    case WebDatum::bd09:
      return "Baidu (BD-09) coordinates";
    case WebDatum::wgs84:
      break;
  }
  return "WGS-84 (GPS) coordinates";
}

std::string metres(double m) {
  return fmt::format("{:.0f}", m);
}

}  // namespace

const ShiftReading* ShiftCheck::reading(WebDatum d) const {
  for (const auto& r : readings)
    if (r.datum == d) return &r;
  return nullptr;
}

ShiftCheck detect_web_shift(const std::vector<Vec2>& lonlat, WebDatum read_as,
                            const CityNetwork& city, const std::string& what,
                            const ShiftCheckOptions& opt) {
  ShiftCheck out;
  out.read_as = read_as;
  // The coordinates as the file gave them.
  std::vector<Vec2> raw;
  for (Vec2 p : lonlat) {
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
    const Vec2 r = from_wgs84(p, read_as);
    if (!outside_china(r)) raw.push_back(r);
  }
  if (raw.size() < opt.min_points || !city.snapper) return out;
  out.points = static_cast<uint32_t>(raw.size());
  SnapOptions snap;
  snap.max_snap_m = opt.cap_m;
  snap.island_max_m = 0;  // any street counts, not only the main network's
  for (WebDatum d : {WebDatum::wgs84, WebDatum::gcj02, WebDatum::bd09}) {
    std::vector<Vec2> xy;
    for (Vec2 r : raw) xy.push_back(city.projection().to_metric(to_wgs84(r, d)));
    std::vector<double> dist;
    for (const Snap& s : city.snapper->snap_all(xy, snap))
      dist.push_back(s.usable() ? std::min<double>(s.access_m, opt.cap_m) : opt.cap_m);
    out.readings.push_back({d, quantile(dist, 0.5), quantile(dist, 0.1), quantile(dist, 0.9)});
  }
  const ShiftReading& used = *out.reading(read_as);
  const ShiftReading* best = &used;
  for (const auto& r : out.readings)
    if (r.median_m < best->median_m) best = &r;
  if (best == &used || best->median_m * opt.ratio > used.median_m ||
      used.median_m - best->median_m < opt.min_gain_m)
    return out;
  out.better = best->datum;
  out.message = fmt::format(
      "{} {} are {}–{} m from a street if read as {} but {}–{} m if read as {} (medians {} and {} "
      "m): these look like {}",
      out.points, what, metres(best->low_m), metres(best->high_m), web_datum_name(best->datum),
      metres(used.low_m), metres(used.high_m), web_datum_name(read_as), metres(best->median_m),
      metres(used.median_m), source_of(best->datum));
  return out;
}

}  // namespace yz
