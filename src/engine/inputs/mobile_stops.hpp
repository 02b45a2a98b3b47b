#pragma once
// Mobile stations as sites: each station with a schedule is replaced by one site per stop, open
// only while the van stands there (its SiteInfo::opening_hours is the stop's window in OSM form,
// so every hours-aware computation reads it as it reads a host's hours). Coverage by hour then
// counts a mobile station from the stop it is at (none between stops); the all-day figures count
// a worker covered when any stop covers them.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/inputs/mobile_schedule.hpp"
#include "engine/inputs/point_set.hpp"

namespace yz {

// Marked mobile in the stations file: host type or size class "mobile" (类型 流动/移动/车载), or a
// true `mobile` / 流动 column.
bool is_mobile_station(const PointSet& stations, size_t i);

struct MobileSites {
  PointSet sites;  // the stations, each scheduled mobile one replaced (in place) by its stops
  // Per site: index into the schedule's stops, -1 for a station that stays as it is.
  std::vector<int32_t> stop;
  std::vector<std::string> notes;  // mobile stations without a schedule (kept fixed), ...
  uint32_t mobile_stations = 0, stops = 0;
};

// Throws InputError naming the schedule's row when a stop's station is not in `stations`.
// Pass-through columns mobile_station, stop_order and stop_hours are added (blank on fixed ones).
MobileSites place_mobile_stops(const PointSet& stations, const MobileSchedule& schedule);

}  // namespace yz
