#pragma once
// Administrative boundaries (boundary=administrative) of an OpenStreetMap file: relations and
// closed ways assembled into multipolygons by GDAL's OSM driver (data/osmconf_boundary.ini). A
// relation whose member ways are cut off by the extract cannot be assembled and is left out:
// `relations_seen` counts the boundary relations the file names, `assembled` those that came out.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/geo/polygon.hpp"
#include "engine/util/progress.hpp"

namespace yz {

struct OsmBoundary {
  int64_t osm_id = 0;  // relation id (or way id for a closed way)
  std::string name, name_zh, name_en;
  int admin_level = 0;  // 0 = not given
  MultiPolygon lonlat;  // WGS-84, outer ring first
};

// All administrative boundaries of `path` (.osm/.osm.pbf/.osm.bz2/.osm.gz), at every level, in
// file order. Throws InputError naming the file when it is not a readable OSM file.
std::vector<OsmBoundary> read_osm_boundaries(const std::string& path,
                                             const Progress& progress = {});

}  // namespace yz
