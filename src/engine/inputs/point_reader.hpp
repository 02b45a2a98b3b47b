#pragma once
// Reads sites or demand as points from any GDAL vector format, or CSV with lon/lat columns
// (WGS-84 unless a CRS is given). Points outside the map, with bad coordinates or bad weights are
// dropped and listed in the DropReport, never silently.
#include <string>

#include "engine/geo/local_projection.hpp"
#include "engine/inputs/drop_report.hpp"
#include "engine/inputs/point_set.hpp"

namespace yz {

struct PointReadOptions {
  std::string layer;         // vector layer; empty = first layer with points
  std::string x_field, y_field;  // CSV coordinate columns; empty = auto (lon/lng/longitude/x/经度, lat/latitude/y/纬度)
  std::string weight_field;  // empty = auto (weight, workers, count, demand, 人数); none found = 1 each
  bool weight_required = false;
  std::string id_field, name_field;  // empty = auto (id/fid, name/名称)
  std::string crs;           // source CRS for CSV or layers without one; empty = WGS-84
  double outside_margin_m = 2000;  // points farther than this outside the map's bounds are dropped
};

// `what` names the points in messages ("sites", "demand points").
PointSet read_points(const std::string& path, const LocalProjection& proj, const Box& map_bounds,
                     const PointReadOptions& opt, DropReport& report, const std::string& what);

}  // namespace yz
