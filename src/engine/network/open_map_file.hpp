#pragma once
// Opens the city map a MapSource names (map file, profile, CRS, class field, layer) as a walk
// network. Lives in network/, not beside MapSource in map/, since the result is a CityNetwork.
#include "engine/map/map_source.hpp"
#include "engine/network/city_network.hpp"
#include "engine/util/progress.hpp"

namespace yz {

// Opens a map file (not the demo city). Throws InputError naming the file or option and the
// problem; Cancelled when progress.cancel is raised.
CityNetwork open_map_file(const MapSource& src, const Progress& progress = {});

}  // namespace yz
