// Each point input is read in its own CRS (issue 10). The failing case: stations copied from
// Amap with `--sites-crs gcj02` also shifted a GeoPackage of candidates recorded as EPSG:4326, so
// every suggestion lay ~550 m from the candidate it came from. Also: a CRS option contradicting a
// file's recorded CRS is an error naming both; shifted coordinates read without the right option
// raise a warning with figures; candidates beyond an extract's <bounds> are dropped as "outside
// the map".
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <fstream>
#include <map>
#include <regex>

#include <nlohmann/json.hpp>

#include "engine/geo/china_coords.hpp"
#include "support/test_data.hpp"

using namespace yz::test;

namespace {

using Points = std::map<std::string, yz::Vec2>;  // id -> lon/lat

Points read_layer(const std::string& path, const char* layer, const char* id_field) {
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  REQUIRE(ds);
  OGRLayer* l = layer ? ds->GetLayerByName(layer) : ds->GetLayer(0);
  REQUIRE(l);
  Points out;
  for (auto& f : *l) {
    const OGRPoint* p = f->GetGeometryRef()->toPoint();
    out[f->GetFieldAsString(id_field)] = {p->getX(), p->getY()};
  }
  return out;
}

// Metres between two lon/lat points (equirectangular: plenty below a few km).
double metres(yz::Vec2 a, yz::Vec2 b) {
  const double k = 111319.49;
  return std::hypot((a.x - b.x) * k * std::cos(a.y * M_PI / 180), (a.y - b.y) * k);
}

// The demo stations as an Amap user has them: a CSV of GCJ-02 coordinates.
void write_gcj_csv(const Points& pts, const std::string& path) {
  std::ofstream f(path);
  f << "id,name,lon,lat\n";
  f.precision(12);
  for (const auto& [id, ll] : pts) {
    const yz::Vec2 g = yz::wgs84_to_gcj02(ll);
    f << id << ",站" << id << "," << g.x << "," << g.y << "\n";
  }
}

int run(const std::string& args, std::string& out) {
  const int rc = run_command(cli_exe() + " " + args, out);
  INFO(out);
  return rc;
}

nlohmann::json json_of(const std::string& out) {
  const size_t at = out.find("{\n");
  REQUIRE(at != std::string::npos);
  return nlohmann::json::parse(out.substr(at));
}

}  // namespace

TEST_CASE("the stations' CRS option does not shift the candidates", "[cli][crs]") {
  const std::string dir = temp_dir();
  std::string out;
  REQUIRE(run("demo-city --overwrite --out-dir " + dir, out) == 0);
  const Points stations = read_layer(dir + "/stations.gpkg", nullptr, "id");
  const Points candidates = read_layer(dir + "/candidates.gpkg", nullptr, "id");
  REQUIRE(stations.size() > 5);
  write_gcj_csv(stations, dir + "/stations_amap.csv");
  const std::string base = "suggest --map " + dir + "/roads.gpkg --stations " + dir +
                           "/stations_amap.csv --candidates " + dir + "/candidates.gpkg --k 5 ";
  // Every suggestion sits on the candidate it came from (before: 547-550 m away).
  auto check_on_candidates = [&](const std::string& plan) {
    const Points suggested = read_layer(plan, "suggested", "site_id");
    REQUIRE(suggested.size() == 5);
    for (const auto& [id, ll] : suggested) {
      INFO(id);
      REQUIRE(candidates.count(id));
      CHECK(metres(ll, candidates.at(id)) < 0.01);
    }
  };
  SECTION("--stations-crs gcj02") {
    REQUIRE(run(base + "--stations-crs gcj02 --out " + dir + "/a.gpkg --json", out) == 0);
    check_on_candidates(dir + "/a.gpkg");
    // The stations themselves were shifted back onto the demo's true positions.
    const nlohmann::json j = json_of(out);
    CHECK(j["inputs"][0]["crs_check"]["read_as"] == "GCJ-02");
    CHECK(j["inputs"][0]["crs_check"]["looks_like"].is_null());
    CHECK(out.find("WARNING") == std::string::npos);
  }
  SECTION("the deprecated --sites-crs applies to --stations only") {
    REQUIRE(run(base + "--sites-crs gcj02 --out " + dir + "/b.gpkg", out) == 0);
    check_on_candidates(dir + "/b.gpkg");
    CHECK(out.find("--sites-crs is deprecated") != std::string::npos);
  }
  SECTION("export reads them the same way") {
    REQUIRE(run("export --map " + dir + "/roads.gpkg --stations " + dir +
                    "/stations_amap.csv --stations-crs gcj02 --candidates " + dir +
                    "/candidates.gpkg --k 3 --formats gpkg --out-dir " + dir + "/exp",
                out) == 0);
    const Points suggested = read_layer(dir + "/exp/plan.gpkg", "suggestions", "site_id");
    REQUIRE(suggested.size() == 3);
    for (const auto& [id, ll] : suggested) CHECK(metres(ll, candidates.at(id)) < 0.01);
    // Stations (the existing ones shifted back onto the demo's own positions, and the suggested).
    const Points st = read_layer(dir + "/exp/plan.gpkg", "stations", "site_id");
    REQUIRE(st.size() == stations.size() + 3);
    for (const auto& [id, ll] : st)
      CHECK(metres(ll, stations.count(id) ? stations.at(id) : candidates.at(id)) < 0.01);
  }
  SECTION("an option contradicting the recorded CRS is an error naming both") {
    CHECK(run(base + "--candidates-crs EPSG:32650 --out " + dir + "/c.gpkg", out) == 2);
    CHECK(out.find("candidates.gpkg") != std::string::npos);
    CHECK(out.find("EPSG:4326") != std::string::npos);
    CHECK(out.find("EPSG:32650") != std::string::npos);
    CHECK(out.find("--candidates-crs") != std::string::npos);
  }
}

