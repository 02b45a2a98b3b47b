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

  // Ends the line whose points begin at `start`: its per-line columns are appended (one place, so
  // every reader keeps them aligned), or, with fewer than two points, its points are dropped and
  // false returned.
  bool end_line(size_t start, RoadClass c, bool walkable, int64_t way_id, uint8_t ride_dir,
                bool missing, std::string line_name = {}, std::string line_name_en = {}) {
    if (pts.size() - start < 2) {
      pts.resize(start);
      if (node.size() > start) node.resize(start);
      return false;
    }
    first.push_back(static_cast<uint32_t>(pts.size()));
    cls.push_back(c);
    walk.push_back(walkable);
    id.push_back(way_id);
    ride.push_back(ride_dir);
    missing_nodes.push_back(missing);
    name.push_back(std::move(line_name));
    name_en.push_back(std::move(line_name_en));
    return true;
  }
};

}  // namespace yz
