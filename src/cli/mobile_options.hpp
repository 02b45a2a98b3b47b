#pragma once
// `--mobile-schedule FILE` (and its CRS option) of `coverage`, `export` and `suggest`: mobile
// stations' stops read from a planner's table and put in the place of their stations, each
// counted only while the van stands there.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/export/layer.hpp"
#include "engine/inputs/mobile_stops.hpp"
#include "engine/network/city_network.hpp"

namespace yz::cli {

struct MobileOptions {
  std::string schedule, crs, layer;
  void add(CLI::App& app);
  bool given() const { return !schedule.empty(); }

  // Reads the schedule (CRS: --mobile-schedule-crs, else `stations_crs`, the stations' option
  // value) and replaces each scheduled station by its stops. Throws InputError for an unusable
  // file or a stop of a station not in `stations`.
  struct Applied {
    MobileSchedule schedule;
    MobileSites sites;
    std::vector<std::string> lines() const;  // notes and every problem row, for people
    nlohmann::json json() const;
    std::vector<Layer> layers() const;  // mobile_stops, mobile_routes
  };
  std::optional<Applied> apply(const CityNetwork& city, const PointSet& stations,
                               const std::string& stations_crs) const;
};

}  // namespace yz::cli
