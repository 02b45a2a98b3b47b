// The rider-reach test (骑行可达) against hand-computed sets on tiny networks with one-way streets,
// and against an INDEPENDENT directed Dijkstra written here: it searches FORWARD from every demand
// point (the rider's own direction) over an adjacency built from the edge list and its directions,
// with parking spots found by brute force over all riding nodes, where the engine searches the
// reversed graph from the station with a node grid. Random one-way grids and a shared Shenzhen
// extract are compared point by point.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <queue>
#include <random>

#include "engine/coverage/rider_reach.hpp"
#include "engine/inputs/street_length_demand.hpp"
#include "engine/map/map_loader.hpp"
#include "engine/network/ride_graph.hpp"
#include "support/test_data.hpp"
#include "support/tiny_network.hpp"

using namespace yz;

namespace {

const RideProfile& profile() {
  static const RideProfile p = RideProfile::load_default();
  return p;
}

PointSet points(const std::vector<Vec2>& xy) {
  PointSet ps;
  ps.source = "test points";
  for (size_t i = 0; i < xy.size(); ++i) ps.add(xy[i], xy[i], 1.0, std::to_string(i), "");
  return ps;
}

std::vector<uint32_t> covered_by(const CityNetwork& city, const RideNetwork& ride,
                                 const PointSet& demand, Vec2 site, const RiderParams& p) {
  RiderReach r(city, ride, demand, p, SnapOptions{});
  auto sc = r.scratch();
  return r.cover(site, sc);
}

// ---- the independent check -------------------------------------------------------------------

double polyline_m(const WalkGraph& g, EdgeId e) {
  double s = 0;
  for (uint32_t k = g.geom_first[e] + 1; k < g.geom_first[e + 1]; ++k)
    s += std::hypot(g.geom[k].x - g.geom[k - 1].x, g.geom[k].y - g.geom[k - 1].y);
  return s;
}

struct Forward {
  std::vector<std::vector<std::pair<uint32_t, double>>> adj;  // rider's own direction
  std::vector<double> len;
  std::vector<uint32_t> tail, head;
  std::vector<uint8_t> dir;
};

Forward forward_graph(const RideNetwork& ride) {
  const WalkGraph& g = ride.graph.base;
  Forward f;
  f.adj.resize(g.node_count());
  for (EdgeId e = 0; e < g.edge_count(); ++e) {
    const double L = polyline_m(g, e);
    const uint32_t t = g.edge_tail[e], h = g.edge_head(e);
    const uint8_t d = ride.graph.edge_dir[e];
    f.len.push_back(L), f.tail.push_back(t), f.head.push_back(h), f.dir.push_back(d);
    if (d & 1) f.adj[t].push_back({h, L});
    if (d & 2) f.adj[h].push_back({t, L});
  }
  return f;
}

// Forward Dijkstra from initial labels, stopping past `bound`.
std::vector<double> dijkstra(const Forward& f, std::vector<std::pair<uint32_t, double>> init,
                             double bound) {
  std::vector<double> d(f.adj.size(), INFINITY);
  using Q = std::pair<double, uint32_t>;
  std::priority_queue<Q, std::vector<Q>, std::greater<Q>> q;
  for (auto [u, x] : init)
    if (x < d[u]) d[u] = x, q.push({x, u});
  while (!q.empty()) {
    auto [x, u] = q.top();
    q.pop();
    if (x > d[u] || x > bound) continue;
    for (auto [v, w] : f.adj[u])
      if (x + w < d[v]) d[v] = x + w, q.push({x + w, v});
  }
  return d;
}

struct Parking {
  std::vector<uint8_t> node;  // per riding node
  std::vector<NodeId> nodes;  // the parking nodes
  bool spot = false;
  Snap rs;
};

Parking brute_parking(const CityNetwork& city, const RideNetwork& ride, Vec2 site, double walk_m) {
  Parking p;
  const WalkGraph& g = ride.graph.base;
  p.node.assign(g.node_count(), 0);
  const Snap ws = city.snapper->snap(site);
  if (!ws.usable()) return p;
  WalkSearch w(city.graph);
  w.run(ws, static_cast<float>(walk_m));
  for (NodeId u = 0; u < g.node_count(); ++u)
    if ((p.node[u] = w.distance_to(city.snapper->snap(g.node_xy(u))) < WalkSearch::kInf))
      p.nodes.push_back(u);
  p.rs = ride.snapper->snap(site);
  p.spot = p.rs.usable() &&
           w.distance_to(city.snapper->snap(g.point_on_edge(p.rs.edge, p.rs.offset_m))) <
               WalkSearch::kInf;
  return p;
}

// Riding metres from node labels `d` (a forward search) to the nearest parking spot.
double to_parking(const Forward& f, const Parking& p, const std::vector<double>& d) {
  double best = INFINITY;
  for (NodeId u : p.nodes) best = std::min(best, d[u]);
  if (p.spot) {
    const EdgeId e = p.rs.edge;
    if (f.dir[e] & 1) best = std::min(best, d[f.tail[e]] + p.rs.offset_m);
    if (f.dir[e] & 2) best = std::min(best, d[f.head[e]] + (f.len[e] - p.rs.offset_m));
  }
  return best;
}

struct Expected {
  std::vector<uint32_t> covered;
  std::vector<uint32_t> borderline;  // within 5 cm of the budget: float rounding may differ
};

Expected independent_cover(const CityNetwork& city, const RideNetwork& ride, const Forward& f,
                           const PointSet& demand, Vec2 site, const RiderParams& prm) {
  Expected out;
  const double R = prm.ride_m();
  const Parking p = brute_parking(city, ride, site, prm.park_walk_m);
  for (uint32_t i = 0; i < demand.size(); ++i) {
    const Snap ds = ride.snapper->snap(demand.xy[i]);
    if (!ds.usable()) continue;
    if (std::hypot(demand.xy[i].x - site.x, demand.xy[i].y - site.y) > R + prm.park_walk_m + 300)
      continue;  // farther than any ride + walk + off-street: cannot be covered
    const EdgeId e = ds.edge;
    std::vector<std::pair<uint32_t, double>> init;
    if (f.dir[e] & 1) init.push_back({f.head[e], f.len[e] - ds.offset_m});
    if (f.dir[e] & 2) init.push_back({f.tail[e], ds.offset_m});
    double best = to_parking(f, p, dijkstra(f, init, R + 1));
    if (p.spot && p.rs.edge == e) {  // straight along the edge to the spot
      if ((f.dir[e] & 1) && ds.offset_m <= p.rs.offset_m)
        best = std::min(best, double(p.rs.offset_m - ds.offset_m));
      if ((f.dir[e] & 2) && ds.offset_m >= p.rs.offset_m)
        best = std::min(best, double(ds.offset_m - p.rs.offset_m));
    }
    const double total = best + ds.access_m;
    if (std::fabs(total - R) < 0.05)
      out.borderline.push_back(i);
    else if (total <= R)
      out.covered.push_back(i);
  }
  return out;
}

void check_against_independent(const CityNetwork& city, const RideNetwork& ride,
                               const PointSet& demand, const std::vector<Vec2>& sites,
                               const RiderParams& prm, size_t& compared_covered) {
  const Forward f = forward_graph(ride);
  RiderReach reach(city, ride, demand, prm, SnapOptions{});
  auto sc = reach.scratch();
  for (size_t s = 0; s < sites.size(); ++s) {
    INFO("station " << s << " at " << sites[s].x << ", " << sites[s].y);
    std::vector<uint32_t> got = reach.cover(sites[s], sc);
    const Expected want = independent_cover(city, ride, f, demand, sites[s], prm);
    // Borderline points (within 5 cm of the budget) are left out of the comparison.
    std::vector<uint32_t> got_clear;
    for (uint32_t d : got)
      if (!std::binary_search(want.borderline.begin(), want.borderline.end(), d))
        got_clear.push_back(d);
    CHECK(got_clear == want.covered);
    CHECK(want.borderline.size() <= 1);
    compared_covered += want.covered.size();
  }
}

// Reached node set: nodes from which a rider reaches a parking spot within the budget, from the
// engine's reversed search, against one forward search per node.
void check_reached_nodes(const CityNetwork& city, const RideNetwork& ride, Vec2 site,
                         const RiderParams& prm, size_t& compared) {
  const Forward f = forward_graph(ride);
  const Parking p = brute_parking(city, ride, site, prm.park_walk_m);
  std::vector<std::pair<NodeId, float>> seeds;
  for (NodeId u : p.nodes) seeds.push_back({u, 0.0f});
  if (p.spot) {
    if (f.dir[p.rs.edge] & 1) seeds.push_back({p.rs.tail, p.rs.offset_m});
    if (f.dir[p.rs.edge] & 2) seeds.push_back({p.rs.head, p.rs.edge_length_m - p.rs.offset_m});
  }
  const double R = prm.ride_m();
  RideSearch rs(ride.graph);
  rs.run(seeds, static_cast<float>(R));
  std::vector<NodeId> got = rs.settled();
  std::sort(got.begin(), got.end());
  std::vector<NodeId> want;
  size_t borderline = 0;
  const WalkGraph& g = ride.graph.base;
  for (NodeId u = 0; u < g.node_count(); ++u) {
    const Vec2 q = g.node_xy(u);
    if (std::hypot(q.x - site.x, q.y - site.y) > R + prm.park_walk_m + 10) continue;
    const double d = to_parking(f, p, dijkstra(f, {{u, 0.0}}, R + 1));
    if (std::fabs(d - R) < 0.05) {
      ++borderline;
      got.erase(std::remove(got.begin(), got.end(), u), got.end());
    } else if (d <= R) {
      want.push_back(u);
    }
  }
  CHECK(got == want);
  CHECK(borderline <= 1);
  compared += want.size();
}

}  // namespace