TEST_CASE("shifted coordinates raise a warning with the figures", "[cli][crs][data]") {
  // Points on the streets of a real extract: `yizhan sites` free candidates (WGS-84 GeoPackage);
  // nine of them copied as an Amap user has them (GCJ-02 CSV). (The demo city's stations stand
  // 10-50 m off its regular grid, where every reading is as near a street: no verdict there.)
  const std::string map =
      require_file(data_dir() + "/osm/cn_nanjing_xinjiekou.osm", "Nanjing extract");
  const std::string dir = temp_dir();
  std::string out;
  REQUIRE(run("sites --map " + map + " --grid-m 400 --overwrite --out " + dir + "/grid.gpkg", out) == 0);
  const Points grid = read_layer(dir + "/grid.gpkg", "candidates", "id");
  REQUIRE(grid.size() > 20);
  Points nine;
  for (const auto& [id, ll] : grid)
    if (nine.size() < 9) nine["s" + id] = ll;
  write_gcj_csv(nine, dir + "/amap.csv");
  const std::string base = "suggest --map " + map + " --stations " + dir +
                           "/amap.csv --candidates " + dir + "/grid.gpkg --k 3 --out " + dir +
                           "/p.gpkg --json --overwrite";
  SECTION("Amap stations read as WGS-84") {
    REQUIRE(run(base, out) == 0);
    CHECK(out.find("WARNING") != std::string::npos);
    CHECK(out.find("9 stations are") != std::string::npos);
    CHECK(out.find("if read as GCJ-02 but") != std::string::npos);
    CHECK(out.find("use --stations-crs gcj02") != std::string::npos);
    const nlohmann::json j = json_of(out);
    const auto& c = j["inputs"][0]["crs_check"];
    CHECK(c["looks_like"] == "GCJ-02");
    CHECK(c["points"] == 9);
    std::map<std::string, double> median;
    for (const auto& r : c["readings"]) median[r["datum"]] = r["median_m"];
    CHECK(median.at("GCJ-02") < 1);  // they are street points
    CHECK(median.at("WGS-84") > 3 * median.at("GCJ-02"));
    // The candidates (true WGS-84, recorded EPSG:4326) raise nothing.
    CHECK(j["inputs"][1]["crs_check"]["looks_like"].is_null());
  }
  SECTION("read as GCJ-02: no warning") {
    REQUIRE(run(base + " --stations-crs gcj02", out) == 0);
    CHECK(out.find("WARNING") == std::string::npos);
    CHECK(json_of(out)["inputs"][0]["crs_check"]["looks_like"].is_null());
  }
  SECTION("true WGS-84 candidates flagged gcj02: the reverse warning") {
    REQUIRE(run(base + " --stations-crs gcj02 --candidates-crs gcj02", out) == 0);
    CHECK(out.find("if read as WGS-84 but") != std::string::npos);
    CHECK(out.find("drop --candidates-crs") != std::string::npos);
    CHECK(json_of(out)["inputs"][1]["crs_check"]["looks_like"] == "WGS-84");
  }
}

TEST_CASE("free candidates beyond an extract's bounds are outside the map",
          "[cli][crs][sites][data]") {
  const std::string map =
      require_file(data_dir() + "/osm/cn_guixi_jiangxi.osm", "Guixi extract (with <bounds>)");
  // The bounds, read independently from the file's text.
  std::ifstream in(map);
  std::string head(4096, '\0');
  in.read(head.data(), head.size());
  std::smatch m;
  auto attr = [&](const char* name) {
    REQUIRE(std::regex_search(head, m, std::regex(std::string(name) + "=\"([-0-9.]+)\"")));
    return std::stod(m[1]);
  };
  const double minlon = attr("minlon"), minlat = attr("minlat"), maxlon = attr("maxlon"),
               maxlat = attr("maxlat");
  const std::string dir = temp_dir();
  std::string out;
  REQUIRE(run("sites --map " + map + " --grid-m 300 --out " + dir + "/c.gpkg", out) == 0);
  const Points kept = read_layer(dir + "/c.gpkg", "candidates", "id");
  REQUIRE(kept.size() > 10);
  // Free candidates lie on streets: inside the bounds (1 m for the projection), never beyond.
  for (const auto& [id, ll] : kept) {
    INFO(id << " " << ll.x << " " << ll.y);
    const yz::Vec2 in_box{std::clamp(ll.x, minlon, maxlon), std::clamp(ll.y, minlat, maxlat)};
    CHECK(metres(ll, in_box) < 2);
  }
  // The dropped ones are listed with the reason, and they did lie outside.
  GDALDatasetUniquePtr ds(
      GDALDataset::Open((dir + "/c.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  REQUIRE(ds);
  OGRLayer* dropped = ds->GetLayerByName("dropped");
  REQUIRE(dropped);
  int outside = 0;
  for (auto& f : *dropped) {
    if (std::string(f->GetFieldAsString("reason")) != "outside the map") continue;
    ++outside;
    const OGRPoint* p = f->GetGeometryRef()->toPoint();
    const yz::Vec2 ll{p->getX(), p->getY()};
    const yz::Vec2 in_box{std::clamp(ll.x, minlon, maxlon), std::clamp(ll.y, minlat, maxlat)};
    CHECK(metres(ll, in_box) > 0.5);
  }
  CHECK(outside > 0);
  CHECK(out.find("outside the map") != std::string::npos);
}
