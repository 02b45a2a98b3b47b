// yizhan demand end to end: the GeoPackage it writes (demand layer with a column per component,
// dropped layer, metadata table) is read by `yizhan coverage --demand` and `yizhan suggest
// --demand` with the same points and total; bad options exit with code 2 and a clear message.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "engine/geo/local_projection.hpp"
#include "support/test_data.hpp"

using namespace yz::test;

namespace {

struct LayerSums {
  size_t features = 0;
  std::map<std::string, double> sums;        // real columns
  std::map<std::string, std::string> table;  // yizhan_demand rows
  std::vector<std::string> reasons;          // dropped layer
  size_t cells = 0;                          // cells layer (absent = 0)
  double cells_weight = 0;
  size_t demand_outside_its_cell = 0;
};

LayerSums read_demand_gpkg(const std::string& path) {
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  LayerSums s;
  OGRLayer* l = ds->GetLayerByName("demand");
  REQUIRE(l);
  for (auto& f : *l) {
    ++s.features;
    for (int i = 0; i < f->GetFieldCount(); ++i)
      if (f->GetFieldDefnRef(i)->GetType() == OFTReal)
        s.sums[f->GetFieldDefnRef(i)->GetNameRef()] += f->GetFieldAsDouble(i);
  }
  if (OGRLayer* t = ds->GetLayerByName("yizhan_demand"))
    for (auto& f : *t) s.table[f->GetFieldAsString(0)] = f->GetFieldAsString(1);
  if (OGRLayer* c = ds->GetLayerByName("cells")) {
    std::map<std::string, std::unique_ptr<OGRGeometry>> squares;
    for (auto& f : *c) {
      ++s.cells;
      s.cells_weight += f->GetFieldAsDouble("weight");
      squares[f->GetFieldAsString("id")].reset(f->GetGeometryRef()->clone());
    }
    l->ResetReading();
    for (auto& f : *l) {
      auto it = squares.find(f->GetFieldAsString("id"));
      if (it == squares.end() || !it->second->Contains(f->GetGeometryRef()))
        ++s.demand_outside_its_cell;
    }
  }
  OGRLayer* d = ds->GetLayerByName("dropped");
  REQUIRE(d);
  for (auto& f : *d) s.reasons.push_back(f->GetFieldAsString("reason"));
  return s;
}

}  // namespace

TEST_CASE("yizhan demand feeds coverage and suggest", "[cli][demand]") {
  const std::string map =
      require_file(data_dir() + "/osm/cn_nanjing_xinjiekou.osm", "Nanjing extract");
  const std::string dir = temp_dir();
  std::string out;
  const int rc = run_command(
      cli_exe() + " demand --map " + map + " --cell-m 50 --out " + dir + "/d.gpkg", out);
  INFO(out);
  REQUIRE(rc == 0);
  REQUIRE_THAT(out, Catch::Contains("riders"));
  REQUIRE_THAT(out, Catch::Contains("points of interest"));
  const LayerSums s = read_demand_gpkg(dir + "/d.gpkg");
  REQUIRE(s.features > 100);
  double comps = 0;
  for (const char* c : {"riders", "couriers", "sanitation", "drivers", "construction"}) {
    REQUIRE(s.sums.count(c) == 1);
    comps += s.sums.at(c);
  }
  REQUIRE(s.sums.at("weight") == Approx(comps).epsilon(1e-9));
  REQUIRE(s.table.at("cell_m") == "50");
  // The cells layer shows the aggregation: one square per point, holding it, same workers.
  REQUIRE(s.cells == s.features);
  REQUIRE(s.cells_weight == Approx(s.sums.at("weight")).epsilon(1e-9));
  REQUIRE(s.demand_outside_its_cell == 0);
  REQUIRE(s.table.at("components") == "riders,couriers,sanitation,drivers,construction");
  REQUIRE(std::stod(s.table.at("total_workers")) == Approx(s.sums.at("weight")).epsilon(1e-6));

  // coverage reads it: same points, same total.
  {
    std::ofstream st(dir + "/st.csv");
    st << "id,lon,lat\ns1,118.7800,32.0420\ns2,118.7700,32.0450\n";
  }
  const int rc2 =
      run_command(cli_exe() + " coverage --map " + map + " --sites " + dir + "/st.csv --demand " +
                      dir + "/d.gpkg --no-areas --json --out " + dir + "/c.gpkg",
                  out);
  INFO(out);
  REQUIRE(rc2 == 0);
  const auto j = nlohmann::json::parse(out.substr(out.find('{')));
  REQUIRE(j["demand"]["points"].get<size_t>() == s.features);
  REQUIRE(j["demand"]["total"].get<double>() == Approx(s.sums.at("weight")).epsilon(1e-6));
  REQUIRE_FALSE(j["demand"]["proxy"].get<bool>());

  // suggest reads it too.
  {
    std::ofstream c(dir + "/cand.csv");
    c << "id,lon,lat\n";
    for (int i = 0; i < 6; ++i) c << "c" << i << "," << 118.770 + 0.004 * i << ",32.043\n";
  }
  const int rc3 = run_command(cli_exe() + " suggest --map " + map + " --stations " + dir +
                                  "/st.csv --candidates " + dir + "/cand.csv --demand " + dir +
                                  "/d.gpkg --k 2 --time-limit 5 --out " + dir + "/p.gpkg",
                              out);
  INFO(out);
  REQUIRE(rc3 == 0);
}