// Main street y=0: A (0..1000) two-way, B (1000..2000) one-way EAST; a loop back through C
// (x=2000, down to y=-100, two-way), D (y=-100, one-way WEST from 2000 to 1000) and E (x=1000,
// two-way). F (x=1000, y 0..300) is a footway: walked, never ridden. Demand sits 5 m off.
TEST_CASE("rider reach on a hand-built network with one-way streets", "[rider]") {
  RoadLines L = test::tiny_lines(std::vector<test::TinyLine>{});
  L.add_line({{0, 0}, {1000, 0}}, RoadClass::residential, true, 1, kRideBoth);
  L.add_line({{1000, 0}, {2000, 0}}, RoadClass::residential, true, 2, kRideForward);
  L.add_line({{2000, 0}, {2000, -100}}, RoadClass::residential, true, 3, kRideBoth);
  L.add_line({{2000, -100}, {1000, -100}}, RoadClass::residential, true, 4, kRideForward);
  L.add_line({{1000, -100}, {1000, 0}}, RoadClass::residential, true, 5, kRideBoth);
  L.add_line({{1000, 0}, {1000, 300}}, RoadClass::footway, true, 6, kRideNone);
  const CityNetwork city = city_from_lines(L);
  const RideNetwork ride = build_ride_network(city.lines, profile());
  REQUIRE(ride.graph.base.node_count() == 5);  // the footway's end is no riding node
  REQUIRE(ride.graph.base.edge_count() == 5);
  CHECK(ride.one_way_edges == 2);
  const PointSet demand = points({{300, 5},       // 0: on A
                                  {1980, 5},      // 1: on B near its end: round the loop
                                  {1500, -95},    // 2: on D, westbound towards E
                                  {1200, 5},      // 3: on B, cannot ride back west
                                  {1800, 5},      // 4: on B, the loop is too long
                                  {1005, 290}});  // 5: by the footway, 290 m from any riding way
  const RiderParams p;                            // 5 min at 15 km/h = 1250 m, park walk 100 m
  REQUIRE(p.ride_m() == Approx(1250));
  using V = std::vector<uint32_t>;
  // S1 10 m off the footway, 20 m up: parks at the junction (walk 30 m). d1: 20 + 100 + 1000 +
  // 100 = 1220 + 5 off-street; d2: 500 + 100 + 5; d3: 800 + 1200 round the loop: too far.
  CHECK(covered_by(city, ride, demand, {1010, 20}, p) == V{0, 1, 2});
  // On the footway 90 m up: the junction is a 90 m walk: the same.
  CHECK(covered_by(city, ride, demand, {1000, 90}, p) == V{0, 1, 2});
  // 160 m up the footway: no riding way within a 100 m walk.
  CHECK(covered_by(city, ride, demand, {1000, 160}, p).empty());
  // Beside A halfway: parks on A itself. d0 rides 200 m along A; d2 600 + 500.
  CHECK(covered_by(city, ride, demand, {500, -10}, p) == V{0, 2});
  // Beside the one-way B at x=1500: reached only from the west along B. d3 rides 300 m along
  // it; d0 700 + 500 (+5); d2 500 + 100 + 500; d1 and d4 are past the spot on a one-way street.
  CHECK(covered_by(city, ride, demand, {1500, -10}, p) == V{0, 2, 3});
  // A shorter ride (4.8 min = 1200 m) loses d1 (1225 m).
  RiderParams shorter = p;
  shorter.minutes = 4.8;
  CHECK(covered_by(city, ride, demand, {1010, 20}, shorter) == V{0, 2});
  // Park walk 0: the station must stand on the riding network's nearest point itself.
  RiderParams no_walk = p;
  no_walk.park_walk_m = 0;
  CHECK(covered_by(city, ride, demand, {500, -10}, no_walk).empty());
  CHECK(covered_by(city, ride, demand, {500, 0}, no_walk) == V{0, 2});
  size_t n = 0;
  check_against_independent(city, ride, demand,
                            {{1010, 20}, {1000, 90}, {1000, 160}, {500, -10}, {1500, -10}}, p, n);
  CHECK(n == 3 + 3 + 0 + 2 + 3);
}

