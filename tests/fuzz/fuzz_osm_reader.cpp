// Fuzz target: the map loader on OpenStreetMap XML bytes (libosmium's reader, our way joining and
// area assembly). Bad input may only end in InputError; a map that loads has finite coordinates,
// consistent missing-node counts and one node per point.
#include <cmath>
#include <cstdint>

#include "engine/map/map_loader.hpp"
#include "engine/util/error.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = yz::fuzz::write_input(data, size, ".osm");
  static const yz::TagProfile profile = yz::TagProfile::load_default();
  try {
    const yz::RoadLines lines = yz::load_map(path, profile);
    const auto& r = lines.report;
    if (r.ways_dropped + r.ways_shortened != r.ways_missing_nodes ||
        r.ways_missing_nodes > r.osm_roads)
      __builtin_trap();
    if (lines.point_node.size() != lines.points.size()) __builtin_trap();
    for (const yz::Vec2& p : lines.points)
      if (!std::isfinite(p.x) || !std::isfinite(p.y)) __builtin_trap();
  } catch (const yz::InputError&) {
  }
  return 0;
}
