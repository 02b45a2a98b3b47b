#include "engine/inputs/mobile_stops.hpp"

#include <fmt/format.h>

#include <map>

#include "engine/inputs/site_hours.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

bool is_mobile_station(const PointSet& stations, size_t i) {
  if (i < stations.info.size() &&
      (stations.info[i].host_type == "mobile" || stations.info[i].size_class == "mobile"))
    return true;
  for (const char* c : {"mobile", "流动", "流动驿站"})
    if (const auto f = parse_flag(stations.attr(i, c)); f && *f) return true;
  return false;
}

MobileSites place_mobile_stops(const PointSet& stations, const MobileSchedule& schedule) {
  std::map<std::string, std::vector<size_t>> by_station;  // station id -> stop indices
  for (size_t k = 0; k < schedule.stops.size(); ++k)
    by_station[schedule.stops[k].station].push_back(k);
  std::map<std::string, size_t> station_index;
  for (size_t i = 0; i < stations.size(); ++i) station_index.emplace(stations.id[i], i);
  for (const auto& s : schedule.stops)
    if (!station_index.count(s.station))
      throw CodedError(schedule.source, Msg::mobile_station_unknown,
                       {{"row", s.row + 1}, {"value", s.station}, {"file", stations.source}});

  MobileSites ms;
  PointSet& out = ms.sites;
  out.source = stations.source;
  out.source_crs = stations.source_crs;
  out.attr_names = stations.attr_names;
  for (const char* c : {"mobile_station", "stop_order", "stop_hours"}) out.attr_names.push_back(c);
  const size_t A = stations.attr_names.size();
  const bool info = stations.info.size() == stations.size();  // read with site attributes
  std::vector<std::string> unscheduled;
  for (size_t i = 0; i < stations.size(); ++i) {
    auto base_attrs = [&] {
      std::vector<std::string> v =
          i < stations.attr_values.size() ? stations.attr_values[i] : std::vector<std::string>(A);
      v.resize(A + 3);
      return v;
    };
    auto it = by_station.find(stations.id[i]);
    if (it == by_station.end()) {
      if (is_mobile_station(stations, i)) unscheduled.push_back(stations.id[i]);
      out.add(stations.lonlat[i], stations.xy[i], stations.weight[i], stations.id[i],
              stations.name[i]);
      out.set_row(stations.source_row(i));
      out.attr_values.back() = base_attrs();
      if (info) {
        out.info.push_back(stations.info[i]);
      } else {  // every site gets SiteInfo so that the stops' hours are read from it
        out.info.emplace_back();
        out.info.back().opening_hours = site_hours_text(stations, i);
      }
      ms.stop.push_back(-1);
      continue;
    }
    ++ms.mobile_stations;
    for (size_t k : it->second) {
      const MobileStop& s = schedule.stops[k];
      const std::string hours = s.when.describe();
      out.add(s.lonlat, s.xy, stations.weight[i], fmt::format("{}#{}", s.station, s.order),
              stations.name[i].empty() ? std::string()
                                       : fmt::format("{} ({})", stations.name[i], s.order));
      out.set_row(stations.source_row(i));
      auto v = base_attrs();
      v[A] = s.station, v[A + 1] = std::to_string(s.order), v[A + 2] = hours;
      // The station's own hours columns are the stop's window now (read by site_hours_text).
      for (size_t c = 0; c < A; ++c)
        for (const char* h :
             {"opening_hours", "hours", "open_hours", "开放时间", "营业时间", "服务时间"})
          if (stations.attr_names[c] == h) v[c] = hours;
      out.attr_values.back() = std::move(v);
      SiteInfo si = info ? stations.info[i] : SiteInfo{};
      si.opening_hours = hours;
      if (si.host_type.empty()) si.host_type = "mobile";
      out.info.push_back(std::move(si));
      ms.stop.push_back(static_cast<int32_t>(k));
      ++ms.stops;
    }
  }
  ms.notes.push_back(fmt::format(
      "mobile stations: {} with a schedule ({} stops from {}), each stop counted only while the "
      "van stands there",
      ms.mobile_stations, ms.stops, schedule.source));
  if (!unscheduled.empty()) {
    std::string ids;
    for (size_t k = 0; k < unscheduled.size(); ++k) ids += (k ? ", " : "") + unscheduled[k];
    ms.notes.push_back(fmt::format(
        "{} station(s) marked mobile have no schedule and are treated as fixed at their listed "
        "place: {}",
        unscheduled.size(), ids));
  }
  return ms;
}

}  // namespace yz
