// Fuzz target: the map loader on OpenStreetMap XML bytes (GDAL's OSM driver plus our own reference
// check). Bad input may only end in InputError; a map that loads has finite coordinates.
#include <cmath>
#include <cstdint>

#include "engine/map/map_loader.hpp"
#include "engine/map/osm_references.hpp"
#include "engine/util/error.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = yz::fuzz::write_input(data, size, ".osm");
  static const yz::TagProfile profile = yz::TagProfile::load_default();
  try {
    const yz::OsmReferenceCheck c = yz::check_osm_references(path, path);
    if (c.roads_dropped + c.roads_shortened != c.roads_missing || c.roads_missing > c.roads)
      __builtin_trap();
  } catch (const yz::InputError&) {
  }
  try {
    const yz::RoadLines lines = yz::load_map(path, profile);
    for (const yz::Vec2& p : lines.points)
      if (!std::isfinite(p.x) || !std::isfinite(p.y)) __builtin_trap();
  } catch (const yz::InputError&) {
  }
  return 0;
}