TEST_CASE("yizhan demand: components, weights, aggregation and planner layers", "[cli][demand]") {
  const std::string map =
      require_file(data_dir() + "/osm/cn_nanjing_xinjiekou.osm", "Nanjing extract");
  const std::string dir = temp_dir();
  std::string out;
  const std::string base = cli_exe() + " demand --overwrite --map " + map;  // outputs reused
  REQUIRE(run_command(base + " --components riders --cell-m 0 --out " + dir + "/r1.gpkg", out) ==
          0);
  REQUIRE(run_command(base + " --components riders --weight riders=3 --cell-m 100 --out " + dir +
                          "/r3.gpkg",
                      out) == 0);
  const LayerSums r1 = read_demand_gpkg(dir + "/r1.gpkg"), r3 = read_demand_gpkg(dir + "/r3.gpkg");
  REQUIRE(r1.sums.count("sanitation") == 0);
  REQUIRE(r3.sums.at("riders") == Approx(3 * r1.sums.at("riders")).epsilon(1e-9));
  REQUIRE(r3.features < r1.features);  // 100 m cells merge points
  // --json agrees with the file.
  REQUIRE(run_command(base + " --components riders --json --cell-m 0 --out " + dir + "/r1j.gpkg",
                      out) == 0);
  const auto j = nlohmann::json::parse(out.substr(out.find('{')));
  REQUIRE(j["points"].get<size_t>() == r1.features);
  REQUIRE(j["total"].get<double>() == Approx(r1.sums.at("weight")).epsilon(1e-9));
  REQUIRE(j["components"].size() == 1);
  REQUIRE(j["components"][0]["name"] == "riders");
  REQUIRE(j["inputs"][0]["read"].get<int>() ==
          j["inputs"][0]["kept"].get<int>() + j["inputs"][0]["dropped"].get<int>());
  REQUIRE(r1.table.at("cell_m") == "0 (no aggregation)");
  REQUIRE(r1.cells == 0);

  // A planner CSV with bad rows: kept ones sum exactly, the dropped layer says why.
  {
    std::ofstream f(dir + "/w.csv");
    f << "lon,lat,count\n118.7800,32.0420,12\n118.7810,32.0425,abc\n118.7820,32.0430,-4\n10.0,50.0,"
         "3\n118.7830,32.0435,8\n";
  }
  REQUIRE(run_command(base + " --layer " + dir + "/w.csv --out " + dir + "/p.gpkg", out) == 0);
  INFO(out);
  const LayerSums p = read_demand_gpkg(dir + "/p.gpkg");
  REQUIRE(p.sums.at("weight") == Approx(20));
  REQUIRE(p.sums.count("riders") == 0);  // planner data replaces the proxies unless asked
  REQUIRE(p.reasons.size() == 3);
  REQUIRE_THAT(out, Catch::Contains("dropped 3"));
  // ... or adds to them when asked.
  REQUIRE(run_command(
              base + " --layer " + dir + "/w.csv --components sanitation --out " + dir + "/ps.gpkg",
              out) == 0);
  const LayerSums ps = read_demand_gpkg(dir + "/ps.gpkg");
  REQUIRE(ps.sums.at("planner") == Approx(20));
  REQUIRE(ps.sums.at("sanitation") > 0);

  // Bad options: exit 2 with the reason.
  REQUIRE(run_command(base + " --components bogus --out " + dir + "/x.gpkg", out) == 2);
  REQUIRE_THAT(out, Catch::Contains("unknown demand component 'bogus'"));
  REQUIRE(run_command(base + " --weight riders=-2 --out " + dir + "/x.gpkg", out) == 2);
  REQUIRE(run_command(base + " --cell-m -5 --out " + dir + "/x.gpkg", out) == 2);
  REQUIRE(run_command(base + " --out " + dir + "/x.geojson", out) == 2);
  REQUIRE(run_command(base + " --components none --out " + dir + "/x.gpkg", out) == 2);
  REQUIRE(run_command(base + " --layer " + dir + "/nope.csv --out " + dir + "/x.gpkg", out) == 2);
}

