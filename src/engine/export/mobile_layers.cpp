#include "engine/export/mobile_layers.hpp"

namespace yz {

std::vector<Layer> mobile_layers(const MobileSchedule& schedule, int at_day, int at_quarter) {
  Layer stops, routes;
  stops.name = "mobile_stops";
  stops.kind = GeomKind::point;
  stops.fields = {{"station", FieldType::text},      {"stop_order", FieldType::integer},
                  {"days", FieldType::text},         {"hours", FieldType::text},
                  {"schedule", FieldType::text},     {"weekly_h", FieldType::real},
                  {"source_row", FieldType::integer}};
  const bool at = at_day >= 0 && at_quarter >= 0;
  if (at) stops.fields.push_back({"current", FieldType::integer});
  routes.name = "mobile_routes";
  routes.kind = GeomKind::line;
  routes.fields = {
      {"station", FieldType::text}, {"stops", FieldType::integer}, {"round", FieldType::text}};
  for (const std::string& id : schedule.stations()) {
    std::vector<Vec2> line;
    std::string round;
    for (const MobileStop& s : schedule.stops) {
      if (s.station != id) continue;
      Feature f{s.lonlat,
                {s.station, int64_t{s.order}, s.days_text, s.hours_text, s.when.describe(),
                 s.when.open_quarters() / 4.0, static_cast<int64_t>(s.row + 1)}};
      if (at) f.values.push_back(int64_t{s.when.open(at_day, at_quarter) ? 1 : 0});
      stops.features.push_back(std::move(f));
      line.push_back(s.lonlat);
      round += (round.empty() ? "" : " → ") + std::to_string(s.order) + " " + s.when.describe();
    }
    if (line.size() >= 2)
      routes.features.push_back({line, {id, static_cast<int64_t>(line.size()), round}});
  }
  return {std::move(stops), std::move(routes)};
}

}  // namespace yz
