// `yizhan gui FILE` (what the desktop entry runs on a double-click, `Exec=yizhan gui %f`): a
// Yizhan session opens exactly as with --session, a map exactly as with --map; a file given
// together with --session/--map is refused naming it.
#include <catch2/catch.hpp>

#include "engine/coverage/coverage_study.hpp"
#include "engine/session/session.hpp"
#include "support/gui_shot.hpp"
#include "support/osm_xml.hpp"
#include "support/test_data.hpp"

namespace {

using namespace yz;

// What the window shows, without the pixels' positions (the camera depends only on the data).
void check_same(const test::Shot& a, const test::Shot& b) {
  CHECK(a.report["scenarios"] == b.report["scenarios"]);
  CHECK(a.report["scenario"] == b.report["scenario"]);
  CHECK(a.report["stations"] == b.report["stations"]);
  CHECK(a.report["demand_total"] == b.report["demand_total"]);
  CHECK(a.report["percent"] == b.report["percent"]);
  CHECK(a.report["camera"] == b.report["camera"]);
}

}  // namespace

TEST_CASE("a session given as the file opens as the session", "[app]") {
  Session ses = new_session(MapSource{}, CoverageParams{}, "现状");
  ses.add_scenario("少两站", true);
  for (uint32_t k : {1u, 4u}) ses.remove_station(k, "remove");
  const std::string path = test::temp_dir() + "/plan.yizhan.gpkg";
  write_session_file(path, ses.snapshot());

  test::Shot by_file = test::gui_shot(path + " --frames 2", "file_session");
  INFO(by_file.output);
  REQUIRE(by_file.rc == 0);
  CHECK(by_file.report["scenarios"] == 2);
  CHECK(by_file.report["scenario"] == "少两站");
  CHECK(by_file.report["stations"] == 12);
  test::Shot by_option = test::gui_shot("--session " + path + " --frames 2", "option_session");
  REQUIRE(by_option.rc == 0);
  check_same(by_file, by_option);
}

TEST_CASE("an OpenStreetMap file given as the file opens as the map", "[app]") {
  // A 4 x 4 street grid, 200 m apart: no stations, street-length workers.
  test::OsmXml osm;
  const double lon0 = 118.78, lat0 = 32.04, d_lon = 0.00212, d_lat = 0.0018;
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 4; ++c) osm.node(1 + r * 4 + c, lon0 + c * d_lon, lat0 + r * d_lat);
  for (int i = 0; i < 4; ++i) {
    osm.way(100 + i, {1 + i * 4, 2 + i * 4, 3 + i * 4, 4 + i * 4}, {{"highway", "residential"}});
    osm.way(200 + i, {1 + i, 5 + i, 9 + i, 13 + i}, {{"highway", "footway"}});
  }
  const std::string path = osm.write(test::temp_dir() + "/grid.osm");

  test::Shot by_file = test::gui_shot(path + " --frames 2", "file_map");
  INFO(by_file.output);
  REQUIRE(by_file.rc == 0);
  CHECK(by_file.report["stations"] == 0);
  CHECK(by_file.report["demand_total"].get<double>() > 0);
  test::Shot by_option = test::gui_shot("--map " + path + " --frames 2", "option_map");
  REQUIRE(by_option.rc == 0);
  check_same(by_file, by_option);
}

TEST_CASE("a file with --map or --session as well is refused naming the file", "[app]") {
  std::string out;
  const int rc = test::run_command(test::cli_exe() + " gui extra.osm.pbf --map other.osm", out);
  CHECK(rc == 2);
  CHECK_THAT(out, Catch::Contains("extra.osm.pbf") && Catch::Contains("not both"));
}
