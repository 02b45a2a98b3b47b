#pragma once
// The districts a plan is reported by: polygons with names, from the planner's own layer (any
// GDAL format; the name column chosen or found; CRS as for points, GCJ-02/BD-09 included) or from
// the map's OpenStreetMap administrative boundaries at one admin_level (in China 6 = 区/县,
// 8 = 街道/乡镇). Features sharing a name are one district (a district mapped in parts).
#include <cstdint>
#include <string>
#include <vector>

#include "engine/geo/local_projection.hpp"
#include "engine/geo/polygon.hpp"
#include "engine/geo/polygon_locator.hpp"
#include "engine/inputs/drop_report.hpp"

namespace yz {

struct Districts {
  std::string source;                // the layer's file, or "<map> admin_level 8"
  std::string name_field;            // the layer's column the names came from
  std::vector<std::string> names;    // one per district, in first-seen order
  std::vector<MultiPolygon> lonlat;  // WGS-84, for outputs
  std::vector<MultiPolygon> metric;  // the map's projection
  PolygonLocator locator;            // built from `metric`
  std::vector<std::string> notes;    // repairs, districts left out

  size_t size() const { return names.size(); }
  // The district containing xy (metric), or PolygonLocator::kNone (outside all, or on a
  // boundary).
  int32_t locate(Vec2 xy) const { return locator.locate(xy); }
};

// Default OSM admin_level for districts (区/县 in China).
inline constexpr int kDefaultDistrictLevel = 6;

// A planner's polygon layer. `name_field` empty = found (name, 名称, district, 街道, 区, ...);
// `crs` as for points (empty = the layer's own, else WGS-84; "gcj02"/"bd09"), named `crs_option`
// in messages. InputError naming the file for a missing file, no polygons, an unknown column.
Districts read_district_layer(const std::string& path, const LocalProjection& proj,
                              const std::string& layer, const std::string& name_field,
                              const std::string& crs, const std::string& crs_option,
                              DropReport& report);

// The map's administrative boundaries at `admin_level` that reach into `extent` (metric).
// InputError naming the map when it has none at that level, listing the levels it does have.
Districts map_districts(const std::string& map_path, const LocalProjection& proj, const Box& extent,
                        int admin_level);

}  // namespace yz
