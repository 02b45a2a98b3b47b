// One station file, every command: coverage, suggest, review, export and sites keep the same nine
// stations whatever their attribute text (review used to drop four for their area), and read
// the same amenities. And absurd numbers: every numeric option outside its documented range
// exits 2 naming the option (the engine names the parameter, the CLI prints its flag); absurd
// demand weights exit 2 naming the file and row instead of printing "inf workers".
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "support/osm_xml.hpp"
#include "support/test_data.hpp"

using namespace yz::test;

namespace {

constexpr double kLon0 = 114.30, kLat0 = 30.60;
double lon_at(double dx) {
  return kLon0 + dx / (111320.0 * std::cos(kLat0 * kDeg));
}
double lat_at(double dy) {
  return kLat0 + dy / 110574.0;
}

// A 1 km street grid (200 m blocks) in Wuhan.
const std::string& grid_map() {
  static const std::string path = [] {
    OsmXml osm;
    auto nid = [](int i, int j) { return static_cast<int64_t>(1 + i * 6 + j); };
    for (int i = 0; i <= 5; ++i)
      for (int j = 0; j <= 5; ++j) osm.node(nid(i, j), lon_at(200.0 * i), lat_at(200.0 * j));
    int64_t wid = 1;
    for (int i = 0; i <= 5; ++i) {
      std::vector<int64_t> row, col;
      for (int j = 0; j <= 5; ++j) row.push_back(nid(j, i)), col.push_back(nid(i, j));
      osm.way(wid++, row, {{"highway", "residential"}});
      osm.way(wid++, col, {{"highway", "residential"}});
    }
    return osm.write(temp_dir() + "/grid.osm");
  }();
  return path;
}

std::string write_text(const std::string& name, const std::string& text) {
  const std::string p = temp_dir() + "/" + name;
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

// Nine stations on the grid's streets with the area and amenity text planners write. Amenities
// a full station lacks (of the standard's nine), worked out by hand from each row's list.
struct Row {
  const char* area;
  const char* amenities;
  const char* missing;  // review's missing_amenities (default --wanted)
};
const Row kRows[9] = {
    {"20㎡", "充电、热水", "toilet;seats;climate;first_aid;microwave;reading"},
    {"约20平米", "饮用水，空调",
     "toilet;seats;first_aid;microwave;phone_charging;ebike_charging;reading"},
    {"15平", "暖气;药箱", "water;toilet;seats;microwave;phone_charging;ebike_charging;reading"},
    {"20平方米", "WiFi 雨具",
     "water;toilet;seats;climate;first_aid;microwave;phone_charging;ebike_charging;reading"},
    {"二十", "维修工具/无线网络",
     "water;toilet;seats;climate;first_aid;microwave;phone_charging;ebike_charging;reading"},
    {"4", "手机充电", "water;toilet;seats;climate;first_aid;microwave;ebike_charging;reading"},
    {"大约一间房", "厕所、座椅、阅读",
     "water;climate;first_aid;microwave;phone_charging;ebike_charging"},
    {"20 m²", "",
     "water;toilet;seats;climate;first_aid;microwave;phone_charging;ebike_charging;reading"},
    {"二十五平米", "饮水、厕所、座椅、空调、药箱、微波炉、充电、阅读", ""}};

std::string stations_csv() {
  std::string s = "id,name,lon,lat,面积,设施,容量\n";
  for (int i = 0; i < 9; ++i) {
    char buf[160];
    // On the streets x = 200 (i < 5) and y = 600 (the rest), 100 m apart.
    const double x = i < 5 ? 200 : 100.0 * (i - 3), y = i < 5 ? 100.0 * (i + 1) : 600;
    std::snprintf(buf, sizeof buf, "S%d,站%d,%.7f,%.7f,", i + 1, i + 1, lon_at(x), lat_at(y));
    s += buf + std::string(kRows[i].area) + "," + kRows[i].amenities + ",\n";
  }
  return write_text("nine.csv", s);
}

std::string candidates_csv() {
  std::string s = "id,name,lon,lat,cost\n";
  for (int i = 0; i < 4; ++i) {
    char buf[120];
    std::snprintf(buf, sizeof buf, "C%d,候选%d,%.7f,%.7f,1\n", i + 1, i + 1, lon_at(800),
                  lat_at(200.0 * (i + 1)));
    s += buf;
  }
  return write_text("cand.csv", s);
}

std::string run_ok(const std::string& args) {
  std::string out;
  const int rc = run_command("timeout 300 " + cli_exe() + " " + args, out);
  INFO("yizhan " << args << "\n" << out);
  REQUIRE(rc == 0);
  return out;
}

nlohmann::json json_of(const std::string& out) {
  return nlohmann::json::parse(out.substr(out.find('{')));
}

// Values of a text field of one layer of a GeoPackage.
std::vector<std::string> layer_values(const std::string& path, const char* layer,
                                      const char* field) {
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  OGRLayer* l = ds->GetLayerByName(layer);
  REQUIRE(l);
  std::vector<std::string> v;
  for (auto& f : *l) v.push_back(f->GetFieldAsString(field));
  return v;
}

std::set<std::string> all_ids() {
  std::set<std::string> s;
  for (int i = 1; i <= 9; ++i) s.insert("S" + std::to_string(i));
  return s;
}

std::string expect_exit2(const std::string& args, const std::vector<std::string>& needles) {
  std::string out;
  const int rc = run_command("timeout 300 " + cli_exe() + " " + args, out);
  INFO("yizhan " << args << "\n" << out);
  CHECK(rc == 2);
  for (const auto& n : needles) CHECK_THAT(out, Catch::Contains(n));
  CHECK_THAT(out, !Catch::Contains("internal error"));
  CHECK_THAT(out, !Catch::Contains("ERROR 1"));  // no raw GDAL line
  return out;
}

}  // namespace

TEST_CASE("one station file: every command keeps the same nine stations and amenities",
          "[cli][attributes]") {
  const std::string map = grid_map(), st = stations_csv(), cand = candidates_csv();
  const std::string dir = temp_dir();
  const std::string m = "--map " + map + " ";

  // coverage: the sites layer holds all nine.
  const std::string cov =
      run_ok("coverage " + m + "--sites " + st + " --no-areas --out " + dir + "/cov.gpkg");
  CHECK_THAT(cov, Catch::Contains("read 9 sites, kept 9, dropped 0"));
  const auto cov_ids = layer_values(dir + "/cov.gpkg", "sites", "site_id");
  CHECK(std::set<std::string>(cov_ids.begin(), cov_ids.end()) == all_ids());

  // review: nine stations ranked, each missing exactly what its list lacks.
  const auto rev = json_of(run_ok("review " + m + "--stations " + st + " --json"));
  std::map<std::string, std::string> missing;
  for (const auto& u : rev["upgrade_priority"]) missing[u["id"]] = u["missing_amenities"];
  std::set<std::string> rev_ids;
  for (const auto& c : rev["least_useful"]) rev_ids.insert(c["id"].get<std::string>());
  CHECK(rev_ids == all_ids());
  REQUIRE(missing.size() == 9);
  for (int i = 0; i < 9; ++i) {
    INFO("station S" << i + 1 << " amenities '" << kRows[i].amenities << "'");
    CHECK(missing["S" + std::to_string(i + 1)] == kRows[i].missing);
  }
  // Row 7's area is not understood: the station stays, the note names the row.
  std::string notes;
  for (const auto& in : rev["inputs"])
    for (const auto& n : in["notes"]) notes += n.get<std::string>() + "\n";
  CHECK_THAT(notes, Catch::Contains("row 7 (id S7): area '大约一间房'"));

  // suggest: the nine are the existing stations, with the same missing counts.
  const auto sug = json_of(run_ok("suggest " + m + "--stations " + st + " --candidates " + cand +
                                  " --k 1 --json --out " + dir + "/plan.gpkg"));
  std::set<std::string> sug_ids;
  for (const auto& u : sug["upgrade_priority"]) {
    const std::string id = u["id"];
    sug_ids.insert(id);
    const std::string want = missing[id];
    const int n =
        want.empty() ? 0 : 1 + static_cast<int>(std::count(want.begin(), want.end(), ';'));
    CHECK(u["missing"].get<int>() == n);
  }
  CHECK(sug_ids == all_ids());

  // export: the stations layer of the hand-over holds the nine.
  const std::string exp =
      run_ok("export " + m + "--stations " + st + " --formats gpkg --out-dir " + dir + "/exp");
  CHECK_THAT(exp, Catch::Contains("读取 9 个站点，保留 9 个，舍弃 0 个"));  // --lang zh, the default
  const auto plan_site = layer_values(dir + "/exp/plan.gpkg", "stations", "site_id");
  CHECK(std::set<std::string>(plan_site.begin(), plan_site.end()) == all_ids());

  // sites: the stations (for --min-distance-m) are read the same way.
  const std::string sit = run_ok("sites " + m + "--stations " + st + " --min-distance-m 50 " +
                                 "--grid-m 200 --out " + dir + "/sites.gpkg");
  CHECK_THAT(sit, Catch::Contains("read 9 stations, kept 9, dropped 0"));
}

TEST_CASE("numeric options outside their range: exit 2 naming the option", "[cli][ranges]") {
  const std::string map = grid_map(), st = stations_csv(), cand = candidates_csv();
  const std::string dir = temp_dir();
  const std::string cov = "coverage --map " + map + " --sites " + st + " --out " + dir + "/c.gpkg ";
  for (const char* v : {"1e12", "nan", "-1", "241"})
    expect_exit2(cov + "--minutes " + v, {"--minutes"});
  for (const char* v : {"1e12", "nan", "0"}) expect_exit2(cov + "--radius-m " + v, {"--radius-m"});
  for (const char* v : {"-1", "nan"}) expect_exit2(cov + "--island-m " + v, {"--island-m"});
  for (const char* v : {"0", "nan", "1e9"})
    expect_exit2(cov + "--max-snap-m " + v, {"--max-snap-m"});
  expect_exit2(cov + "--speed-kmh inf", {"--speed-kmh"});
  for (const char* v : {"0", "-1", "nan", "1e9"})
    expect_exit2(cov + "--area-half-width-m " + v, {"--area-half-width-m"});

  const std::string dem = "demand --map " + map + " --out " + dir + "/d.gpkg ";
  for (const char* v : {"1e12", "nan", "0.5"}) expect_exit2(dem + "--cell-m " + v, {"--cell-m"});
  expect_exit2(dem + "--max-snap-m 0", {"--max-snap-m"});
  expect_exit2(dem + "--weight riders=1e308", {"--weight"});

  const std::string sites = "sites --map " + map + " --grid-m 200 --out " + dir + "/s.gpkg ";
  expect_exit2(sites + "--merge-m nan", {"--merge-m"});
  expect_exit2(sites + "--merge-m -1", {"--merge-m"});
  expect_exit2(sites + "--same-name-m 1e12", {"--same-name-m"});
  expect_exit2(sites + "--stations " + st + " --min-distance-m nan", {"--min-distance-m"});
  expect_exit2(sites + "--max-snap-m 0", {"--max-snap-m"});
  expect_exit2("sites --map " + map + " --grid-m 1e12 --out " + dir + "/s.gpkg", {"--grid-m"});
  expect_exit2("sites --map " + map + " --grid-m nan --out " + dir + "/s.gpkg", {"--grid-m"});

  const std::string sug =
      "suggest --map " + map + " --candidates " + cand + " --out " + dir + "/p.gpkg ";
  expect_exit2(sug + "--k -1", {"--k", "-1"});
  expect_exit2(sug + "--k 0", {"--k", "0"});
  expect_exit2(sug + "--budget -5", {"--budget", "-5"});
  expect_exit2(sug + "--budget nan", {"--budget"});
  expect_exit2(sug + "--k 1 --time-limit -1", {"--time-limit"});
  expect_exit2(sug + "--k 1 --spacing-m nan", {"--spacing-m"});
  expect_exit2(sug + "--k 1 --spacing-walk-m 1e12", {"--spacing-walk-m"});
  expect_exit2(sug + "--k 1 --radius-m 1e12", {"--radius-m"});

  expect_exit2("review --map " + map + " --stations " + st + " --spacing-m -1", {"--spacing-m"});

  const std::string exp = "export --demo --out-dir " + dir + "/e ";
  expect_exit2(exp + "--cell-m 1e12", {"--cell-m"});
  expect_exit2(exp + "--max-minutes 1e9", {"--max-minutes"});
  expect_exit2(exp + "--dpi nan", {"--dpi"});
  expect_exit2(exp + "--gap-m 0", {"--gap-m"});
  expect_exit2(exp + "--png-size 10x10", {"--png-size"});
  expect_exit2(exp + "--area-half-width-m nan", {"--area-half-width-m"});
  expect_exit2(exp + "--k -1", {"--k", "-1"});
  expect_exit2(exp + "--time-limit nan", {"--time-limit"});

  expect_exit2("demo --minutes 1e9", {"--minutes"});
  expect_exit2("gui --suggest-k -1", {"--suggest-k"});
}

TEST_CASE("absurd demand weights: exit 2 naming the file and row", "[cli][ranges]") {
  const std::string map = grid_map(), st = stations_csv(), cand = candidates_csv();
  const std::string dir = temp_dir();
  char buf[200];
  std::snprintf(buf, sizeof buf, "id,lon,lat,weight\nd1,%.7f,%.7f,5\nd2,%.7f,%.7f,1e308\n",
                lon_at(300), lat_at(300), lon_at(500), lat_at(500));
  const std::string huge = write_text("huge.csv", buf);
  // Each weight within bounds, the sum beyond: 1001 points of 1e9 workers.
  std::string many = "id,lon,lat,weight\n";
  for (int i = 0; i < 1001; ++i) {
    std::snprintf(buf, sizeof buf, "m%d,%.7f,%.7f,1e9\n", i, lon_at(300 + (i % 30) * 10),
                  lat_at(300 + (i / 30) * 10));
    many += buf;
  }
  const std::string total = write_text("total.csv", many);

  const std::string out = expect_exit2("coverage --map " + map + " --sites " + st + " --demand " +
                                           huge + " --out " + dir + "/c.gpkg",
                                       {"huge.csv", "row 2 (id d2)", "1e308"});
  CHECK_THAT(out, !Catch::Contains("inf"));
  expect_exit2("suggest --map " + map + " --candidates " + cand + " --demand " + huge +
                   " --k 1 --out " + dir + "/p.gpkg",
               {"huge.csv", "row 2"});
  expect_exit2("coverage --map " + map + " --sites " + st + " --demand " + total + " --out " + dir +
                   "/c.gpkg",
               {"total.csv", "add up to"});
  // The planner's counts for `yizhan demand`.
  expect_exit2("demand --map " + map + " --layer " + huge + " --cell-m 0 --out " + dir + "/d.gpkg",
               {"huge.csv", "row 2"});
}
