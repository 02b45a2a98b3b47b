// yizhan sites end to end: candidates from a planner's layer, a free grid and POIs, with
// stations kept at a distance and an exclusion area honoured; the output GeoPackage is re-opened
// with GDAL, and `suggest` and `coverage` accept it (cost and host type read by suggest).
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "engine/geo/china_coords.hpp"
#include "support/test_data.hpp"

using namespace yz::test;

namespace {

struct Gpkg {
  GDALDatasetUniquePtr ds;
  explicit Gpkg(const std::string& path) {
    GDALAllRegister();
    ds.reset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    REQUIRE(ds);
  }
  OGRLayer& layer(const char* name) {
    OGRLayer* l = ds->GetLayerByName(name);
    REQUIRE(l);
    return *l;
  }
  std::map<std::string, std::string> table(const char* name) {
    std::map<std::string, std::string> m;
    for (auto& f : layer(name)) m[f->GetFieldAsString(0)] = f->GetFieldAsString(1);
    return m;
  }
};

int run(const std::string& args, std::string& out) {
  const int rc = run_command(cli_exe() + " " + args + " --overwrite", out);  // outputs reused
  INFO(out);
  return rc;
}

}  // namespace

TEST_CASE("yizhan sites on the demo city, then suggest and coverage read its output",
          "[cli][sites]") {
  const std::string dir = temp_dir();
  std::string out;
  REQUIRE(run("demo-city --out-dir " + dir, out) == 0);
  // An exclusion square (WGS-84 GeoJSON) around the first demo candidate.
  double lon = 0, lat = 0;
  {
    Gpkg c(dir + "/candidates.gpkg");
    OGRLayer& l = c.layer("candidates");
    l.ResetReading();
    OGRFeatureUniquePtr f(l.GetNextFeature());
    REQUIRE(f);
    lon = f->GetGeometryRef()->toPoint()->getX();
    lat = f->GetGeometryRef()->toPoint()->getY();
  }
  {
    const double d = 0.0004;  // about 40 m
    std::ofstream g(dir + "/ex.geojson");
    g.precision(12);
    g << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"禁建区"},)"
      << R"("geometry":{"type":"Polygon","coordinates":[[)"
      << "[" << lon - d << "," << lat - d << "],[" << lon + d << "," << lat - d << "],[" << lon + d
      << "," << lat + d << "],[" << lon - d << "," << lat + d << "],[" << lon - d << "," << lat - d
      << "]]]}}]}";
  }
  const std::string c = dir + "/c.gpkg";
  const int rc =
      run("sites --map " + dir + "/roads.gpkg --layer " + dir +
              "/candidates.gpkg --grid-m 300 --stations " + dir +
              "/stations.gpkg --min-distance-m 150 --exclude " + dir + "/ex.geojson --out " + c,
          out);
  INFO(out);
  REQUIRE(rc == 0);
  CHECK(out.find("dropped") != std::string::npos);
  size_t n = 0, grid = 0, layer = 0;
  {
    Gpkg g(c);
    for (auto& f : g.layer("candidates")) {
      ++n;
      const std::string origin = f->GetFieldAsString("source");
      grid += origin == "grid";
      layer += origin == "layer";
      if (origin == "grid") {
        CHECK(std::string(f->GetFieldAsString("host_type")) == "standalone");
        CHECK(f->GetFieldAsDouble("cost") == 100000);
      }
      CHECK(f->GetFieldAsDouble("snap_m") <= 250);
    }
    CHECK(grid > 100);
    CHECK(layer > 100);
    std::map<std::string, int> reasons;
    for (auto& f : g.layer("dropped")) ++reasons[f->GetFieldAsString("reason")];
    CHECK(reasons["too close to an existing station"] > 0);
    CHECK(reasons["inside an excluded area"] >= 1);
    const auto meta = g.table("yizhan_sites");
    CHECK(meta.at("grid_m") == "300");
    CHECK(meta.at("candidates") == std::to_string(n));
  }
  // suggest reads cost and host type from it.
  REQUIRE(run("suggest --map " + dir + "/roads.gpkg --stations " + dir +
                  "/stations.gpkg --candidates " + c + " --k 3 --no-exact --time-limit 2 --out " +
                  dir + "/plan.gpkg --json",
              out) == 0);
  const auto j = nlohmann::json::parse(out);
  REQUIRE(j["sites"].size() == 3);
  for (const auto& s : j["sites"]) {
    CHECK(!s["host_type"].get<std::string>().empty());
    CHECK(s["cost"].get<double>() > 1);  // read from the file, not the default 1
  }
  REQUIRE(run("coverage --map " + dir + "/roads.gpkg --sites " + c + " --no-areas --out " + dir +
                  "/cov.gpkg",
              out) == 0);
}

