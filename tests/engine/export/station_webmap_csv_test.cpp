// Station lists for Chinese web maps: every station's WGS-84, GCJ-02 and BD-09 coordinates as the
// china_coords module gives them, Chinese names intact, BOM on request, no shift outside China.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "engine/export/plan_export.hpp"
#include "engine/export/station_webmap_csv.hpp"
#include "engine/geo/china_coords.hpp"
#include "engine/inputs/demo_city.hpp"
#include "support/test_data.hpp"

using namespace yz;

namespace {
std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> out(1);
  bool q = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (q && c == '"' && i + 1 < line.size() && line[i + 1] == '"')
      out.back() += '"', ++i;
    else if (c == '"')
      q = !q;
    else if (c == ',' && !q)
      out.emplace_back();
    else if (c != '\r')
      out.back() += c;
  }
  return out;
}

std::vector<std::vector<std::string>> read_rows(const std::string& path, bool& bom) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  std::string s = ss.str();
  bom = s.rfind("\xEF\xBB\xBF", 0) == 0;
  if (bom) s = s.substr(3);
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) rows.push_back(split_csv(line));
  return rows;
}

void check_csv(const std::string& path, const CoverageStudy& st, bool want_bom, bool in_china) {
  bool bom = false;
  const auto rows = read_rows(path, bom);
  CHECK(bom == want_bom);
  REQUIRE(rows.size() == st.sites.size() + 1);
  const auto& h = rows[0];
  REQUIRE(h.size() == 13);
  CHECK(h[1] == "name");
  CHECK(h[4] == "lon_wgs84");
  CHECK(h[6] == "lon_gcj02");
  CHECK(h[8] == "lon_bd09");
  for (uint32_t i = 0; i < st.sites.size(); ++i) {
    const auto& r = rows[i + 1];
    REQUIRE(r.size() == 13);
    CHECK(r[0] == st.sites.id[i]);
    CHECK(r[1] == st.sites.name[i]);
    const Vec2 w{std::stod(r[4]), std::stod(r[5])}, g{std::stod(r[6]), std::stod(r[7])},
        b{std::stod(r[8]), std::stod(r[9])};
    CHECK(w.x == Approx(st.sites.lonlat[i].x).margin(1e-7));
    CHECK(w.y == Approx(st.sites.lonlat[i].y).margin(1e-7));
    // Expected: the published chain inside China, unshifted outside (as the web maps do).
    const Vec2 eg = in_china ? wgs84_to_gcj02(st.sites.lonlat[i]) : st.sites.lonlat[i];
    const Vec2 eb = in_china ? gcj02_to_bd09(eg) : st.sites.lonlat[i];
    CHECK(g.x == Approx(eg.x).margin(1e-7));
    CHECK(g.y == Approx(eg.y).margin(1e-7));
    CHECK(b.x == Approx(eb.x).margin(1e-7));
    CHECK(b.y == Approx(eb.y).margin(1e-7));
    // Back to WGS-84 from what a planner reads off Baidu: within a few centimetres.
    const Vec2 back = to_wgs84(b, WebDatum::bd09);
    CHECK(std::fabs(back.x - w.x) < 1e-6);
    CHECK(std::fabs(back.y - w.y) < 1e-6);
    CHECK(r[10] == (in_china ? "no" : "yes"));
    if (in_china) {
      // GCJ-02 is a few hundred metres off WGS-84 in China; BD-09 further still.
      const double dg = std::hypot(g.x - w.x, g.y - w.y), db = std::hypot(b.x - w.x, b.y - w.y);
      CHECK(dg > 1e-3);
      CHECK(dg < 1e-2);
      CHECK(db > dg);
    } else {
      CHECK(g.x == w.x);
      CHECK(g.y == w.y);
      CHECK(b.x == w.x);
      CHECK(b.y == w.y);
    }
  }
}
}  // namespace

