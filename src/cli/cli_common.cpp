#include "cli/cli_common.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <iostream>

#include "engine/map/map_source.hpp"
#include "engine/util/error.hpp"

namespace yz::cli {

std::vector<std::pair<std::string, Registrar>>& CommandList::all() {
  static std::vector<std::pair<std::string, Registrar>> list;
  return list;
}

void MapOptions::add(CLI::App& app, bool required) {
  auto* o = app.add_option("--map", map, "City map: OpenStreetMap .osm/.osm.pbf/.osm.bz2/.osm.gz, or a road line layer (GeoPackage, Shapefile, GeoJSON, ...)");
  if (required) o->required();
  app.add_option("--profile", profile, "Walkability tag profile (JSON); default data/walk_profile.json");
  app.add_option("--crs", crs, "Local metric CRS for computation (default: UTM zone of the map's centre)");
  app.add_option("--class-field", class_field, "Road-class column of a vector road layer (default: auto: highway, fclass, ...)");
  app.add_option("--map-layer", layer, "Layer of the vector road file to read (default: first line layer)");
}

CityNetwork MapOptions::open(const Progress& progress) const {
  return open_map_file(MapSource{map, profile, crs, class_field, layer}, progress);
}

void CoverageOptions::add(CLI::App& app) {
  app.add_option("--minutes", params.minutes, "Walking time budget in minutes")->capture_default_str();
  app.add_option("--speed-kmh", params.speed_kmh, "Walking speed in km/h (4.5 = a typical unhurried pace)")->capture_default_str();
  app.add_option("--radius-m", params.radius_m, "Straight-line service radius in metres")->capture_default_str();
  app.add_option("--max-snap-m", params.snap.max_snap_m, "Points farther than this from any walkable street are off-network")->capture_default_str();
  app.add_option("--island-m", params.snap.island_max_m, "Disconnected street pieces shorter than this (metres) count as islands")->capture_default_str();
}

void CoverageOptions::validate() const {
  params.validate();
}

std::string cli_flag(const std::string& param) {
  static const std::pair<const char*, const char*> kOwn[] = {{"time_limit_s", "--time-limit"},
                                                             {"png_width", "--png-size"},
                                                             {"png_height", "--png-size"},
                                                             {"layer_weight", "--weight planner="},
                                                             {"raster_weight", "--weight raster="}};
  for (const auto& [p, f] : kOwn)
    if (param == p) return f;
  std::string f = "--" + param;
  for (char& c : f)
    if (c == '_') c = '-';
  return f;
}

PointReadOptions site_read_options(const std::string& sites_crs, const std::string& cost_field,
                                   const std::string& capacity_field) {
  PointReadOptions so;
  so.crs = sites_crs;
  so.site_attributes = true;
  so.cost_field = cost_field == "cost" ? std::string() : cost_field;  // default: auto (cost/成本/...)
  so.capacity_field = capacity_field;
  return so;
}

nlohmann::json inputs_json(const std::vector<DropReport>& drops) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& d : drops)
    if (!d.source.empty()) a.push_back({{"summary", d.summary()}, {"notes", d.notes}});
  return a;
}

void print_drop_lines(const std::vector<DropReport>& drops) {
  for (const auto& d : drops)
    if (!d.source.empty()) std::cout << d.summary() << "\n";
}

Progress terminal_progress() {
  Progress p;
  if (!isatty(STDERR_FILENO)) return p;
  p.report = [](double f, std::string_view stage) {
    std::fprintf(stderr, "\r  %-24.*s %5.1f %%", static_cast<int>(stage.size()), stage.data(), 100 * f);
    if (f >= 1.0) std::fprintf(stderr, "\r%50s\r", "");
    std::fflush(stderr);
  };
  return p;
}

}  // namespace yz::cli