TEST_CASE("rider reach in a run: totals weighted by the rider component", "[rider]") {
  RoadLines L = test::tiny_lines(std::vector<test::TinyLine>{});
  L.add_line({{0, 0}, {1000, 0}}, RoadClass::residential, true, 1, kRideBoth);
  L.add_line({{1000, 0}, {2000, 0}}, RoadClass::residential, true, 2, kRideForward);
  const CityNetwork city = city_from_lines(L);
  const RideNetwork ride = build_ride_network(city.lines, profile());
  PointSet demand = points({{300, 5}, {1500, 5}, {900, 5}});
  // As `yizhan demand` writes it: per-component columns and the main component.
  demand.attr_names = {"riders", "sanitation", "component"};
  demand.attr_values = {{"2", "1", "riders"}, {"4", "0", "riders"}, {"0", "3", "sanitation"}};
  demand.weight = {3, 4, 3};
  PointSet sites = points({{1000, 20}, {1000, 30}});
  RiderParams p;
  const RiderStudy st = run_rider_reach(city, ride, sites, demand, p, SnapOptions{});
  CHECK(st.total == Approx(6));    // riders only
  CHECK(st.covered == Approx(2));  // d1 is on the one-way street past the stations
  CHECK(st.twice == Approx(2));
  CHECK(st.count == std::vector<uint16_t>{2, 0, 2});
  CHECK(st.station_weight(0) == Approx(2));
  p.demand = "riders,sanitation";
  CHECK(run_rider_reach(city, ride, sites, demand, p, SnapOptions{}).covered == Approx(6));
  p.demand = "all";
  CHECK(run_rider_reach(city, ride, sites, demand, p, SnapOptions{}).total == Approx(10));
  p.demand = "couriers";
  CHECK_THROWS_AS(run_rider_reach(city, ride, sites, demand, p, SnapOptions{}), InputError);
  // A demand without component columns counts whole under the default, with a note.
  const PointSet plain = points({{300, 5}, {1500, 5}});
  const RiderDemand rd = rider_demand(plain, "riders");
  CHECK(rd.weight == std::vector<double>{1, 1});
  CHECK(!rd.note.empty());
  CHECK_THROWS_AS(rider_demand(plain, "couriers"), InputError);
  // Parameters out of range name their key.
  RiderParams bad;
  bad.speed_kmh = 0;
  CHECK_THROWS_AS(bad.validate(), ParamError);
}

