// Issue 10: stations copied from Amap (GCJ-02) but read as WGS-84 land ~550 m off without a word.
// The app now runs the engine's shift check on every point layer it opens (the same reading as the
// command line: engine/inputs/point_layer) and, when another datum fits the streets far better,
// says so with the figures and offers to read the file again that way. Input: street points of a
// real Chinese extract, written as a CSV shifted to GCJ-02 with the project's converter (itself
// checked against the published formula in web_shift_check_test). Truth: the original positions.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "engine/geo/china_coords.hpp"
#include "engine/map/tag_profile.hpp"
#include "engine/network/city_network.hpp"
#include "support/gui_shot.hpp"
#include "support/test_data.hpp"

namespace {

using namespace yz;

struct Case {
  std::string map, amap_csv, wgs_csv;
  std::vector<Vec2> truth_xy;  // map metres, as the app reports stations
};

const Case& the_case() {
  static const Case c = [] {
    Case c;
    const std::string dir = test::require_data_dir();
    c.map = test::require_file(dir + "/osm/cn_nanjing_xinjiekou.osm", "Chinese extract");
    const CityNetwork city = open_city(c.map, TagProfile::load_default());
    // Every 97th street vertex, 3 m off the street (a station beside it).
    std::vector<Vec2> lonlat;
    const auto& geom = city.graph.geom;
    for (size_t i = 0; lonlat.size() < 10 && i < geom.size(); i += 97)
      lonlat.push_back(city.projection().to_lonlat(geom[i] + Vec2{1.8, 2.4}));
    c.amap_csv = test::temp_dir() + "/amap_stations.csv";
    c.wgs_csv = test::temp_dir() + "/wgs_stations.csv";
    std::ofstream amap(c.amap_csv), wgs(c.wgs_csv);
    amap << "id,name,lon,lat\n";
    wgs << "id,name,lon,lat\n";
    for (size_t i = 0; i < lonlat.size(); ++i) {
      char row[160];
      const Vec2 g = from_wgs84(lonlat[i], WebDatum::gcj02);
      std::snprintf(row, sizeof row, "s%zu,站点%zu,%.9f,%.9f\n", i, i, g.x, g.y);
      amap << row;
      std::snprintf(row, sizeof row, "s%zu,站点%zu,%.9f,%.9f\n", i, i, lonlat[i].x, lonlat[i].y);
      wgs << row;
      c.truth_xy.push_back(city.projection().to_metric(lonlat[i]));
    }
    return c;
  }();
  return c;
}

test::Shot run_app(const std::string& csv, const std::string& name, const std::string& steps = "") {
  std::string a = "--map " + the_case().map + " --stations " + csv + " --stations-crs wgs84";
  if (!steps.empty()) {
    const std::string path = test::temp_dir() + "/" + name + ".steps";
    std::ofstream(path) << steps;
    a += " --input-script " + path;
  }
  test::Shot sh = test::gui_shot(a + " --frames 2", name);
  INFO(sh.output);
  REQUIRE(sh.rc == 0);
  return sh;
}

bool offered(const test::Shot& sh) {
  return sh.report["windows"].contains("layer_shift");
}

double worst_offset(const test::Shot& sh) {
  const auto& xy = sh.report["station_xy"];
  REQUIRE(xy.size() == the_case().truth_xy.size());
  double worst = 0;
  for (size_t i = 0; i < xy.size(); ++i)
    worst = std::max(worst, distance(Vec2{xy[i][0], xy[i][1]}, the_case().truth_xy[i]));
  return worst;
}

}  // namespace

TEST_CASE("Amap points read as WGS-84: the app says so and reads them again as GCJ-02",
          "[app][crs][shift][data]") {
  const test::Shot first = run_app(the_case().amap_csv, "shift_offer");
  REQUIRE(offered(first));
  CHECK(worst_offset(first) > 300);  // the failure: read as given, every station is off
  bool told = false;
  for (const auto& n : first.report["notices"])
    told |= n["text"].get<std::string>().find("GCJ-02") != std::string::npos;
  CHECK(told);

  // The planner takes the offer: the stations land where they are.
  const auto r = first.report["items"]["shift_reread"];
  const std::string click =
      "click " + std::to_string(static_cast<int>(r[0].get<double>() + r[2].get<double>() / 2)) +
      " " + std::to_string(static_cast<int>(r[1].get<double>() + r[3].get<double>() / 2)) +
      "\nwait 20\n";
  const test::Shot again = run_app(the_case().amap_csv, "shift_reread", click);
  CHECK_FALSE(offered(again));
  CHECK(worst_offset(again) < 0.05);
}

TEST_CASE("true WGS-84 points: no offer", "[app][crs][shift][data]") {
  const test::Shot sh = run_app(the_case().wgs_csv, "shift_none");
  CHECK_FALSE(offered(sh));
  CHECK(worst_offset(sh) < 0.05);
}
