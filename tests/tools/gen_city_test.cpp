// yizhan-gen-city: the same arguments give the same bytes, and the city it writes reads back
// (through the map loader a planner's file takes) as the hand-counted grid: N x N corners, every
// block side one edge, one edge per diagonal path, the motorway not walkable.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

#include "engine/map/map_loader.hpp"
#include "engine/network/city_network.hpp"
#include "support/test_data.hpp"

using namespace yz;
using namespace yz::test;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST_CASE("the synthetic city is reproducible and reads back as the grid it describes",
          "[tools][osm]") {
  const int n = 12;  // corners per side
  const std::string a = temp_dir() + "/city_a.osm.pbf", b = temp_dir() + "/city_b.osm.pbf",
                    st = temp_dir() + "/stations.csv";
  std::string out;
  const std::string exe = YIZHAN_GEN_CITY_EXE;
  REQUIRE(run_command(exe + " " + a + " --grid " + std::to_string(n) +
                          " --stations 25 --stations-csv " + st,
                      out) == 0);
  REQUIRE(run_command(exe + " " + b + " --grid " + std::to_string(n), out) == 0);
  CHECK(slurp(a) == slurp(b));
  const std::string csv = slurp(st);
  CHECK(std::count(csv.begin(), csv.end(), '\n') == 26);  // header + 25 stations

  const RoadLines L = load_map(a, TagProfile::load_default());
  size_t diagonals = 0, motorways = 0;
  for (size_t i = 0; i < L.size(); ++i) {
    diagonals += L.road_class[i] == RoadClass::path;
    motorways += L.road_class[i] == RoadClass::motorway && !L.walkable[i];
  }
  CHECK(motorways == 1);
  // Hand count: corners, 3 nodes inside every block side and every diagonal, the motorway's nodes
  // every 100 m over the grid plus 200 m each end, one restaurant per 3 blocks.
  const uint64_t sides = 2ull * n * (n - 1), blocks = uint64_t(n - 1) * (n - 1);
  const uint64_t motorway_nodes =
      static_cast<uint64_t>(std::ceil(((n - 1) * 80.0 + 400) / 100)) + 1;
  CHECK(L.report.osm_nodes_in_file ==
        uint64_t(n) * n + 3 * sides + 3 * diagonals + motorway_nodes + blocks / 3);
  CHECK(L.report.ways_missing_nodes == 0);
  CHECK(L.size() == 4 * sides + diagonals + 1);  // each block side is 4 ways
  const WalkGraph& g = city_from_lines(L).graph;
  CHECK(g.node_count() == uint64_t(n) * n);
  CHECK(g.edge_count() == sides + diagonals);
  CHECK(g.component_length_m.size() == 1);
  CHECK(g.total_length_m() ==
        Approx(80.0 * sides + 80.0 * std::sqrt(2.0) * diagonals).epsilon(0.01));
}
