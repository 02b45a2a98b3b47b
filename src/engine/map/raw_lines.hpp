#pragma once
// Road lines as a reader collects them, in lon/lat, before the map's projection is chosen (it
// depends on all of them). The OpenStreetMap reader also records each point's node, so the graph
// joins ways at shared nodes rather than at equal coordinates.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/geo/vec2.hpp"
#include "engine/map/road_lines.hpp"

namespace yz {

struct RawLines {
  std::vector<Vec2> pts;
  std::vector<uint32_t> node;  // OSM: per point, the node (index into the file's nodes); else empty
  std::vector<uint32_t> first{0};
  std::vector<RoadClass> cls;
  std::vector<uint8_t> walk;
  std::vector<int64_t> id;
  std::vector<uint8_t> ride;           // RideDir
  std::vector<uint8_t> missing_nodes;  // way had nodes absent from the file
  std::vector<std::string> name, name_en;
  MapAreas areas;                     // lon/lat too
  std::vector<MapAddress> addresses;  // lon/lat too
};

}  // namespace yz
