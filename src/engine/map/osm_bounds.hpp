#pragma once
// The area an OpenStreetMap XML extract was cut to: its <bounds> element (written by the API,
// Overpass, JOSM, osmium and OSMnx). Extracts keep whole ways that cross the edge, so roads run
// on past it while everything beside them is missing: points out there are outside the map.
#include <optional>
#include <string>

#include "engine/geo/vec2.hpp"

namespace yz {

// Lon/lat box (min = west/south) of the first <bounds> in the file's first 64 KiB; nullopt for
// none, an unreadable one, or a file that is not OSM XML (PBF).
std::optional<Box> read_osm_bounds(const std::string& path);

}  // namespace yz
