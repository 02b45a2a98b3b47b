// yizhan batch: every shared extract as one "province". Each city's figures in the summary equal a
// separate `yizhan coverage` run on that city; a city that fails is listed and the others finish
// (exit 3); a rerun skips cities already done and writes the same summary; a bad manifest is
// exit 2 naming the key.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/test_data.hpp"

using namespace yz::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::string run_yizhan(const std::string& args, int& rc) {
  std::string out;
  rc = run_command("timeout 600 " + cli_exe() + " " + args, out);
  return out;
}

std::string slurp(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The summary CSV as city -> column -> text.
std::map<std::string, std::map<std::string, std::string>> read_summary(const std::string& csv) {
  std::ifstream in(csv);
  std::string line;
  std::getline(in, line);
  if (line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
  auto split = [](const std::string& l) {
    std::vector<std::string> out(1);
    bool q = false;
    for (char c : l) {
      if (c == '"')
        q = !q;
      else if (c == ',' && !q)
        out.emplace_back();
      else if (c != '\r')
        out.back() += c;
    }
    return out;
  };
  const auto head = split(line);
  std::map<std::string, std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    const auto v = split(line);
    for (size_t i = 0; i < head.size() && i < v.size(); ++i) rows[v[0]][head[i]] = v[i];
  }
  return rows;
}

}  // namespace

TEST_CASE("yizhan batch runs every shared extract as one province", "[cli][batch]") {
  require_data_dir();
  const auto maps = osm_extracts();
  REQUIRE(maps.size() >= 2);
  const std::string dir = temp_dir() + "/province";
  fs::create_directories(dir);
  // Stations: free sites every 1.5 km along each map's streets (yizhan sites), as a city's list.
  json cities = json::array();
  for (const auto& m : maps) {
    const std::string name =
        fs::path(m).filename().string().substr(0, fs::path(m).filename().string().find('.'));
    const std::string st = dir + "/" + name + "_stations.gpkg";
    int rc = 0;
    const std::string out = run_yizhan("sites --map " + m + " --grid-m 1500 --out " + st, rc);
    INFO(out);
    REQUIRE(rc == 0);
    cities.push_back({{"name", name}, {"map", m}, {"stations", name + "_stations.gpkg"}});
  }
  // One city whose station list is missing: reported, the others finish.
  cities.push_back({{"name", "缺站点"}, {"map", maps[0]}, {"stations", "missing.csv"}});
  // Suggestions for the first city (its candidates made by the batch).
  cities[0]["suggest"] = {{"k", 2}, {"grid_m", 400}};
  const json manifest = {{"defaults", {{"areas", false}, {"minutes", 15}}}, {"cities", cities}};
  const std::string mpath = dir + "/province.json";
  std::ofstream(mpath) << manifest.dump(2);

  int rc = 0;
  std::string out = run_yizhan("batch " + mpath + " --jobs 2 --lang en", rc);
  INFO(out);
  CHECK(rc == 3);
  CHECK_THAT(out, Catch::Contains("missing.csv") && Catch::Contains("FAILED"));
  const std::string csv = dir + "/province_out/province_summary.csv";
  for (const char* ext : {".csv", ".gpkg", ".xlsx", ".pdf"})
    CHECK(fs::exists(dir + "/province_out/province_summary" + std::string(ext)));
  auto rows = read_summary(csv);
  REQUIRE(rows.size() == maps.size() + 1);
  CHECK(rows["缺站点"]["status"] == "failed");
  CHECK_THAT(rows["缺站点"]["message"], Catch::Contains("missing.csv"));

  // Independent truth: each city's own `yizhan coverage` run (two cities, to keep CI short).
  for (size_t k : {size_t{0}, maps.size() - 1}) {
    const std::string name = cities[k]["name"];
    INFO(name);
    const std::string json_out = run_yizhan("coverage --map " + maps[k] + " --sites " + dir + "/" +
                                                name + "_stations.gpkg --no-areas --json --out " +
                                                dir + "/single_" + name + ".gpkg",
                                            rc);
    REQUIRE(rc == 0);
    const json j = json::parse(json_out.substr(json_out.find('{')));
    auto& r = rows[name];
    CHECK(r["status"] == "ok");
    CHECK(std::stod(r["stations"]) == j["sites"].size());
    CHECK(std::stod(r["workers"]) == Approx(j["demand"]["total"].get<double>()).margin(0.5));
    for (const char* t : {"walk", "radius", "both", "either"})
      CHECK(std::stod(r[std::string(t) + "_pct"]) ==
            Approx(j["coverage"][t]["percent"].get<double>()).margin(0.05));
    CHECK(std::stod(r["walk_uncovered"]) ==
          Approx(j["coverage"]["walk"]["uncovered"].get<double>()).margin(0.5));
  }
  // The first city's suggestions are in its folder and its row.
  CHECK(rows[cities[0]["name"]]["suggested"] == "2");
  CHECK(fs::exists(dir + "/province_out/" + cities[0]["name"].get<std::string>() +
                   "/suggestions.gpkg"));

  // The GeoPackage: one feature per city, the extent of a city that ran holds its map's streets.
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open((dir + "/province_out/province_summary.gpkg").c_str(),
                                            GDAL_OF_VECTOR | GDAL_OF_READONLY));
  REQUIRE(ds);
  OGRLayer* l = ds->GetLayerByName("province_summary");
  REQUIRE(l);
  CHECK(l->GetFeatureCount() == static_cast<GIntBig>(maps.size() + 1));
  // The workbook has the same rows.
  GDALDatasetUniquePtr xl(GDALDataset::Open((dir + "/province_out/province_summary.xlsx").c_str(),
                                            GDAL_OF_VECTOR | GDAL_OF_READONLY));
  REQUIRE(xl);
  CHECK(xl->GetLayer(0)->GetFeatureCount() == static_cast<GIntBig>(maps.size() + 1));

  // A rerun skips what is done (same inputs) and writes the same rows, byte for byte (the failed
  // city is tried again, so its time differs).
  auto done_rows = [&] {
    std::string s = slurp(csv);
    return s.substr(0, s.find("缺站点"));
  };
  const std::string first = done_rows();
  out = run_yizhan("batch " + mpath + " --jobs 1 --lang en", rc);
  CHECK(rc == 3);
  CHECK_THAT(out, Catch::Contains("skipped"));
  CHECK(done_rows() == first);
  // --force reruns them, one at a time: the same figures.
  out = run_yizhan("batch " + mpath + " --jobs 1 --force --lang en", rc);
  CHECK(rc == 3);
  CHECK_THAT(out, !Catch::Contains("skipped"));
  auto again = read_summary(csv);
  for (auto& [name, r] : rows)
    for (const char* col : {"stations", "workers", "walk_pct", "both_pct", "suggested"})
      CHECK(again[name][col] == r[col]);
}

