// Shifted coordinates are spotted on real Chinese extracts: points taken from the street network
// (a few metres off it, as stations are), moved into GCJ-02 / BD-09 by the published formulas
// written out here (independent of engine/geo/china_coords), are recognised when read as WGS-84;
// true WGS-84 points wrongly read as GCJ-02 are recognised too; correct readings raise nothing.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/inputs/web_shift_check.hpp"
#include "engine/map/tag_profile.hpp"
#include "support/test_data.hpp"

using namespace yz;

namespace {

// The published GCJ-02 obfuscation (Krasovsky ellipsoid, a = 6378245, ee = 0.00669342162296594323).
Vec2 gcj_forward(Vec2 w) {
  const double pi = 3.14159265358979324, a = 6378245.0, ee = 0.00669342162296594323;
  const double x = w.x - 105.0, y = w.y - 35.0;
  double lat =
      -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
  lat += (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
  lat += (20.0 * std::sin(y * pi) + 40.0 * std::sin(y / 3.0 * pi)) * 2.0 / 3.0;
  lat += (160.0 * std::sin(y / 12.0 * pi) + 320 * std::sin(y * pi / 30.0)) * 2.0 / 3.0;
  double lon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
  lon += (20.0 * std::sin(6.0 * x * pi) + 20.0 * std::sin(2.0 * x * pi)) * 2.0 / 3.0;
  lon += (20.0 * std::sin(x * pi) + 40.0 * std::sin(x / 3.0 * pi)) * 2.0 / 3.0;
  lon += (150.0 * std::sin(x / 12.0 * pi) + 300.0 * std::sin(x / 30.0 * pi)) * 2.0 / 3.0;
  const double rad = w.y / 180.0 * pi;
  double magic = std::sin(rad);
  magic = 1 - ee * magic * magic;
  const double sq = std::sqrt(magic);
  const double dlat = (lat * 180.0) / ((a * (1 - ee)) / (magic * sq) * pi);
  const double dlon = (lon * 180.0) / (a / sq * std::cos(rad) * pi);
  return {w.x + dlon, w.y + dlat};
}

// Baidu's published BD-09 step on top of GCJ-02.
Vec2 bd_forward(Vec2 w) {
  const Vec2 g = gcj_forward(w);
  const double xpi = 3.14159265358979324 * 3000.0 / 180.0;
  const double z = std::sqrt(g.x * g.x + g.y * g.y) + 0.00002 * std::sin(g.y * xpi);
  const double t = std::atan2(g.y, g.x) + 0.000003 * std::cos(g.x * xpi);
  return {z * std::cos(t) + 0.0065, z * std::sin(t) + 0.006};
}

// Every 97th street vertex, moved 2-5 m sideways (deterministically), as WGS-84 lon/lat.
std::vector<Vec2> street_points(const CityNetwork& city, size_t n) {
  std::vector<Vec2> out;
  const auto& geom = city.graph.geom;
  for (size_t i = 0; out.size() < n && i < geom.size(); i += 97) {
    const double side = 2.0 + 0.5 * static_cast<double>(i % 7);
    out.push_back(city.projection().to_lonlat(geom[i] + Vec2{side * 0.6, side * 0.8}));
  }
  return out;
}

std::vector<Vec2> map_points(const std::vector<Vec2>& in, Vec2 (*f)(Vec2)) {
  std::vector<Vec2> out;
  for (Vec2 p : in) out.push_back(f(p));
  return out;
}

}  // namespace

TEST_CASE("the test's own GCJ-02/BD-09 formulas agree with the project's converter",
          "[inputs][crs][shift]") {
  for (Vec2 w : {Vec2{118.78, 32.04}, Vec2{114.21, 22.69}, Vec2{117.22, 28.30}}) {
    const Vec2 g = gcj_forward(w), b = bd_forward(w);
    CHECK(g.x == Approx(wgs84_to_gcj02(w).x).margin(1e-9));
    CHECK(g.y == Approx(wgs84_to_gcj02(w).y).margin(1e-9));
    CHECK(b.x == Approx(from_wgs84(w, WebDatum::bd09).x).margin(1e-9));
    CHECK(b.y == Approx(from_wgs84(w, WebDatum::bd09).y).margin(1e-9));
  }
}

TEST_CASE("web-map shifts are detected on real Chinese extracts", "[inputs][crs][shift][data]") {
  const std::string dir = yz::test::require_data_dir();
  for (const char* name :
       {"cn_nanjing_xinjiekou.osm", "cn_shenzhen_nanshan.osm", "cn_guixi_jiangxi.osm"}) {
    INFO(name);
    const CityNetwork city =
        open_city(yz::test::require_file(dir + "/osm/" + name, "Chinese extract"),
                  TagProfile::load_default());
    const std::vector<Vec2> truth = street_points(city, 12);
    REQUIRE(truth.size() == 12);

    SECTION("true WGS-84 read as WGS-84: no warning") {
      const ShiftCheck c = detect_web_shift(truth, WebDatum::wgs84, city, "stations");
      CHECK(c.points == 12);
      REQUIRE(c.readings.size() == 3);
      CHECK(c.reading(WebDatum::wgs84)->median_m < 10);
      CHECK(!c.better);
      CHECK(c.message.empty());
    }
    SECTION("Amap (GCJ-02) points read as WGS-84") {
      const ShiftCheck c =
          detect_web_shift(map_points(truth, gcj_forward), WebDatum::wgs84, city, "stations");
      REQUIRE(c.better);
      CHECK(*c.better == WebDatum::gcj02);
      CHECK(c.reading(WebDatum::gcj02)->median_m < 10);
      CHECK(c.reading(WebDatum::wgs84)->median_m > 3 * c.reading(WebDatum::gcj02)->median_m);
      CHECK(c.message.find("12 stations are") == 0);
      CHECK(c.message.find("if read as GCJ-02 but") != std::string::npos);
      CHECK(c.message.find("Amap") != std::string::npos);
    }
    SECTION("Baidu (BD-09) points read as WGS-84") {
      const ShiftCheck c =
          detect_web_shift(map_points(truth, bd_forward), WebDatum::wgs84, city, "candidates");
      REQUIRE(c.better);
      CHECK(*c.better == WebDatum::bd09);
      CHECK(c.message.find("Baidu") != std::string::npos);
    }
    SECTION("WGS-84 points flagged as GCJ-02 (shifted back wrongly)") {
      // What a reader makes of them: the file's coordinates taken for GCJ-02 and converted.
      const ShiftCheck c =
          detect_web_shift(map_points(truth, gcj02_to_wgs84), WebDatum::gcj02, city, "stations");
      REQUIRE(c.better);
      CHECK(*c.better == WebDatum::wgs84);
      CHECK(c.reading(WebDatum::wgs84)->median_m < 10);
    }
    SECTION("GCJ-02 points flagged as GCJ-02: no warning") {
      const ShiftCheck c = detect_web_shift(truth, WebDatum::gcj02, city, "stations");
      CHECK(!c.better);
      CHECK(c.reading(WebDatum::gcj02)->median_m < 10);
    }
  }
}

TEST_CASE("points outside China or too few are not judged", "[inputs][crs][shift][data]") {
  const std::string dir = yz::test::require_data_dir();
  const CityNetwork city =
      open_city(yz::test::require_file(dir + "/osm/cn_nanjing_xinjiekou.osm", "Nanjing extract"),
                TagProfile::load_default());
  const std::vector<Vec2> truth = street_points(city, 4);  // below the 5 needed
  CHECK(
      detect_web_shift(map_points(truth, gcj_forward), WebDatum::wgs84, city, "stations").points ==
      0);
  CHECK(detect_web_shift({{8.68, 49.41}, {8.69, 49.41}, {8.70, 49.41}}, WebDatum::wgs84, city,
                         "stations")
            .points == 0);
}
