#pragma once
// The district options every reporting command shares: --districts FILE (a planner's polygon
// layer) or --districts map / --district-level N (the map's OpenStreetMap administrative
// boundaries), with the layer's name column, CRS and layer, and the station list's own district
// column to check against the polygons.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "engine/coverage/district_summary.hpp"
#include "engine/inputs/district_column.hpp"
#include "engine/inputs/districts.hpp"
#include "engine/network/city_network.hpp"

namespace yz::cli {

struct DistrictInput {
  std::string path, crs, layer, name_field, station_column;
  int level = kDefaultDistrictLevel;
  bool level_given = false;

  void add(CLI::App& app);
  bool given() const { return !path.empty() || level_given; }
  bool from_map() const { return path == "map" || (path.empty() && level_given); }
  // Reads the districts (nothing when not asked for); `map_path` is the --map file.
  std::optional<Districts> read(const CityNetwork& city, const std::string& map_path) const;
};

// Checks the stations' district column; mismatches are added to `notes` (and printed by the
// caller). Returns the JSON for `district_check`.
nlohmann::json check_station_districts(const DistrictInput& in, const PointSet& stations,
                                       const Districts& d, std::vector<std::string>& notes);

}  // namespace yz::cli
