#include "cli/cli_common.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>

#include "cli/interrupt.hpp"
#include "engine/inputs/point_layer.hpp"
#include "engine/network/open_map_file.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"
#include "engine/util/output_file.hpp"

namespace yz::cli {

std::vector<std::pair<std::string, Registrar>>& CommandList::all() {
  static std::vector<std::pair<std::string, Registrar>> list;
  return list;
}

void MapOptions::add(CLI::App& app, bool required) {
  auto* o = app.add_option("--map", map,
                           "City map: OpenStreetMap .osm/.osm.pbf/.osm.bz2/.osm.gz, or a road line "
                           "layer (GeoPackage, Shapefile, GeoJSON, ...)");
  if (required) o->required();
  app.add_option("--profile", profile,
                 "Walkability tag profile (JSON); default data/walk_profile.json");
  app.add_option("--crs", crs,
                 "Local metric CRS for computation (default: UTM zone of the map's centre)");
  app.add_option("--class-field", class_field,
                 "Road-class column of a vector road layer (default: auto: highway, fclass, ...)");
  app.add_option("--map-layer", layer,
                 "Layer of the vector road file to read (default: first line layer)");
  app.add_option("--ride-profile", ride_profile,
                 "Riding tag profile of the rider-reach test (JSON); default "
                 "data/riding_profile.json");
}

CityNetwork MapOptions::open(const Progress& progress) const {
  return open_map_file(MapSource{map, profile, crs, class_field, layer, ride_profile}, progress);
}

void CoverageOptions::add(CLI::App& app) {
  app.add_option("--minutes", params.minutes, "Walking time budget in minutes")
      ->capture_default_str();
  app.add_option("--speed-kmh", params.speed_kmh,
                 "Walking speed in km/h (4.5 = a typical unhurried pace)")
      ->capture_default_str();
  app.add_option("--radius-m", params.radius_m, "Straight-line service radius in metres")
      ->capture_default_str();
  app.add_option("--max-snap-m", params.snap.max_snap_m,
                 "Points farther than this from any walkable street are off-network")
      ->capture_default_str();
  app.add_option("--island-m", params.snap.island_max_m,
                 "Disconnected street pieces shorter than this (metres) count as islands")
      ->capture_default_str();
}

void CoverageOptions::validate() const {
  params.validate();
}

std::string cli_flag(const std::string& param) {
  if (param.rfind("--", 0) == 0) return param;  // already a flag (a caller's own option name)
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

namespace {

struct InputText {
  const char* option;       // file option
  const char* what;         // in messages
  const char* description;  // start of the help
};

InputText input_text(PointInputKind k) {
  switch (k) {
    case PointInputKind::stations:
      return {"--stations", "stations", "Existing stations"};
    case PointInputKind::candidates:
      return {"--candidates", "candidates", "Candidate sites (hosts where a station could go)"};
    case PointInputKind::demand:
      return {"--demand", "demand points",
              "Outdoor-worker demand points (weight column: weight/workers/count/人数)"};
    case PointInputKind::sites:
      return {"--sites", "sites", "Stations/sites"};
    case PointInputKind::layer:
      break;
  }
  return {"--layer", "layer features", "Planner's layer"};
}

// Shift checks run in this process, by source, for inputs_json().
std::map<std::string, nlohmann::json>& crs_checks() {
  static std::map<std::string, nlohmann::json> m;
  return m;
}

}  // namespace

std::string PointInput::file_option() const {
  return input_text(kind).option;
}
std::string PointInput::crs_option() const {
  return file_option() + "-crs";
}
std::string PointInput::what() const {
  return what_as.empty() ? input_text(kind).what : what_as;
}

CLI::Option* PointInput::add(CLI::App& app, const std::string& role) {
  const InputText t = input_text(kind);
  std::string help = t.description;
  if (!role.empty()) help += " — " + role;
  help +=
      ": points in any GDAL vector format (GeoPackage, Shapefile, GeoJSON, KML, ...) or a CSV "
      "with longitude/latitude columns (lon/lng/经度, lat/纬度)";
  CLI::Option* o = app.add_option(t.option, path, help);
  app.add_option(crs_option(), crs,
                 std::string("CRS of ") + t.option +
                     " when the file records none (CSV; default WGS-84 longitude/latitude): an "
                     "EPSG code such as EPSG:32650, or gcj02 for Amap/Tencent and bd09 for Baidu "
                     "coordinates. A file that records its CRS (GeoPackage, Shapefile .prj, "
                     "GeoJSON) is read in it; an option contradicting it is an error. Applies "
                     "to this file only");
  return o;
}

void PointInput::add_deprecated_sites_crs(CLI::App& app) {
  app.add_option("--sites-crs", deprecated_crs,
                 "Deprecated name of " + crs_option() + " (applies to " + file_option() + " only)");
}

std::string PointInput::crs_value() const {
  if (!crs.empty() && !deprecated_crs.empty() && crs != deprecated_crs)
    throw CodedError("--sites-crs", Msg::cli_deprecated_crs, {{"option", crs_option()}});
  return crs.empty() ? deprecated_crs : crs;
}

PointSet PointInput::read(const CityNetwork& city, PointReadOptions opt, const SnapOptions& snap,
                          DropReport& rep) const {
  opt.crs = crs_value();
  opt.crs_option = crs.empty() && !deprecated_crs.empty() ? "--sites-crs" : crs_option();
  if (crs.empty() && !deprecated_crs.empty())
    std::cerr << "Note: --sites-crs is deprecated: it applies to " << file_option() << " only; use "
              << crs_option() << " (each input has its own CRS option)\n";
  PointLayerRead r = read_point_layer(
      path, city, std::move(opt),
      kind == PointInputKind::demand ? PointRole::demand : PointRole::site, snap, rep, what());
  check_web_shift(r.shift, crs_option(), rep);
  return std::move(r.points);
}

void check_web_shift(const ShiftCheck& c, const std::string& option, DropReport& rep) {
  if (c.points == 0) return;
  nlohmann::json j{{"read_as", web_datum_name(c.read_as)}, {"points", c.points}};
  for (const auto& r : c.readings)
    j["readings"].push_back({{"datum", web_datum_name(r.datum)},
                             {"median_m", r.median_m},
                             {"p10_m", r.low_m},
                             {"p90_m", r.high_m}});
  j["looks_like"] = c.better ? nlohmann::json(web_datum_name(*c.better)) : nlohmann::json();
  if (c.better) {
    const std::string fix = *c.better == WebDatum::wgs84
                                ? "; drop " + option + " (or give " + option + " wgs84)"
                                : std::string("; use ") + option + " " +
                                      (*c.better == WebDatum::gcj02 ? "gcj02" : "bd09");
    const std::string warning = rep.source + ": " + c.message + fix;
    std::cerr << "WARNING: " << warning << "\n";
    rep.notes.push_back("WARNING: " + c.message + fix);
    j["warning"] = c.message + fix;
  }
  crs_checks()[rep.source + "\n" + rep.what] = std::move(j);
}

PointReadOptions site_read_options(const std::string& cost_field,
                                   const std::string& capacity_field) {
  PointReadOptions so;
  so.site_attributes = true;
  so.cost_field =
      cost_field == "cost" ? std::string() : cost_field;  // default: auto (cost/成本/...)
  so.capacity_field = capacity_field;
  return so;
}

CLI::Option* add_demand_weight(CLI::App& app, std::string& field) {
  return app.add_option("--demand-weight", field, "Name of the demand weight column");
}

void add_site_columns(CLI::App& app, std::string& cost_field, std::string& capacity_field) {
  app.add_option("--cost-field", cost_field,
                 "Candidate column holding its cost (default: cost/成本/费用/...; missing = 1)")
      ->capture_default_str();
  app.add_option("--capacity-field", capacity_field,
                 "Column holding how many workers a station can serve (missing or empty = "
                 "unlimited)");
}

CLI::Option* add_criterion(CLI::App& app, std::string& text, const std::string& what) {
  return app
      .add_option("--criterion", text,
                  "Coverage test" + (what.empty() ? std::string() : " " + what) +
                      ": walk, radius, both (the standard) or either")
      ->capture_default_str();
}

Criterion criterion_option(const std::string& text) {
  Criterion c;
  if (!parse_criterion(text, c)) throw CodedError("--criterion", Msg::cli_criterion);
  return c;
}

CLI::Option* add_out_bom(CLI::App& app, bool& bom) {
  return app.add_flag(
      "--bom", bom,
      "A .csv --out starts with a UTF-8 byte-order mark (Excel/WPS on Chinese Windows need it)");
}

nlohmann::json inputs_json(const std::vector<DropReport>& drops) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& d : drops)
    if (!d.source.empty()) {
      nlohmann::json e{{"summary", d.summary()}, {"notes", d.notes}};
      const auto it = crs_checks().find(d.source + "\n" + d.what);
      if (it != crs_checks().end()) e["crs_check"] = it->second;
      a.push_back(std::move(e));
    }
  return a;
}

void print_drop_lines(const std::vector<DropReport>& drops) {
  for (const auto& d : drops)
    if (!d.source.empty()) std::cout << d.summary() << "\n";
}

void OutputGuard::add(CLI::App& app) {
  app.add_flag("--overwrite", overwrite, "Replace output files that already exist");
}

void OutputGuard::check(const std::string& out, const std::vector<std::string>& inputs) const {
  if (std::filesystem::is_directory(out)) throw CodedError(out, Msg::cli_out_is_folder_plain);
  check_not_input(out, inputs);
  check_may_write(out, overwrite);
}

Progress terminal_progress() {
  Progress p;
  p.cancel = interrupt_flag();  // SIGINT/SIGTERM stop the work (interrupt.hpp)
  if (!isatty(STDERR_FILENO)) return p;
  p.report = [](double f, std::string_view stage) {
    std::fprintf(stderr, "\r  %-24.*s %5.1f %%", static_cast<int>(stage.size()), stage.data(),
                 100 * f);
    if (f >= 1.0) std::fprintf(stderr, "\r%50s\r", "");
    std::fflush(stderr);
  };
  return p;
}

}  // namespace yz::cli
