#pragma once
// Which ways of an OpenStreetMap file lost nodes, counted by a pass of our own over the file (PBF
// or XML). GDAL's OSM driver silently discards a way with fewer than two of its nodes in the file
// and draws the others through the nodes it has; a file cut at a PBF block boundary (or an extract
// clipped without its ways' nodes) then loads as a smaller map without a word. The counts here let
// the map report say so.
#include <cstdint>
#include <string>

namespace yz {

struct OsmReferenceCheck {
  uint64_t nodes = 0;            // nodes in the file
  uint64_t ways = 0;             // ways in the file
  uint64_t roads = 0;            // ways with a highway tag
  uint64_t roads_missing = 0;    // roads referencing at least one node absent from the file:
  uint64_t roads_dropped = 0;    //   fewer than two of their nodes present (GDAL drops them)
  uint64_t roads_shortened = 0;  //   two or more present (drawn through the nodes present)
  uint64_t ways_missing = 0;     // any way referencing absent nodes
  uint64_t unused_nodes = 0;     // untagged nodes no way or relation uses: their ways are missing
  bool xml = false;
  bool xml_closed = true;  // XML: the closing </osm> was found
};

// `path` is a plain (decompressed) OSM file; errors name `shown`. Throws InputError for a PBF file
// cut inside a block ("truncated") or damaged.
OsmReferenceCheck check_osm_references(const std::string& path, const std::string& shown);

}  // namespace yz