TEST_CASE("station web-map CSV in China: three datums, Chinese names, BOM", "[export]") {
  DemoCity demo = generate_demo_city(DemoCitySettings::load_default());
  CityNetwork city = city_from_lines(std::move(demo.lines));
  CoverageStudy st =
      plan_study(city, demo.stations, nullptr, nullptr, demo.demand, false, CoverageParams{});
  const std::string dir = test::temp_dir();
  write_station_webmap_csv(dir + "/a.csv", st, true);
  check_csv(dir + "/a.csv", st, true, true);
  write_station_webmap_csv(dir + "/b.csv", st, false);
  check_csv(dir + "/b.csv", st, false, true);
}

TEST_CASE("station web-map CSV outside China: coordinates unshifted", "[export]") {
  DemoCitySettings s = DemoCitySettings::load_default();
  s.centre_lon = -0.1, s.centre_lat = 51.5;  // London
  DemoCity demo = generate_demo_city(s);
  CityNetwork city = city_from_lines(std::move(demo.lines));
  CoverageStudy st =
      plan_study(city, demo.stations, nullptr, nullptr, demo.demand, false, CoverageParams{});
  const std::string p = test::temp_dir() + "/london.csv";
  write_station_webmap_csv(p, st, false);
  check_csv(p, st, false, false);
}

TEST_CASE("station web-map CSV against published GCJ-02 and BD-09 reference points", "[export]") {
  // Published values (the eviltransform/coordtransform reference implementations):
  //   wgs84_to_gcj02(116.404, 39.915) = (116.41024449916938, 39.91640428150164)
  //   gcj02_to_bd09(116.404, 39.915)  = (116.41036949371029, 39.92133699351021)
  const Vec2 tiananmen{116.404, 39.915};
  const Vec2 gcj_ref{116.41024449916938, 39.91640428150164},
      bd_ref{116.41036949371029, 39.92133699351021};
  CHECK(wgs84_to_gcj02(tiananmen).x == Approx(gcj_ref.x).margin(1e-9));
  CHECK(wgs84_to_gcj02(tiananmen).y == Approx(gcj_ref.y).margin(1e-9));
  CHECK(gcj02_to_bd09(tiananmen).x == Approx(bd_ref.x).margin(1e-9));
  CHECK(gcj02_to_bd09(tiananmen).y == Approx(bd_ref.y).margin(1e-9));
  // Through the CSV: station a stands at WGS-84 (116.404, 39.915); station b where GCJ-02 reads
  // (116.404, 39.915), so its BD-09 columns must show the published BD-09 point.
  DemoCitySettings s = DemoCitySettings::load_default();
  s.centre_lon = 116.404, s.centre_lat = 39.915;  // Beijing
  DemoCity demo = generate_demo_city(s);
  CityNetwork city = city_from_lines(std::move(demo.lines));
  PointSet st;
  st.source = "reference points";
  for (const auto& [id, ll] :
       {std::pair{"a", tiananmen}, std::pair{"b", gcj02_to_wgs84(tiananmen)}})
    st.add(ll, city.projection().to_metric(ll), 1, id, "天安门");
  CoverageStudy study =
      plan_study(city, st, nullptr, nullptr, demo.demand, false, CoverageParams{});
  const std::string p = test::temp_dir() + "/beijing.csv";
  write_station_webmap_csv(p, study, false);
  bool bom = false;
  const auto rows = read_rows(p, bom);
  REQUIRE(rows.size() == 3);
  const auto& a = rows[1];
  const auto& b = rows[2];
  CHECK(std::stod(a[4]) == Approx(tiananmen.x).margin(1e-7));
  CHECK(std::stod(a[6]) == Approx(gcj_ref.x).margin(1.5e-7));  // 7 decimals written
  CHECK(std::stod(a[7]) == Approx(gcj_ref.y).margin(1.5e-7));
  CHECK(std::stod(b[6]) == Approx(tiananmen.x).margin(1.5e-7));
  CHECK(std::stod(b[7]) == Approx(tiananmen.y).margin(1.5e-7));
  CHECK(std::stod(b[8]) == Approx(bd_ref.x).margin(1.5e-7));
  CHECK(std::stod(b[9]) == Approx(bd_ref.y).margin(1.5e-7));
}
