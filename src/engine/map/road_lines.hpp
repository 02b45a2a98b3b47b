#pragma once
// A city map as read from a file (or generated): road polylines in the local metric projection,
// with class and walkability, plus water/park areas for drawing. The input to the graph builder.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/geo/local_projection.hpp"
#include "engine/geo/vec2.hpp"
#include "engine/map/ride_profile.hpp"
#include "engine/map/road_class.hpp"
#include "engine/util/notes.hpp"

namespace yz {

struct MapLoadReport {
  uint64_t features_read = 0;       // line features seen (all layers used)
  uint64_t roads = 0;               // features with a highway/road class
  uint64_t walkable = 0;            // kept as walkable
  uint64_t not_walkable_class = 0;  // motorways, construction, ...
  uint64_t foot_forbidden = 0;
  uint64_t access_forbidden = 0;
  uint64_t area_outlines = 0;       // pedestrian squares walked along their outline
  uint64_t invalid_geometry = 0;    // empty/one-point/NaN lines dropped
  uint64_t ways_missing_nodes = 0;  // OSM roads referencing nodes absent from the file:
  uint64_t ways_dropped = 0;        //   fewer than two of their nodes present: not loaded at all
  uint64_t ways_shortened = 0;      //   loaded through the nodes present
  uint64_t osm_roads = 0;           // OSM ways with a highway tag in the file (our own count)
  uint64_t unused_nodes = 0;  // untagged OSM nodes no way uses (noted above 1 %: ways missing)
  uint64_t osm_nodes_in_file = 0;
  uint64_t jumps_cut = 0;           // straight jumps across missing nodes removed
  double jumps_cut_m = 0;
  uint64_t osm_nodes = 0;           // road vertices read (OSM nodes used by the roads loaded)
  uint64_t rideable = 0;            // ways an e-bike may use (riding profile)
  uint64_t ride_one_way = 0;        //   of which riders may use in one direction only
  bool nodes_unsorted = false;      // OSM: node ids not in ascending order (sorted before joining)
  uint64_t t_junctions = 0;         // vector layers: line ends joined to another line between its vertices
  double read_seconds = 0;
  Notes notes;
};

enum class AreaKind : uint8_t { water, park };

struct MapAreas {
  // Polygons as rings; ring r = points[ring_first[r], ring_first[r+1]); polygon p owns rings
  // [poly_first[p], poly_first[p+1]) with the outer ring first.
  std::vector<Vec2> points;
  std::vector<uint32_t> ring_first{0};
  std::vector<uint32_t> poly_first{0};
  std::vector<AreaKind> kind;
  size_t size() const { return kind.size(); }
};

// An address the map gives a place (OSM addr:street + addr:housenumber on a node, building or
// entrance), for field-check sheets: "near 中山路 88号".
struct MapAddress {
  Vec2 xy;  // metric
  std::string street, housenumber;
};

struct RoadLines {
  std::vector<Vec2> points;          // metric, all lines back to back
  std::vector<uint32_t> first{0};    // line i = points[first[i], first[i+1])
  std::vector<RoadClass> road_class;
  std::vector<uint8_t> walkable;     // 1 = part of the pedestrian network
  std::vector<int64_t> source_id;    // OSM way id or feature id
  // OSM maps: the file's node (an index) of each point, so the graph joins ways where they share
  // a node, not where two nodes happen to lie at one spot. Empty for road layers (and anything
  // built point by point): the graph then joins equal coordinates.
  std::vector<uint32_t> point_node;
  std::vector<uint8_t> ride;         // RideDir for riders (kRideByClass: decide from road_class)
  // The street's name per line (OSM `name`, a vector layer's name column), "" when unnamed;
  // `name_en` its OSM `name:en` when given. For labels and "nearest named street".
  std::vector<std::string> name, name_en;
  std::vector<MapAddress> addresses;  // OSM only
  MapAreas areas;
  LocalProjection projection;
  // The area the map was cut to (an OSM extract's <bounds>), metric; empty when the file does not
  // say (a road layer, PBF): then the roads' own extent is the map's.
  Box declared_extent;
  std::string source;                // file name, or "demo city (synthetic)"
  bool from_osm = false;
  bool synthetic = false;
  MapLoadReport report;

  size_t size() const { return road_class.size(); }
  void add_line(const std::vector<Vec2>& pts, RoadClass c, bool walk, int64_t id,
                uint8_t ride_dir = kRideByClass, std::string line_name = {},
                std::string line_name_en = {}) {
    points.insert(points.end(), pts.begin(), pts.end());
    first.push_back(static_cast<uint32_t>(points.size()));
    road_class.push_back(c);
    walkable.push_back(walk ? 1 : 0);
    source_id.push_back(id);
    ride.push_back(ride_dir);
    name.push_back(std::move(line_name));
    name_en.push_back(std::move(line_name_en));
  }
  // A line of an OSM map: its points' nodes too.
  void add_line(const std::vector<Vec2>& pts, const std::vector<uint32_t>& nodes, RoadClass c,
                bool walk, int64_t id, uint8_t ride_dir, std::string line_name,
                std::string line_name_en) {
    add_line(pts, c, walk, id, ride_dir, std::move(line_name), std::move(line_name_en));
    point_node.insert(point_node.end(), nodes.begin(), nodes.end());
  }
  Box bounds() const {
    Box b;
    for (auto p : points) b.add(p);
    return b;
  }
};

}  // namespace yz
