#pragma once
// Workers or population from a raster (GeoTIFF or any GDAL raster, any CRS): every cell with a
// positive value becomes a weighted point at the cell's centre, or, for a cell wider than the
// snap distance, is spread over the walkable streets inside it (street_spread.hpp; the centre
// when none is inside). Cells outside the map or out of
// reach of the walk network are dropped with a reason; empty, nodata-only or off-map rasters are
// errors that say so.
#include <string>

#include "engine/inputs/demand_items.hpp"
#include "engine/inputs/drop_report.hpp"
#include "engine/network/city_network.hpp"

namespace yz {

struct DemandRasterOptions {
  int band = 1;
  std::string crs;  // when the raster has no CRS of its own (default: refuse, since cells would be
                    // misplaced)
  SnapOptions snap;  // cells wider than max_snap_m are spread over the streets inside them
  double outside_margin_m = 2000;
  double chunk_m = 50;  // spread cells: streets cut into pieces of at most this length
};

void add_raster_demand(const std::string& path, const CityNetwork& city,
                       const DemandRasterOptions& opt, const std::string& component,
                       DemandItems& items, DropReport& report);

}  // namespace yz
