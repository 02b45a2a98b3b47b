// The riding graph from OpenStreetMap tags end to end: a hand-written .osm file read by the map
// loader (oneway, oneway:bicycle, cycleway=opposite*, junction, bicycle, access), built into the
// directed riding graph, and the rider-reach answer for a worker who must ride AGAINST the way's
// drawing direction to reach the station. Distances are chosen far from the budget (1250 m) so
// the expected answers do not depend on projection details.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/coverage/rider_reach.hpp"
#include "engine/map/map_loader.hpp"
#include "engine/network/ride_graph.hpp"
#include "support/osm_xml.hpp"
#include "support/test_data.hpp"

using namespace yz;
using yz::test::OsmXml;
using yz::test::Tags;

namespace {

constexpr double kLon0 = 113.93, kLat0 = 22.53;
constexpr double kMPerDegLat = 110574.0;
const double kMPerDegLon = 111320.0 * std::cos(kLat0 * 3.14159265358979 / 180);
Vec2 ll(double x_m, double y_m) {
  return {kLon0 + x_m / kMPerDegLon, kLat0 + y_m / kMPerDegLat};
}

struct Outcome {
  bool covered_b = false;  // the worker on way B, 500 m east of the station
  bool covered_a = false;  // the worker on way A, 700 m west
  uint8_t b_dir = 0;       // RideDir of B in the loaded lines (0 = not rideable)
};

// Way A (two-way residential) from x=0 to x=1000 m, way B with `tags` from 1000 to 2000 m (drawn
// west to east); the station 20 m north of their junction.
Outcome ride_case(const Tags& b_tags, const std::string& name) {
  OsmXml osm;
  for (int i = 0; i < 3; ++i) {
    const Vec2 p = ll(1000.0 * i, 0);
    osm.node(i + 1, p.x, p.y);
  }
  osm.way(10, {1, 2}, {{"highway", "residential"}});
  osm.way(11, {2, 3}, b_tags);
  const std::string path = osm.write(test::temp_dir() + "/" + name + ".osm");
  const CityNetwork city = open_city(path, TagProfile::load_default());
  Outcome o;
  for (size_t i = 0; i < city.lines.size(); ++i)
    if (city.lines.source_id[i] == 11) o.b_dir = city.lines.ride[i];
  const RideNetwork ride = build_ride_network(city.lines, RideProfile::load_default());
  PointSet demand;
  for (Vec2 q : {ll(1500, 5), ll(300, 5)}) demand.add(q, city.projection().to_metric(q), 1, "", "");
  RiderReach reach(city, ride, demand, RiderParams{}, SnapOptions{});
  auto sc = reach.scratch();
  const auto got = reach.cover(city.projection().to_metric(ll(1000, 20)), sc);
  for (uint32_t d : got) (d == 0 ? o.covered_b : o.covered_a) = true;
  return o;
}

}  // namespace

TEST_CASE("riding graph directions from OpenStreetMap tags, end to end", "[ride]") {
  struct Case {
    const char* name;
    Tags tags;
    bool covered;
    uint8_t dir;
  };
  const std::vector<Case> cases{
      {"two_way", {{"highway", "residential"}}, true, kRideBoth},
      {"one_way", {{"highway", "residential"}, {"oneway", "yes"}}, false, kRideForward},
      {"reverse_one_way", {{"highway", "residential"}, {"oneway", "-1"}}, true, kRideBackward},
      {"contraflow",
       {{"highway", "residential"}, {"oneway", "yes"}, {"oneway:bicycle", "no"}},
       true,
       kRideBoth},
      {"opposite_lane",
       {{"highway", "residential"}, {"oneway", "yes"}, {"cycleway", "opposite_lane"}},
       true,
       kRideBoth},
      {"opposite_left",
       {{"highway", "residential"}, {"oneway", "yes"}, {"cycleway:left", "opposite_lane"}},
       true,
       kRideBoth},
      {"roundabout", {{"highway", "residential"}, {"junction", "roundabout"}}, false, kRideForward},
      {"footway", {{"highway", "footway"}}, false, kRideNone},
      {"footway_bike", {{"highway", "footway"}, {"bicycle", "yes"}}, true, kRideBoth},
      {"footway_designated", {{"highway", "footway"}, {"bicycle", "designated"}}, true, kRideBoth},
      {"steps", {{"highway", "steps"}}, false, kRideNone},
      {"steps_bike", {{"highway", "steps"}, {"bicycle", "yes"}}, true, kRideBoth},
      {"no_bikes", {{"highway", "primary"}, {"bicycle", "no"}}, false, kRideNone},
      {"private", {{"highway", "service"}, {"access", "private"}}, false, kRideNone},
      {"private_bike",
       {{"highway", "service"}, {"access", "private"}, {"bicycle", "yes"}},
       true,
       kRideBoth},
      {"cycleway", {{"highway", "cycleway"}}, true, kRideBoth},
      {"motorway", {{"highway", "motorway"}}, false, kRideNone},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    const Outcome o = ride_case(c.tags, c.name);
    CHECK(static_cast<int>(o.b_dir) == static_cast<int>(c.dir));
    CHECK(o.covered_b == c.covered);
    CHECK(o.covered_a);  // 700 m along the two-way way A: always
  }
}

TEST_CASE("folding keeps one-way runs apart from two-way runs", "[ride]") {
  // One OSM way split in three at degree-2 nodes: two-way, one-way, two-way. The walk graph folds
  // them into one edge; the riding graph must keep three, with their own directions.
  OsmXml osm;
  for (int i = 0; i < 4; ++i) {
    const Vec2 p = ll(300.0 * i, 0);
    osm.node(i + 1, p.x, p.y);
  }
  osm.way(10, {1, 2}, {{"highway", "residential"}});
  osm.way(11, {2, 3}, {{"highway", "residential"}, {"oneway", "yes"}});
  osm.way(12, {4, 3}, {{"highway", "residential"}, {"oneway", "-1"}});  // drawn backwards: east too
  const CityNetwork city =
      open_city(osm.write(test::temp_dir() + "/fold.osm"), TagProfile::load_default());
  CHECK(city.graph.edge_count() == 1);
  const RideNetwork ride = build_ride_network(city.lines, RideProfile::load_default());
  // Ways 11 and 12 both run east: they fold into one one-way edge.
  REQUIRE(ride.graph.base.edge_count() == 2);
  CHECK(ride.one_way_edges == 1);
  size_t east = 0;
  const WalkGraph& g = ride.graph.base;
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    if (ride.graph.edge_dir[e] == kRideBoth) continue;
    const Vec2 t = g.node_xy(g.edge_tail[e]), h = g.node_xy(g.edge_head(e));
    // Riding allowed from west to east only.
    const bool along = ride.graph.edge_dir[e] == kRideForward;
    CHECK((along ? h.x - t.x : t.x - h.x) > 500);
    ++east;
  }
  CHECK(east == 1);
  // Reversed arcs: the one-way edge is one in-arc, the two-way edge two.
  CHECK(ride.graph.in_arcs.size() == 3);
}