TEST_CASE("yizhan demand from a raster and from polygons, read by coverage", "[cli][demand]") {
  const std::string map =
      require_file(data_dir() + "/osm/cn_nanjing_xinjiekou.osm", "Nanjing extract");
  const std::string dir = temp_dir();
  GDALAllRegister();
  // A 4 x 4 raster of 100 m cells in EPSG:32650 over Xinjiekou, values 1..16 (136 workers).
  const auto utm = yz::LocalProjection::from_user("EPSG:32650");
  const yz::Vec2 c = utm.to_metric({118.7800, 32.0420});
  {
    GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GTiff")->Create(
        (dir + "/w.tif").c_str(), 4, 4, 1, GDT_Float32, nullptr));
    double gt[6] = {c.x - 200, 100, 0, c.y + 200, 0, -100};
    ds->SetGeoTransform(gt);
    OGRSpatialReference srs;
    srs.importFromEPSG(32650);
    ds->SetSpatialRef(&srs);
    std::vector<float> v(16);
    for (int i = 0; i < 16; ++i) v[i] = static_cast<float>(i + 1);
    REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, 4, 4, v.data(), 4, 4, GDT_Float32, 0,
                                           0) == CE_None);
  }
  std::string out;
  REQUIRE(run_command(cli_exe() + " demand --map " + map + " --raster " + dir + "/w.tif --out " +
                          dir + "/r.gpkg",
                      out) == 0);
  INFO(out);
  REQUIRE_THAT(out, Catch::Contains("read 16 raster cells, kept 16"));
  const LayerSums r = read_demand_gpkg(dir + "/r.gpkg");
  REQUIRE(r.sums.at("weight") == Approx(136));
  REQUIRE(r.sums.at("raster") == Approx(136));
  REQUIRE(r.reasons.empty());
  {
    std::ofstream st(dir + "/st.csv");
    st << "id,lon,lat\ns1,118.7800,32.0420\n";
  }
  REQUIRE(run_command(cli_exe() + " coverage --map " + map + " --sites " + dir +
                          "/st.csv --demand " + dir +
                          "/r.gpkg --no-areas --json --overwrite --out " + dir + "/c.gpkg",
                      out) == 0);
  const auto j = nlohmann::json::parse(out.substr(out.find('{')));
  REQUIRE(j["demand"]["total"].get<double>() == Approx(136));

  // Polygons in WGS-84: a block with 500 workers, a self-intersecting one with 40, a negative one.
  {
    GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GPKG")->Create(
        (dir + "/blocks.gpkg").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference srs;
    srs.SetWellKnownGeogCS("WGS84");
    OGRLayer* l = ds->CreateLayer("blocks", &srs, wkbPolygon, nullptr);
    OGRFieldDefn fd("workers", OFTReal);
    l->CreateField(&fd);
    const std::pair<const char*, double> rows[] = {
        {"POLYGON((118.777 32.040,118.783 32.040,118.783 32.044,118.777 32.044,118.777 32.040))",
         500},
        {"POLYGON((118.775 32.045,118.779 32.048,118.779 32.045,118.775 32.048,118.775 32.045))",
         40},
        {"POLYGON((118.777 32.040,118.779 32.040,118.779 32.041,118.777 32.040))", -3}};
    for (const auto& [wkt, n] : rows) {
      OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
      OGRGeometry* g = nullptr;
      OGRGeometryFactory::createFromWkt(wkt, &srs, &g);
      f->SetGeometryDirectly(g);
      f->SetField(0, n);
      REQUIRE(l->CreateFeature(f.get()) == OGRERR_NONE);
    }
  }
  REQUIRE(run_command(cli_exe() + " demand --map " + map + " --layer " + dir +
                          "/blocks.gpkg --count-field workers --out " + dir + "/b.gpkg",
                      out) == 0);
  INFO(out);
  REQUIRE_THAT(out, Catch::Contains("repaired with GEOS MakeValid"));
  REQUIRE_THAT(out, Catch::Contains("1 negative count"));
  const LayerSums b = read_demand_gpkg(dir + "/b.gpkg");
  REQUIRE(b.sums.at("planner") == Approx(540));
  REQUIRE(b.reasons == std::vector<std::string>{"negative count"});
  // The metadata keeps the input CRS and the repair (not only the terminal).
  CHECK_THAT(b.table.at("component.planner"), Catch::Contains("input CRS: WGS-84"));
  CHECK_THAT(b.table.at("component.planner"), Catch::Contains("repaired with GEOS MakeValid"));
  // The same layer named as traced on Amap (GCJ-02): accepted, shifted, recorded.
  REQUIRE(run_command(cli_exe() + " demand --map " + map + " --layer " + dir +
                          "/blocks.gpkg --layer-crs gcj02 --count-field workers --out " + dir +
                          "/g.gpkg",
                      out) == 0);
  const LayerSums g = read_demand_gpkg(dir + "/g.gpkg");
  CHECK(g.sums.at("planner") == Approx(540));
  CHECK_THAT(g.table.at("component.planner"), Catch::Contains("GCJ-02"));
  // --out naming a folder is bad input, said plainly.
  CHECK(run_command(cli_exe() + " demand --map " + map + " --out " + dir, out) == 2);
  CHECK_THAT(out, Catch::Contains("is a folder"));
}

