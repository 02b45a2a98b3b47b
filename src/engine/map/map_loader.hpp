#pragma once
// Opens a city map: OpenStreetMap (.osm, .osm.pbf, .osm.bz2, .osm.gz) read with libosmium, or
// a line layer in any GDAL vector format (GeoPackage, Shapefile, GeoJSON, ...).
#include <optional>
#include <string>

#include "engine/map/road_lines.hpp"
#include "engine/map/tag_profile.hpp"
#include "engine/util/progress.hpp"

namespace yz {

struct MapLoadOptions {
  std::string crs;              // local metric CRS; empty = UTM zone of the data's centre
  std::string class_field;      // road-class column in vector layers; empty = auto (highway, fclass, ...)
  std::string layer;            // vector layer name; empty = first layer with lines
  double max_jump_m = 50;       // on ways with missing nodes, straight segments longer than this are cut
  double join_ends_m = 0.01;    // vector layers: a line end this close to another line's interior joins it
  std::string ride_profile;  // riding profile (rider-reach test); empty = data/riding_profile.json
};

RoadLines load_map(const std::string& path, const TagProfile& profile, const MapLoadOptions& opt = {},
                   const Progress& progress = {});

// True for names the OSM driver reads (after decompression).
bool is_osm_file(const std::string& path);

}  // namespace yz
