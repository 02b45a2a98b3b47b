#pragma once
// How many nodes an OpenStreetMap file holds, counted in one cheap pass of its own (no
// coordinates decoded, no index built): PBF blocks are inflated and their node ids counted (dense
// and plain nodes), XML is scanned for <node elements. GDAL's OSM driver reads every node of the
// file whatever the layers asked for, so this is the honest "OSM nodes read" of a map load (the
// benchmark's nodes-per-second). .bz2/.gz are decompressed first.
#include <cstdint>
#include <string>

namespace yz {

// Throws InputError for a file that is not OSM PBF/XML or is damaged, and for blocks compressed
// with something other than zlib (lzma, lz4, zstd: rare in practice).
uint64_t count_osm_nodes(const std::string& path);

}  // namespace yz