TEST_CASE("rider reach against an independent forward Dijkstra on random one-way grids",
          "[rider]") {
  std::mt19937 rng(20261203);
  size_t compared = 0, nodes = 0;
  for (int trial = 0; trial < 6; ++trial) {
    RoadLines L = test::tiny_lines(std::vector<test::TinyLine>{});
    const int n = 9;
    const double step = 120 + 20 * trial;
    int64_t id = 1;
    std::uniform_int_distribution<int> dirs(0, 5);
    for (int j = 0; j < n; ++j)
      for (int i = 0; i + 1 < n; ++i)
        for (int k = 0; k < 2; ++k) {  // horizontal, vertical
          const Vec2 a = k ? Vec2{j * step, i * step} : Vec2{i * step, j * step};
          const Vec2 b = k ? Vec2{j * step, (i + 1) * step} : Vec2{(i + 1) * step, j * step};
          const int r = dirs(rng);  // half two-way, the rest one-way either way or closed
          const uint8_t d = r < 3    ? kRideBoth
                            : r == 3 ? kRideForward
                            : r == 4 ? kRideBackward
                                     : kRideNone;
          L.add_line({a, b}, RoadClass::residential, true, id++, d);
        }
    const CityNetwork city = city_from_lines(L);
    const RideNetwork ride = build_ride_network(city.lines, profile());
    std::uniform_real_distribution<double> xy(-30, (n - 1) * step + 30);
    std::vector<Vec2> dem, st;
    for (int i = 0; i < 300; ++i) dem.push_back({xy(rng), xy(rng)});
    for (int i = 0; i < 8; ++i) st.push_back({xy(rng), xy(rng)});
    RiderParams p;
    p.minutes = 2 + trial % 3;  // 500 to 1000 m: some reach, some do not
    p.park_walk_m = 60 + 30 * (trial % 3);
    check_against_independent(city, ride, points(dem), st, p, compared);
    for (Vec2 s : st) check_reached_nodes(city, ride, s, p, nodes);
  }
  CHECK(compared > 200);  // the comparison covered real work
  CHECK(nodes > 100);
}

