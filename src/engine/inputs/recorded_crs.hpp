#pragma once
// Whether a point file says which coordinate reference system its coordinates are in. GeoPackage,
// GeoJSON, a Shapefile with its .prj (and most GIS formats) record one; CSV, text and spreadsheets
// never do, so a front end must ask the planner (WGS-84, or lon/lat copied from Amap/Tencent
// GCJ-02 or Baidu BD-09) before reading them with PointReadOptions::crs. A cheap look: the file is
// opened, no feature is read.
#include <optional>
#include <string>

namespace yz {

// The recorded CRS as "EPSG:4326" (or its name when it has no EPSG code), or nullopt when the file
// records none. `layer` as in PointReadOptions (empty = the layer read_points would pick). Throws
// InputError naming `path` when the file is missing or not a readable table or vector layer.
std::optional<std::string> recorded_crs(const std::string& path, const std::string& layer = "");

}  // namespace yz
