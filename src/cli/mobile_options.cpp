#include "cli/mobile_options.hpp"

#include "engine/export/mobile_layers.hpp"

namespace yz::cli {

void MobileOptions::add(CLI::App& app) {
  app.add_option("--mobile-schedule", schedule,
                 "Mobile stations' stops (CSV/XLSX/GeoPackage: station_id/站点编号/车辆, lon/lat "
                 "or 经度/纬度, days/日期, from/开始 + to/结束 or hours/时段): each stop counts "
                 "only while the van stands there");
  app.add_option("--mobile-schedule-crs", crs,
                 "CRS of --mobile-schedule's coordinates (default: the stations' CRS option; "
                 "gcj02/bd09 for web-map coordinates)");
  app.add_option("--mobile-schedule-layer", layer,
                 "Layer of --mobile-schedule to read (mobile_stops for a plan written by "
                 "suggest --mobile; default: the first layer with points)");
}

std::optional<MobileOptions::Applied> MobileOptions::apply(const CityNetwork& city,
                                                           const PointSet& stations,
                                                           const std::string& stations_crs) const {
  if (!given()) return std::nullopt;
  PointReadOptions opt;
  opt.crs = crs.empty() ? stations_crs : crs;
  opt.layer = layer;
  opt.crs_option = crs.empty() ? "the stations' CRS option" : "--mobile-schedule-crs";
  Applied a;
  a.schedule = read_mobile_schedule(schedule, city.projection(), city.extent(), opt);
  a.sites = place_mobile_stops(stations, a.schedule);
  return a;
}

std::vector<std::string> MobileOptions::Applied::lines() const {
  std::vector<std::string> l = schedule.notes;
  l.insert(l.end(), sites.notes.begin(), sites.notes.end());
  for (const auto& p : schedule.problems) l.push_back("mobile schedule row not used, " + p);
  return l;
}

nlohmann::json MobileOptions::Applied::json() const {
  nlohmann::json stops = nlohmann::json::array();
  for (const auto& s : schedule.stops)
    stops.push_back({{"station", s.station},
                     {"order", s.order},
                     {"lon", s.lonlat.x},
                     {"lat", s.lonlat.y},
                     {"days", s.days_text},
                     {"hours", s.hours_text},
                     {"read_as", s.when.describe()},
                     {"row", s.row + 1}});
  return {{"source", schedule.source},
          {"mobile_stations", sites.mobile_stations},
          {"stops", stops},
          {"rows_not_used", schedule.problems},
          {"notes", lines()}};
}

std::vector<Layer> MobileOptions::Applied::layers() const {
  return mobile_layers(schedule);
}

}  // namespace yz::cli