TEST_CASE("a demand file of map proxies stays an estimate when loaded with --demand",
          "[cli][demand][estimate]") {
  const std::string map =
      require_file(data_dir() + "/osm/cn_nanjing_xinjiekou.osm", "Nanjing extract");
  const std::string dir = temp_dir() + "/estimate";
  std::filesystem::create_directories(dir);
  std::string out;
  {
    std::ofstream st(dir + "/st.csv");
    st << "id,lon,lat\ns1,118.7800,32.0420\ns2,118.7700,32.0450\n";
    // The planner's own head counts: not an estimate.
    std::ofstream c(dir + "/counts.csv");
    c << "lon,lat,count\n118.7790,32.0425,40\n118.7810,32.0440,25\n118.7720,32.0460,30\n";
  }
  REQUIRE(run_command(cli_exe() + " demand --map " + map + " --out " + dir + "/proxies.gpkg",
                      out) == 0);
  REQUIRE(run_command(cli_exe() + " demand --map " + map + " --layer " + dir +
                          "/counts.csv --out " + dir + "/counts.gpkg",
                      out) == 0);
  for (const bool proxies : {true, false}) {
    const std::string file = dir + (proxies ? "/proxies.gpkg" : "/counts.gpkg");
    INFO(file);
    // coverage: the summary and the JSON say estimate (or not).
    REQUIRE(run_command(cli_exe() + " coverage --map " + map + " --sites " + dir +
                            "/st.csv --demand " + file + " --no-areas --overwrite --out " + dir + "/c.gpkg",
                        out) == 0);
    CHECK((out.find("est. workers") != std::string::npos) == proxies);
    CHECK((out.find("ESTIMATE (map proxies, not a head count)") != std::string::npos) == proxies);
    REQUIRE(run_command(cli_exe() + " coverage --map " + map + " --sites " + dir +
                            "/st.csv --demand " + file + " --no-areas --json --overwrite --out " + dir +
                            "/c.gpkg",
                        out) == 0);
    const auto j = nlohmann::json::parse(out.substr(out.find('{')));
    CHECK(j["demand"]["estimated"].get<bool>() == proxies);
    CHECK(j["demand"]["estimate"].get<std::string>() == (proxies ? "map proxies" : ""));
    CHECK_FALSE(j["demand"]["proxy"].get<bool>());  // loaded, not the street-length stand-in
    // export: the summary line, the report's first page, the web-map list's columns.
    for (const std::string lang : {"zh", "en"}) {
      const std::string od = dir + "/out_" + lang + (proxies ? "_p" : "_c");
      REQUIRE(run_command(cli_exe() + " export --map " + map + " --stations " + dir +
                              "/st.csv --demand " + file + " --formats csv,pdf --lang " + lang +
                              " --out-dir " + od,
                          out) == 0);
      std::string page1;
      REQUIRE(run_command("pdftotext -f 1 -l 2 " + od + "/report.pdf -", page1) == 0);
      std::ifstream wm(od + "/stations_webmap.csv");
      std::string header;
      std::getline(wm, header);
      if (lang == "zh") {
        CHECK((out.find("估算劳动者（由地图数据推算，并非实际人数）") != std::string::npos) ==
              proxies);
        CHECK((page1.find("由地图数据推算") != std::string::npos) == proxies);
        CHECK((header.find("步行可达劳动者（估算）") != std::string::npos) == proxies);
      } else {
        CHECK((out.find("estimated workers (map proxies)") != std::string::npos) == proxies);
        CHECK((page1.find("estimated workers (map proxies, not a head count)") !=
               std::string::npos) == proxies);
        CHECK((header.find("walk_workers_est") != std::string::npos) == proxies);
      }
      // Never the "no worker data given" notice: demand was loaded.
      CHECK(page1.find("未提供劳动者数据") == std::string::npos);
      CHECK(page1.find("no worker data given") == std::string::npos);
    }
  }
}
