#include "cli/district_input.hpp"

#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz::cli {

void DistrictInput::add(CLI::App& app) {
  app.add_option("--districts", path,
                 "Report coverage by district: a polygon layer in any GDAL format (GeoPackage, "
                 "Shapefile, GeoJSON, KML, ...), or 'map' for the map's OpenStreetMap "
                 "administrative boundaries (see --district-level)");
  app.add_option("--district-level", level,
                 "OpenStreetMap admin_level of the districts read from the map (China: 6 = "
                 "区/县, 8 = 街道/乡镇); implies --districts map")
      ->capture_default_str()
      ->each([this](const std::string&) { level_given = true; });
  app.add_option("--district-name-field", name_field,
                 "Column of --districts holding the district's name (default: name, 名称, "
                 "district, 街道, 区, ...)");
  app.add_option("--districts-layer", layer,
                 "Layer of --districts (default: the first with polygons)");
  app.add_option("--districts-crs", crs,
                 "CRS of --districts when the file records none (default WGS-84): an EPSG code, "
                 "or gcj02 / bd09 for polygons traced on Amap / Baidu");
  app.add_option("--district-column", station_column,
                 "Station-list column naming each station's district, checked against the "
                 "polygons (default: 所属街道, 所属区, district, ...)");
}

std::optional<Districts> DistrictInput::read(const CityNetwork& city,
                                             const std::string& map_path) const {
  if (!given()) return std::nullopt;
  if (level < 1 || level > 11) throw CodedError("--district-level", Msg::cli_district_level);
  if (from_map()) {
    if (!city.lines.from_osm)
      throw CodedError("--districts", Msg::cli_districts_not_osm, {{"file", map_path}});
    return map_districts(map_path, city.projection(), city.extent(), level);
  }
  if (level_given)
    throw CodedError("--district-level", Msg::cli_district_level_file, {{"file", path}});
  DropReport rep;
  return read_district_layer(path, city.projection(), layer, name_field, crs, "--districts-crs",
                             rep);
}

nlohmann::json check_station_districts(const DistrictInput& in, const PointSet& stations,
                                       const Districts& d, std::vector<std::string>& notes) {
  const DistrictColumnCheck c = check_district_column(stations, d, in.station_column);
  if (!in.station_column.empty() && c.column.empty())
    throw CodedError("--district-column", Msg::cli_not_a_column,
                     {{"column", in.station_column}, {"file", stations.source}});
  nlohmann::json j;
  j["column"] = c.column.empty() ? nlohmann::json() : nlohmann::json(c.column);
  j["checked"] = c.checked;
  j["mismatches"] = nlohmann::json::array();
  for (const auto& m : c.mismatches)
    j["mismatches"].push_back(
        {{"row", m.row},
         {"id", m.id},
         {"name", m.name},
         {"column_value", m.column_value},
         {"polygon_name",
          m.polygon_name.empty() ? nlohmann::json() : nlohmann::json(m.polygon_name)}});
  for (const std::string& n : district_mismatch_notes(c))
    notes.push_back(stations.source + " " + n);
  return j;
}

}  // namespace yz::cli
