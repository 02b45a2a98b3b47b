// A session whose map file was swapped for another place's map: `yizhan gui --session` refuses it
// (exit 2, the session and the map named), and a map holding only some of the stations opens with
// a notice (the engine side: tests/engine/session/session_file_test.cpp).
#include <catch2/catch.hpp>

#include <filesystem>

#include "engine/session/session.hpp"
#include "support/gui_shot.hpp"
#include "support/osm_xml.hpp"
#include "support/test_data.hpp"

using namespace yz;
namespace fs = std::filesystem;

namespace {

std::string grid_osm(const std::string& path, double lon0, double lat0, int n, double step_m) {
  test::OsmXml osm;
  auto lon = [&](double dx) { return lon0 + dx / (111320.0 * std::cos(lat0 * test::kDeg)); };
  auto lat = [&](double dy) { return lat0 + dy / 110574.0; };
  auto nid = [&](int i, int j) { return static_cast<int64_t>(1 + i * (n + 1) + j); };
  for (int i = 0; i <= n; ++i)
    for (int j = 0; j <= n; ++j) osm.node(nid(i, j), lon(step_m * i), lat(step_m * j));
  int64_t wid = 1;
  for (int i = 0; i <= n; ++i) {
    std::vector<int64_t> row, col;
    for (int j = 0; j <= n; ++j) row.push_back(nid(j, i)), col.push_back(nid(i, j));
    osm.way(wid++, row, {{"highway", "residential"}});
    osm.way(wid++, col, {{"highway", "residential"}});
  }
  return osm.write(path);
}

}  // namespace

TEST_CASE("gui --session whose map was replaced by another city's: exit 2 naming both", "[app]") {
  const std::string dir = test::temp_dir() + "/swapped";
  fs::create_directories(dir);
  const std::string map = dir + "/city.osm", session = dir + "/plan.gpkg";
  grid_osm(map, 114.30, 30.60, 4, 500);  // Wuhan
  MapSource src;
  src.path = map;
  Session s = new_session(src, CoverageParams{}, "plan");
  PlanStation p;
  p.name = "驿站";
  p.xy = s.workspace().city().bounds().centre();
  s.add_station(p, "add");
  write_session_file(session, s.snapshot());
  grid_osm(map, 11.56, 48.13, 4, 250);  // Munich, same file name
  test::Shot sh = test::gui_shot("--session " + session, "swapped");
  INFO(sh.output);
  CHECK(sh.rc == 2);
  CHECK_THAT(sh.output, Catch::Contains("plan.gpkg") && Catch::Contains("city.osm") &&
                            Catch::Contains("none of its 1 station lies on the map"));
}
