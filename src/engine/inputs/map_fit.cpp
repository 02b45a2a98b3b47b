#include "engine/inputs/map_fit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace yz {

namespace {
double great_circle_km(Vec2 a, Vec2 b) {
  constexpr double kRad = 3.14159265358979323846 / 180, kEarthKm = 6371.0088;
  const double dlat = (b.y - a.y) * kRad, dlon = (b.x - a.x) * kRad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(a.y * kRad) * std::cos(b.y * kRad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kEarthKm * std::asin(std::sqrt(std::min(1.0, h)));
}

// "3 stations", "1 station".
std::string count_of(size_t n, const std::string& plural) {
  return std::to_string(n) + " " +
         (n == 1 && plural.back() == 's' ? plural.substr(0, plural.size() - 1) : plural);
}

std::string km(double v) {
  return std::to_string(static_cast<long long>(std::llround(v)));
}
}  // namespace

LayerFit fit_on_map(std::string what, const std::vector<Vec2>& lonlat, const LocalProjection& proj,
                    const Box& map_bounds, double margin_m) {
  LayerFit f;
  f.what = std::move(what);
  f.points = lonlat.size();
  const Vec2 centre = proj.to_lonlat(map_bounds.centre());
  f.nearest_km = std::numeric_limits<double>::infinity();
  for (const Vec2& ll : lonlat) {
    if (!std::isfinite(ll.x) || !std::isfinite(ll.y)) continue;
    const Vec2 xy = proj.to_metric(ll);
    f.inside += std::isfinite(xy.x) && std::isfinite(xy.y) && map_bounds.contains(xy, margin_m);
    f.nearest_km = std::min(f.nearest_km, great_circle_km(centre, ll));
  }
  return f;
}

bool MapFit::none_inside() const {
  size_t points = 0, inside = 0;
  for (const auto& l : layers) points += l.points, inside += l.inside;
  return points > 0 && inside == 0;
}

std::string MapFit::none_inside_text() const {
  std::string what;
  double nearest = std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < layers.size(); ++i) {
    if (i) what += i + 1 == layers.size() ? " and " : ", ";
    what += count_of(layers[i].points, layers[i].what);
    nearest = std::min(nearest, layers[i].nearest_km);
  }
  std::string s = "none of its " + what + " lies on the map";
  if (std::isfinite(nearest)) s += " (the nearest is " + km(nearest) + " km from the map's centre)";
  return s;
}

std::vector<std::string> MapFit::notes(const std::string& map_label) const {
  std::vector<std::string> out;
  for (const auto& l : layers) {
    if (l.points == 0 || 2 * l.inside >= l.points) continue;
    out.push_back(std::to_string(l.points - l.inside) + " of " + count_of(l.points, l.what) +
                  " lie outside the map " + map_label +
                  (std::isfinite(l.nearest_km)
                       ? " (the nearest is " + km(l.nearest_km) + " km from its centre)"
                       : "") +
                  ": is this the right map?");
  }
  return out;
}

}  // namespace yz
