#include "engine/inputs/map_fit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include "engine/util/coded_error.hpp"
#include "engine/util/msg_codes.hpp"

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
Message count_of(size_t n, const std::string& plural) {
  static constexpr std::tuple<const char*, Msg, Msg> kKinds[] = {
      {"stations", Msg::count_station, Msg::count_stations},
      {"candidate sites", Msg::count_candidate_site, Msg::count_candidate_sites},
      {"worker points", Msg::count_worker_point, Msg::count_worker_points}};
  for (const auto& [w, one, many] : kKinds)
    if (plural == w) return Message(n == 1 ? one : many, {{"count", n}});
  return Message::raw(std::to_string(n) + " " + plural);
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

Message MapFit::none_inside_message(const Message& map_label) const {
  std::vector<Message> counts;
  double nearest = std::numeric_limits<double>::infinity();
  for (const auto& l : layers) {
    counts.push_back(count_of(l.points, l.what));
    nearest = std::min(nearest, l.nearest_km);
  }
  Message what = counts.size() == 1 ? counts[0]
                 : counts.size() == 2
                     ? Message(Msg::list_two, {MsgArg("a", counts[0]), MsgArg("b", counts[1])})
                     : Message(Msg::list_and,
                               {MsgArg("a", std::vector<Message>(counts.begin(), counts.end() - 1)),
                                MsgArg("b", counts.back())});
  if (!std::isfinite(nearest))
    return Message(Msg::session_map_replaced, {MsgArg("what", what), MsgArg("map", map_label)});
  return Message(Msg::session_map_replaced_km,
                 {MsgArg("what", what), {"km", km(nearest)}, MsgArg("map", map_label)});
}

std::vector<Message> MapFit::notes(const Message& map_label) const {
  std::vector<Message> out;
  for (const auto& l : layers) {
    if (l.points == 0 || 2 * l.inside >= l.points) continue;
    std::vector<MsgArg> args{{"outside", l.points - l.inside},
                             MsgArg("what", count_of(l.points, l.what)),
                             MsgArg("map", map_label)};
    if (std::isfinite(l.nearest_km)) args.emplace_back("km", km(l.nearest_km));
    out.push_back(Message(std::isfinite(l.nearest_km) ? Msg::layer_off_map_km : Msg::layer_off_map,
                          std::move(args)));
  }
  return out;
}

}  // namespace yz
