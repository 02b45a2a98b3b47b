#pragma once
// Where a city map comes from, enough to open it again: the file and the reading options the
// command line takes (--profile, --crs, --class-field, --map-layer). Sessions store it.
// network/open_map_file.hpp opens it.
#include <string>

namespace yz {

struct MapSource {
  std::string path;  // map file; empty = the built-in synthetic demo city
  std::string profile, crs, class_field, layer;
  std::string ride_profile;  // riding profile (--ride-profile); empty = data/riding_profile.json
  bool demo() const { return path.empty(); }
  std::string label() const;  // the file name, or "demo city (synthetic)"
};

}  // namespace yz