TEST_CASE("yizhan sites: GCJ-02 layer converted, bad requests are clear errors", "[cli][sites]") {
  const std::string dir = temp_dir();
  std::string out;
  REQUIRE(run("demo-city --out-dir " + dir, out) == 0);
  // Two planner sites given in GCJ-02 (as copied from Amap) near the first demo station.
  Gpkg st(dir + "/stations.gpkg");
  OGRLayer& l = st.layer("stations");
  l.ResetReading();
  OGRFeatureUniquePtr f(l.GetNextFeature());
  REQUIRE(f);
  const yz::Vec2 ll{f->GetGeometryRef()->toPoint()->getX(), f->GetGeometryRef()->toPoint()->getY()};
  {
    std::ofstream csv(dir + "/gcj.csv");
    csv.precision(12);
    const yz::Vec2 a = yz::wgs84_to_gcj02(ll), b = yz::wgs84_to_gcj02({ll.x + 0.003, ll.y});
    csv << "编号,名称,经度,纬度,类型,成本\nA,甲,\"" << a.x << "\"," << a.y << ",共建,5000\nB,乙,"
        << b.x << "," << b.y << ",独立,\"8,000\"\n";
  }
  const std::string c = dir + "/c.gpkg";
  REQUIRE(run("sites --map " + dir + "/roads.gpkg --layer " + dir +
                  "/gcj.csv --sites-crs gcj02 --out " + c,
              out) == 0);
  {
    Gpkg g(c);
    OGRLayer& cl = g.layer("candidates");
    cl.ResetReading();
    OGRFeatureUniquePtr a(cl.GetNextFeature());
    REQUIRE(a);
    CHECK(std::string(a->GetFieldAsString("name")) == "甲");
    CHECK(std::string(a->GetFieldAsString("host_type")) == "co-built");
    CHECK(a->GetGeometryRef()->toPoint()->getX() == Approx(ll.x).margin(1e-8));
    CHECK(a->GetGeometryRef()->toPoint()->getY() == Approx(ll.y).margin(1e-8));
    OGRFeatureUniquePtr b(cl.GetNextFeature());
    REQUIRE(b);
    CHECK(b->GetFieldAsDouble("cost") == 8000);
    CHECK(g.table("yizhan_sites").at("layer_crs").find("GCJ-02") != std::string::npos);
  }
  const std::string map = " --map " + dir + "/roads.gpkg";
  CHECK(run("sites" + map + " --out " + c, out) == 2);  // no source
  CHECK(out.find("--grid-m") != std::string::npos);
  CHECK(run("sites" + map + " --from-pois bank --out " + c, out) == 2);  // POIs need OSM
  CHECK(out.find("OpenStreetMap") != std::string::npos);
  CHECK(run("sites" + map + " --grid-m 200 --min-distance-m 50 --out " + c, out) == 2);
  CHECK(run("sites" + map + " --grid-m 200 --out " + dir + "/c.shp", out) == 2);
  // --crs is the metric CRS; web-map datums belong to the point options, and the error says so.
  CHECK(run("sites" + map + " --crs gcj02 --grid-m 200 --out " + c, out) == 2);
  CHECK(out.find("--stations-crs gcj02") != std::string::npos);
}