TEST_CASE("rider reach on the Shenzhen Nanshan extract against an independent Dijkstra",
          "[rider][extract]") {
  const std::string path = test::require_file(test::data_dir() + "/osm/cn_shenzhen_nanshan.osm",
                                              "the shared Shenzhen Nanshan extract");
  const CityNetwork city = open_city(path, TagProfile::load_default());
  const RideNetwork ride = build_ride_network(city.lines, profile());
  CHECK(city.lines.report.rideable > 0);
  CHECK(city.lines.report.ride_one_way > 0);  // the extract tags one-way streets
  CHECK(ride.one_way_edges > 0);
  // Every footway or step the riding graph holds carries bicycle=yes/designated in the file; the
  // ride graph is smaller than the walk graph.
  CHECK(ride.graph.base.total_length_m() < city.graph.total_length_m());
  const PointSet demand = street_length_demand(city);
  REQUIRE(demand.size() > 500);
  // Stations at riding nodes spread over the map, and points beside streets.
  std::vector<Vec2> sites;
  const WalkGraph& g = ride.graph.base;
  for (NodeId u = 0; u < g.node_count(); u += g.node_count() / 5) {
    const Vec2 q = g.node_xy(u);
    sites.push_back(q);
    sites.push_back({q.x + 40, q.y + 25});
  }
  RiderParams p;
  size_t compared = 0, nodes = 0;
  check_against_independent(city, ride, demand, sites, p, compared);
  for (size_t i = 0; i < sites.size(); i += 3) check_reached_nodes(city, ride, sites[i], p, nodes);
  CHECK(compared > 100);
  CHECK(nodes > 50);
}