TEST_CASE("a wrong batch manifest is exit 2 naming the city and the key",
          "[cli][batch][bad-input]") {
  const std::string dir = temp_dir() + "/bad_manifest";
  fs::create_directories(dir);
  struct Case {
    json manifest;
    std::string says;
  } cases[] = {
      {{{"cities",
         {{{"name", "a"}, {"map", "m.osm"}, {"stations", "s.csv"}, {"stations_cr", "gcj02"}}}}},
       "unknown key 'stations_cr'"},
      {{{"cities", json::array()}}, "has no cities"},
      {{{"cities", {{{"name", "a"}, {"stations", "s.csv"}}}}}, "city 1 (a): has no \"map\""},
      {{{"cities",
         {{{"name", "a"},
           {"map", "m.osm"},
           {"stations", "s.csv"},
           {"suggest", {{"grid_m", 300}}}}}}},
       "exactly one of k, budget or target"},
      {{{"cities",
         {{{"name", "a"}, {"map", "m.osm"}, {"stations", "s.csv"}},
          {{"name", "a"}, {"map", "m.osm"}, {"stations", "s.csv"}}}}},
       "city 2 (a): has the same name"},
  };
  for (const auto& c : cases) {
    const std::string p = dir + "/m.json";
    std::ofstream(p) << c.manifest.dump();
    int rc = 0;
    const std::string out = run_yizhan("batch " + p, rc);
    INFO(out);
    CHECK(rc == 2);
    CHECK_THAT(out, Catch::Contains("m.json") && Catch::Contains(c.says));
  }
  std::ofstream(dir + "/broken.json") << "{\"cities\": [";
  int rc = 0;
  std::string out = run_yizhan("batch " + dir + "/broken.json", rc);
  CHECK(rc == 2);
  CHECK_THAT(out, Catch::Contains("broken.json") && Catch::Contains("not valid JSON"));
  out = run_yizhan("batch " + dir + "/m.json --max-memory lots", rc);
  CHECK(rc == 2);
  CHECK_THAT(out, Catch::Contains("--max-memory"));
}