TEST_CASE("yizhan sites on sparse and dense Chinese extracts", "[cli][sites][data]") {
  const std::string osm = data_dir() + "/osm/";
  const std::string dir = temp_dir();
  std::string out;
  SECTION("Guixi: 5 POIs, the grid still gives usable candidates") {
    const std::string map = require_file(osm + "cn_guixi_jiangxi.osm", "Guixi extract");
    REQUIRE(run("sites --map " + map + " --from-pois all --grid-m 200 --out " + dir + "/g.gpkg",
                out) == 0);
    Gpkg g(dir + "/g.gpkg");
    CHECK(g.layer("candidates").GetFeatureCount() > 100);
    CHECK(g.table("yizhan_sites").at("data_licence").find("OpenStreetMap") != std::string::npos);
    REQUIRE(run("sites --map " + map + " --from-pois all --out " + dir + "/p.gpkg", out) == 0);
    CHECK(out.find("--grid-m") != std::string::npos);  // the hint for sparse maps
  }
  SECTION("Nanjing: unknown category is an error; banks and malls only") {
    const std::string map = require_file(osm + "cn_nanjing_xinjiekou.osm", "Nanjing extract");
    CHECK(run("sites --map " + map + " --from-pois casino --out " + dir + "/n.gpkg", out) == 2);
    REQUIRE(run("sites --map " + map + " --from-pois bank,mall --out " + dir + "/n.gpkg", out) ==
            0);
    Gpkg g(dir + "/n.gpkg");
    std::map<std::string, int> cats;
    for (auto& f : g.layer("candidates")) ++cats[f->GetFieldAsString("category")];
    CHECK(cats.size() == 2);
    CHECK(cats["bank"] >= 20);
    CHECK(cats["mall"] >= 14);
  }
}

TEST_CASE("yizhan sites: nothing left still writes the dropped layer; notes are kept",
          "[cli][sites]") {
  const std::string dir = temp_dir();
  std::string out;
  REQUIRE(run("demo-city --out-dir " + dir, out) == 0);
  // Every planner site is either NaN or off the streets inside the map (the first demo station,
  // some metres from its street, with --max-snap-m 3; a site beyond the map's edge is dropped
  // earlier, as "outside the map"): none can be used.
  double lon = 0, lat = 0;
  {
    Gpkg st(dir + "/stations.gpkg");
    OGRLayer& l = st.layer("stations");
    l.ResetReading();
    OGRFeatureUniquePtr f(l.GetNextFeature());
    REQUIRE(f);
    lon = f->GetGeometryRef()->toPoint()->getX();
    lat = f->GetGeometryRef()->toPoint()->getY();
  }
  {
    std::ofstream csv(dir + "/far.csv");
    csv.precision(15);
    csv << "id,lon,lat\nA,nan,nan\nB," << lon << "," << lat << "\n";
  }
  const std::string c = dir + "/none.gpkg";
  CHECK(run("sites --map " + dir + "/roads.gpkg --layer " + dir + "/far.csv --max-snap-m 3 --out " + c,
            out) == 2);
  CHECK(out.find("no candidate sites are left") != std::string::npos);
  {
    Gpkg g(c);
    std::map<std::string, std::string> reason;
    for (auto& f : g.layer("dropped")) {
      reason[f->GetFieldAsString("item_id")] = f->GetFieldAsString("reason");
      if (std::string(f->GetFieldAsString("item_id")) == "A")
        CHECK(f->GetGeometryRef() == nullptr);  // no position: no geometry, not POINT(0 0)
    }
    CHECK(reason.at("A") == "NaN coordinates");
    CHECK(reason.at("B") == "could not snap");
    CHECK(g.layer("candidates").GetFeatureCount() == 0);
  }
  // A repaired exclusion polygon is noted in the metadata table, not only on the terminal.
  {
    const double d = 0.0004;
    std::ofstream gj(dir + "/bow.geojson");
    gj.precision(12);
    gj << R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x"},)"
       << R"("geometry":{"type":"Polygon","coordinates":[[)"
       << "[" << lon - d << "," << lat - d << "],[" << lon + d << "," << lat + d << "],[" << lon + d
       << "," << lat - d << "],[" << lon - d << "," << lat + d << "],[" << lon - d << "," << lat - d
       << "]]]}}]}";
  }
  REQUIRE(run("sites --map " + dir + "/roads.gpkg --grid-m 400 --exclude " + dir +
                  "/bow.geojson --out " + c,
              out) == 0);
  Gpkg g(c);
  bool noted = false;
  for (const auto& [k, v] : g.table("yizhan_sites"))
    noted = noted || (k.rfind("note.", 0) == 0 && v.find("repaired") != std::string::npos);
  CHECK(noted);
  CHECK(run("sites --map " + dir + "/roads.gpkg --grid-m 400 --out " + dir, out) == 2);
  CHECK(out.find("is a folder") != std::string::npos);
}
