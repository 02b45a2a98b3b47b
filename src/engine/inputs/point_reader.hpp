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
  std::string layer;             // vector layer; empty = first layer with points
  std::string x_field, y_field;  // CSV coordinate columns; empty = auto (lon/lng/longitude/x/经度,
                                 // lat/latitude/y/纬度)
  std::string
      weight_field;  // empty = auto (weight, workers, count, demand, 人数); none found = 1 each
  bool weight_required = false;
  std::string id_field, name_field;  // empty = auto (id/fid, name/名称)
  // Source CRS for CSV or layers without one; empty = WGS-84 (or the layer's own CRS). Also
  // "gcj02"/"bd09": lon/lat copied from Chinese web maps (Amap/Tencent, Baidu), shifted back to
  // WGS-84 with engine/geo/china_coords; allowed on a layer recorded as WGS-84 lon/lat. A CRS
  // contradicting the layer's recorded one is an error (SourceCrs) naming `crs_option`.
  std::string crs;
  std::string crs_option = "the CRS option";  // e.g. "--stations-crs", for messages
  double outside_margin_m = 2000;  // points farther than this outside the map's bounds are dropped
  // Stations/candidates: read host type, size, area, amenities, hours, status, capacity and cost
  // into PointSet::info (site_attributes.hpp lists the accepted column names and values). An
  // attribute never drops a station: values not understood are left unknown and listed, by row,
  // in a note. Candidates (`candidates`) whose cost or capacity is not a number >= 0 are dropped
  // ("non-numeric cost"): the optimiser cannot price them.
  bool site_attributes = false;
  bool candidates = false;
  std::string cost_field, capacity_field;  // empty = auto (cost/成本/..., capacity/容量/...)
  // Column names the automatic choice would miss: "host_type=建设形式,status=现状,id=代码"
  // (keys: SiteColumns::keys()). A key that is unknown or a column that is absent is an error.
  std::string columns;
  // false: an id may repeat (a mobile station's schedule has one row per stop); else a repeated
  // id drops the row ("duplicate id").
  bool unique_ids = true;
};

// `what` names the points in messages ("sites", "demand points").
PointSet read_points(const std::string& path, const LocalProjection& proj, const Box& map_bounds,
                     const PointReadOptions& opt, DropReport& report, const std::string& what);

}  // namespace yz
