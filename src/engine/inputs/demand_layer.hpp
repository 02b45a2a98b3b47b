#pragma once
// The planner's own worker counts: points or polygons with a count column, in any GDAL vector
// format (CSV with lon/lat columns for points). A polygon's count is spread over the walkable
// streets inside it in proportion to street length (in pieces of at most 50 m, each at its
// midpoint); a polygon with no street inside puts its count at a point inside it (when a street is
// within reach). Self-intersecting polygons are repaired with GEOS MakeValid and listed in the
// report's notes; bad counts and geometries are dropped with a reason.
#include <string>

#include "engine/inputs/demand_items.hpp"
#include "engine/inputs/drop_report.hpp"
#include "engine/network/city_network.hpp"

namespace yz {

struct DemandLayerOptions {
  std::string layer;        // empty = first layer with points or polygons
  std::string count_field;  // empty = auto (count, workers, weight, demand, 人数, population, pop)
  // Source CRS: empty = the layer's own (CSV: WGS-84); an EPSG code when the file records none
  // (one contradicting a recorded CRS is an error); "gcj02"/"bd09" for features traced on
  // Chinese web maps (shifted back).
  std::string crs;
  std::string crs_option = "--layer-crs";  // names the option in messages
  SnapOptions snap;         // points/polygons out of reach of the walk network are dropped
  double outside_margin_m = 2000;
  double chunk_m =
      50;  // a polygon's streets are cut into pieces of at most this length, each getting its share
};

// Adds the layer's workers to `items` under component `component` ("planner").
void add_layer_demand(const std::string& path, const CityNetwork& city,
                      const DemandLayerOptions& opt, const std::string& component,
                      DemandItems& items, DropReport& report);

}  // namespace yz
