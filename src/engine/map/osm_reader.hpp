#pragma once
// Reads an OpenStreetMap file (.osm.pbf, .osm, .osm.bz2, .osm.gz) with libosmium in one pass:
// PBF blocks are decoded on all cores, ways are joined to their nodes by id, nodes a way
// references but the file lacks are known directly (the way is drawn through the nodes present,
// or dropped with fewer than two), and multipolygon relations (water, parks, pedestrian squares)
// are assembled with libosmium's area assembler. Which ways are lines and which closed ways are
// areas follows the rules GDAL's OSM driver applied before (its osmconf.ini), so maps read as
// they did.
#include <optional>
#include <string>

#include "engine/map/raw_lines.hpp"
#include "engine/map/ride_profile.hpp"
#include "engine/map/tag_profile.hpp"
#include "engine/util/progress.hpp"

namespace yz {

struct OsmReadResult {
  std::optional<Box> bounds;  // lon/lat: an XML extract's <bounds> (PBF header boxes are not used)
};

// Appends the file's roads (with their names and riding directions), pedestrian-square outlines,
// water/park areas and addresses (addr:street on nodes and areas) to `raw` and fills
// the OSM parts of `rep`. Errors name `shown`: InputError for a file that is not OSM, damaged or
// truncated; Cancelled through `progress`.
OsmReadResult read_osm_map(const std::string& path, const std::string& shown,
                           const TagProfile& profile, const RideProfile& ride,
                           const Progress& progress, RawLines& raw, MapLoadReport& rep);

// The osmium format of a file name ("pbf", "osm", "osm.bz2", ...), case-insensitive; PBF or XML
// by content when the name says neither.
std::string osm_format_of(const std::string& path);

}  // namespace yz
