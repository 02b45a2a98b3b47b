// Reporting by district (issue 12): `coverage`, `suggest` and `export` with --districts (a
// planner's polygon layer, built here with GDAL over the demo city) or the map's OpenStreetMap
// boundaries (--district-level, on the shared Chinese extracts). District rows must add up to the
// city totals each command reports on its own; the station list's 所属街道 is checked.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "support/test_data.hpp"

using namespace yz::test;
namespace fs = std::filesystem;

namespace {

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

struct Box {
  double x0, y0, x1, y1;
};

// Two districts: the west and east thirds of the demo city's roads (the middle third and a
// margin outside are "outside any district"), named 西区 / 东区 in a column `区名`.
std::vector<Box> write_districts(const std::string& dir, const std::string& path) {
  GDALAllRegister();
  GDALDatasetUniquePtr roads(
      GDALDataset::Open((dir + "/roads.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  REQUIRE(roads);
  OGREnvelope e;
  REQUIRE(roads->GetLayer(0)->GetExtent(&e) == OGRERR_NONE);
  const double w = (e.MaxX - e.MinX) / 3;
  std::vector<Box> boxes{{e.MinX - 0.01, e.MinY - 0.01, e.MinX + w, e.MaxY + 0.01},
                         {e.MaxX - w, e.MinY - 0.01, e.MaxX + 0.01, e.MaxY + 0.01}};
  auto* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
  GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  REQUIRE(ds);
  OGRSpatialReference srs;
  srs.importFromEPSG(4326);
  srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  OGRLayer* l = ds->CreateLayer("districts", &srs, wkbPolygon, nullptr);
  OGRFieldDefn f("区名", OFTString);
  REQUIRE(l->CreateField(&f) == OGRERR_NONE);
  const char* names[] = {"西区", "东区"};
  for (int i = 0; i < 2; ++i) {
    const Box& b = boxes[i];
    OGRFeature feat(l->GetLayerDefn());
    feat.SetField(0, names[i]);
    OGRLinearRing r;
    r.addPoint(b.x0, b.y0);
    r.addPoint(b.x1, b.y0);
    r.addPoint(b.x1, b.y1);
    r.addPoint(b.x0, b.y1);
    r.closeRings();
    OGRPolygon p;
    p.addRing(&r);
    feat.SetGeometry(&p);
    REQUIRE(l->CreateFeature(&feat) == OGRERR_NONE);
  }
  return boxes;
}

// The demo stations as a CSV with a 所属街道 column: right for every station but one (or empty
// in the middle third); returns the 1-based row of the wrong one.
size_t write_station_csv(const std::string& dir, const std::vector<Box>& boxes,
                         std::string& wrong_id) {
  GDALDatasetUniquePtr ds(
      GDALDataset::Open((dir + "/stations.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  REQUIRE(ds);
  std::ofstream csv(dir + "/stations.csv");
  csv << "id,name,lon,lat,所属街道\n";
  csv.precision(12);
  size_t row = 0, wrong = 0;
  for (auto& f : *ds->GetLayer(0)) {
    const OGRPoint* p = f->GetGeometryRef()->toPoint();
    ++row;
    std::string d;
    for (int i = 0; i < 2; ++i)
      if (p->getX() > boxes[i].x0 && p->getX() < boxes[i].x1) d = i == 0 ? "西区" : "东区";
    if (!d.empty() && wrong == 0) {  // the first station in a district is filed under the other
      d = d == "西区" ? "东区" : "西区";
      wrong = row;
      wrong_id = f->GetFieldAsString("id");
    }
    csv << f->GetFieldAsString("id") << ",站" << row << "," << p->getX() << "," << p->getY() << ","
        << d << "\n";
  }
  REQUIRE(wrong > 0);
  return wrong;
}

}  // namespace

TEST_CASE("coverage by district adds up to the city totals", "[cli][districts]") {
  const std::string dir = temp_dir();
  std::string out;
  REQUIRE(run("demo-city --overwrite --out-dir " + dir, out) == 0);
  const auto boxes = write_districts(dir, dir + "/d.gpkg");
  std::string wrong_id;
  const size_t wrong_row = write_station_csv(dir, boxes, wrong_id);
  REQUIRE(run("coverage --map " + dir + "/roads.gpkg --sites " + dir + "/stations.csv --demand " +
                  dir + "/demand.gpkg --districts " + dir +
                  "/d.gpkg --district-name-field 区名 --json --no-areas --out " + dir + "/c.gpkg",
              out) == 0);
  const auto j = json_of(out);
  const auto& ds = j["districts"];
  REQUIRE(ds.size() == 3);
  CHECK(ds[0]["name"] == "西区");
  CHECK(ds[1]["name"] == "东区");
  CHECK(ds[2]["outside"] == true);
  double workers = 0, stations = 0, twice = 0, rnw = 0;
  std::map<std::string, double> covered;
  for (const auto& d : ds) {
    workers += d["workers"].get<double>();
    stations += d["stations"].get<double>();
    rnw += d["radius_not_walk"].get<double>();
    for (const char* c : {"walk", "radius", "both", "either"})
      covered[c] += d[c]["covered"].get<double>();
    twice += d["walk"]["covered_twice"].get<double>();
    CHECK(d["workers"].get<double>() > 0);  // each district and the middle third has workers
  }
  CHECK(workers == Approx(j["demand"]["total"].get<double>()));
  CHECK(stations == j["sites"].size());
  CHECK(rnw == Approx(j["disagreement"]["inside_radius_not_walk"].get<double>()));
  for (const char* c : {"walk", "radius", "both", "either"})
    CHECK(covered[c] == Approx(j["coverage"][c]["covered"].get<double>()));
  CHECK(twice == Approx(j["coverage"]["walk"]["covered_twice_or_more"].get<double>()));
  // The one station filed under the wrong district.
  const auto& mm = j["district_check"]["mismatches"];
  CHECK(j["district_check"]["column"] == "所属街道");
  REQUIRE(mm.size() == 1);
  CHECK(mm[0]["row"] == wrong_row);
  CHECK(mm[0]["id"] == wrong_id);
  CHECK(mm[0]["column_value"] != mm[0]["polygon_name"]);
  // The GeoPackage's districts layer: the polygons and the outside row.
  GDALDatasetUniquePtr g(
      GDALDataset::Open((dir + "/c.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  REQUIRE(g);
  OGRLayer* l = g->GetLayerByName("districts");
  REQUIRE(l);
  CHECK(l->GetFeatureCount() == 3);
  double layer_workers = 0;
  for (auto& f : *l) layer_workers += f->GetFieldAsDouble("workers");
  CHECK(layer_workers == Approx(workers));

  // The text summary: a table row per district, and the mismatch as a note.
  REQUIRE(run("coverage --map " + dir + "/roads.gpkg --sites " + dir + "/stations.csv --demand " +
                  dir + "/demand.gpkg --districts " + dir +
                  "/d.gpkg --district-name-field 区名 --no-areas --overwrite --out " + dir +
                  "/c.gpkg",
              out) == 0);
  CHECK(out.find("西区") != std::string::npos);
  CHECK(out.find("(outside any district)") != std::string::npos);
  CHECK(out.find("所属街道 says") != std::string::npos);
}

TEST_CASE("suggest and export report by district", "[cli][districts]") {
  const std::string dir = temp_dir();
  std::string out;
  REQUIRE(run("demo-city --overwrite --out-dir " + dir, out) == 0);
  write_districts(dir, dir + "/d.gpkg");
  REQUIRE(run("suggest --map " + dir + "/roads.gpkg --stations " + dir +
                  "/stations.gpkg --candidates " + dir + "/candidates.gpkg --demand " + dir +
                  "/demand.gpkg --k 4 --time-limit 5 --districts " + dir + "/d.gpkg --json --out " +
                  dir + "/s.gpkg",
              out) == 0);
  const auto j = json_of(out);
  double added = 0, before = 0, suggested = 0;
  for (const auto& d : j["districts"]) {
    added += d["added"].get<double>();
    before += d["covered_before"].get<double>();
    suggested += d["suggested"].size();
  }
  CHECK(suggested == j["new_stations"].get<double>());
  CHECK(before == Approx(j["before"]["covered"].get<double>()));
  CHECK(added ==
        Approx(j["after"]["covered"].get<double>() - j["before"]["covered"].get<double>()));

  // Export: the districts layer in every GIS output, and the PDF section.
  REQUIRE(run("export --map " + dir + "/roads.gpkg --stations " + dir +
                  "/stations.gpkg --candidates " + dir + "/candidates.gpkg --demand " + dir +
                  "/demand.gpkg --k 2 --districts " + dir +
                  "/d.gpkg --formats gpkg,shp,geojson,kml,pdf --out-dir " + dir + "/ex",
              out) == 0);
  CHECK(fs::exists(dir + "/ex/shp/districts.shp"));
  CHECK(fs::exists(dir + "/ex/geojson/districts.geojson"));
  CHECK(fs::exists(dir + "/ex/report.pdf"));
  GDALDatasetUniquePtr g(
      GDALDataset::Open((dir + "/ex/plan.gpkg").c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  REQUIRE(g);
  REQUIRE(g->GetLayerByName("districts"));
  CHECK(g->GetLayerByName("districts")->GetFeatureCount() == 3);
  std::string pdf_text;
  if (run_command("pdftotext " + dir + "/ex/report.pdf -", pdf_text) == 0)
    CHECK(pdf_text.find("分区覆盖") != std::string::npos);
}

TEST_CASE("districts from the map's OpenStreetMap boundaries", "[cli][districts][osm]") {
  const std::string data = require_data_dir();
  const std::string guixi = require_file(data + "/osm/cn_guixi_jiangxi.osm", "Guixi extract");
  const std::string dir = temp_dir();
  {
    std::ofstream csv(dir + "/guixi.csv");
    csv << "id,name,lon,lat,所属街道\nG1,站1,117.215,28.290,东门街道\nG2,站2,117.240,28.310,东门\n";
  }
  std::string out;
  // 东门街道 (admin_level 8) is the only boundary of the extract whose relation is complete.
  REQUIRE(run("coverage --map " + guixi + " --sites " + dir +
                  "/guixi.csv --district-level 8 --json --no-areas --out " + dir + "/g.gpkg",
              out) == 0);
  const auto j = json_of(out);
  REQUIRE(j["districts"].size() == 2);
  CHECK(j["districts"][0]["name"] == "东门街道");
  CHECK(j["districts"][0]["stations"] == 1);  // G1 lies inside it
  const auto& mm = j["district_check"]["mismatches"];
  REQUIRE(mm.size() == 1);  // G2 lies outside it
  CHECK(mm[0]["id"] == "G2");
  CHECK(mm[0]["polygon_name"].is_null());
  // No boundary at the default level 6: exit 2 naming the map and the levels it has.
  CHECK(run("coverage --map " + guixi + " --sites " + dir +
                "/guixi.csv --districts map --no-areas --out " + dir + "/g6.gpkg",
            out) == 2);
  CHECK(out.find("admin_level 6") != std::string::npos);
  CHECK(out.find("levels found: 8") != std::string::npos);
  // Nanjing's extract names boundary relations but holds none complete.
  const std::string nanjing = data + "/osm/cn_nanjing_xinjiekou.osm";
  {
    std::ofstream csv(dir + "/nanjing.csv");
    csv << "id,lon,lat\nN1,118.78,32.04\n";
  }
  CHECK(run("coverage --map " + nanjing + " --sites " + dir +
                "/nanjing.csv --district-level 6 --no-areas --out " + dir + "/n.gpkg",
            out) == 2);
  CHECK(out.find("cn_nanjing_xinjiekou.osm: has no administrative boundary") != std::string::npos);
}

TEST_CASE("bad district options exit 2 naming the option", "[cli][districts]") {
  const std::string dir = temp_dir();
  std::string out;
  REQUIRE(run("demo-city --overwrite --out-dir " + dir, out) == 0);
  write_districts(dir, dir + "/d.gpkg");
  CHECK(run("coverage --map " + dir + "/roads.gpkg --sites " + dir + "/stations.gpkg --districts " +
                dir + "/d.gpkg --district-name-field 街道 --no-areas --out " + dir + "/x.gpkg",
            out) == 2);
  CHECK(out.find("--district-name-field") != std::string::npos);
  CHECK(run("coverage --map " + dir + "/roads.gpkg --sites " + dir +
                "/stations.gpkg --district-level 8 --no-areas --out " + dir + "/y.gpkg",
            out) == 2);
  CHECK(out.find("not an OpenStreetMap file") != std::string::npos);
}
