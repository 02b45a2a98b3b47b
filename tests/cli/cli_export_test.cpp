// yizhan export end to end: the demo plan with suggestions in every format, --help explaining
// each output, bad options answered with exit code 2.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>

#include "support/test_data.hpp"

using namespace yz::test;
namespace fs = std::filesystem;

TEST_CASE("yizhan export --demo --k writes every output", "[cli][export]") {
  const std::string dir = temp_dir() + "/out";
  std::string out;
  REQUIRE(run_command(cli_exe() + " export --demo --k 2 --time-limit 3 --out-dir " + dir +
                          " --png-size 1200x900 --cell-m 100 --bom",
                      out) == 0);
  INFO(out);
  for (const char* f : {"plan.gpkg", "plan.kml", "geojson/stations.geojson", "shp/stations.shp",
                        "shp/stations.cpg", "shp/stations.prj", "csv/demand.csv",
                        "stations_webmap.csv", "accessibility.tif", "map.png", "report.pdf"})
    CHECK(fs::exists(dir + "/" + f));
  CHECK(out.find("16 stations (2 suggested)") != std::string::npos);
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open((dir + "/plan.gpkg").c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  CHECK(ds->GetLayerByName("suggestions")->GetFeatureCount() == 2);
  CHECK(ds->GetLayerByName("stations")->GetFeatureCount() == 16);
  // --bom: the CSV starts with the UTF-8 byte-order mark.
  std::ifstream csv(dir + "/csv/stations.csv", std::ios::binary);
  char bom[3] = {};
  csv.read(bom, 3);
  CHECK(std::string(bom, 3) == "\xEF\xBB\xBF");
  GDALDatasetUniquePtr png(GDALDataset::Open((dir + "/map.png").c_str(), GDAL_OF_RASTER));
  REQUIRE(png);
  CHECK(png->GetRasterXSize() == 1200);
}

TEST_CASE("yizhan export: a subset of formats, and only those", "[cli][export]") {
  const std::string dir = temp_dir() + "/subset";
  std::string out;
  REQUIRE(run_command(cli_exe() + " export --demo --formats geojson,tif --out-dir " + dir, out) ==
          0);
  CHECK(fs::exists(dir + "/geojson/stations.geojson"));
  CHECK(fs::exists(dir + "/geojson/candidates.geojson"));
  CHECK(fs::exists(dir + "/accessibility.tif"));
  CHECK(!fs::exists(dir + "/plan.gpkg"));
  CHECK(!fs::exists(dir + "/map.png"));
  CHECK(!fs::exists(dir + "/geojson/suggestions.geojson"));  // no --k, no suggestions
}

TEST_CASE("yizhan export --help explains each output; bad options exit 2", "[cli][export]") {
  std::string out;
  REQUIRE(run_command(cli_exe() + " export --help", out) == 0);
  for (const char* w :
       {"GCJ-02", "BD-09", "accessibility.tif", "report.pdf", "map.png", ".cpg",
        "walk_areas_nearest", "coverage_gaps", "--lang", "--bom", "--cell-m", "--png-size"})
    CHECK(out.find(w) != std::string::npos);
  const std::string dir = temp_dir() + "/bad";
  CHECK(run_command(cli_exe() + " export --demo --formats gpkg,docx --out-dir " + dir, out) == 2);
  CHECK(out.find("docx") != std::string::npos);
  CHECK(run_command(cli_exe() + " export --demo --lang fr --out-dir " + dir, out) == 2);
  CHECK(run_command(cli_exe() + " export --out-dir " + dir, out) == 2);
  CHECK(run_command(cli_exe() + " export --demo --png-size big --out-dir " + dir, out) == 2);
  CHECK(run_command(cli_exe() + " export --demo --cell-m 0 --out-dir " + dir, out) == 2);
  CHECK(run_command(cli_exe() + " export --map /nonexistent.osm --stations x.csv --out-dir " + dir,
                    out) == 2);
}

TEST_CASE(
    "yizhan export on a real Chinese extract: station CSV with Chinese names and web-map "
    "coordinates",
    "[cli][export][data]") {
  const std::string map =
      require_file(data_dir() + "/osm/cn_nanjing_xinjiekou.osm", "real Chinese OSM extract");
  const std::string dir = temp_dir() + "/nanjing";
  fs::create_directories(dir);
  {
    std::ofstream f(dir + "/stations.csv");
    f << "id,name,经度,纬度,host_type\n"
      << "nj1,新街口驿站,118.7785,32.0418,co-built\n"
      << "nj2,\"鼓楼广场驿站, 北\",118.7790,32.0500,standalone\n"
      << "nj3,大行宫环卫驿站,118.7900,32.0430,shared\n";
  }
  std::string out;
  REQUIRE(run_command(cli_exe() + " export --map " + map + " --stations " + dir +
                          "/stations.csv --formats csv,shp,png --bom --lang zh --out-dir " + dir +
                          "/out",
                      out) == 0);
  INFO(out);
  std::ifstream csv(dir + "/out/stations_webmap.csv", std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(csv)), std::istreambuf_iterator<char>());
  CHECK(text.rfind("\xEF\xBB\xBF", 0) == 0);
  CHECK(text.find("新街口驿站") != std::string::npos);
  CHECK(text.find("\"鼓楼广场驿站, 北\"") != std::string::npos);  // quoted: it holds a comma
  // GCJ-02 of Xinjiekou is about 0.005° east and 0.002° south of WGS-84 (Amap's offset there).
  const size_t row = text.find("nj1,");
  REQUIRE(row != std::string::npos);
  const std::string line = text.substr(row, text.find('\n', row) - row);
  double lon = 0, lat = 0, glon = 0, glat = 0, blon = 0, blat = 0;
  REQUIRE(std::sscanf(line.c_str(), "nj1,新街口驿站,co-built,existing,%lf,%lf,%lf,%lf,%lf,%lf",
                      &lon, &lat, &glon, &glat, &blon, &blat) == 6);
  CHECK(lon == Approx(118.7785).margin(1e-7));
  CHECK(glon - lon == Approx(0.0050).margin(0.0015));
  CHECK(glat - lat == Approx(-0.0020).margin(0.0015));
  CHECK(blon - glon == Approx(0.0065).margin(0.0015));
  CHECK(blat - glat == Approx(0.0060).margin(0.0015));
  // The Shapefile carries the Chinese names (UTF-8 .cpg) and the OSM attribution is on the map.
  GDALAllRegister();
  GDALDatasetUniquePtr shp(
      GDALDataset::Open((dir + "/out/shp/stations.shp").c_str(), GDAL_OF_VECTOR));
  REQUIRE(shp);
  bool found = false;
  for (auto& f : *shp->GetLayer(0))
    found |= std::string(f->GetFieldAsString("name")) == "大行宫环卫驿站";
  CHECK(found);
  CHECK(fs::exists(dir + "/out/map.png"));
}

TEST_CASE("yizhan export is deterministic", "[cli][export]") {
  const std::string a = temp_dir() + "/det_a", b = temp_dir() + "/det_b";
  std::string out;
  for (const auto& dir : {a, b})
    REQUIRE(run_command(cli_exe() +
                            " export --demo --k 2 --time-limit 3 --formats geojson,csv --out-dir " +
                            dir,
                        out) == 0);
  auto slurp = [](const std::string& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  };
  int compared = 0;
  for (const auto& e : fs::recursive_directory_iterator(a)) {
    if (!e.is_regular_file()) continue;
    const std::string rel = fs::relative(e.path(), a).string();
    INFO(rel);
    CHECK(slurp(e.path().string()) == slurp(b + "/" + rel));
    ++compared;
  }
  CHECK(compared >= 15);  // 9 layers in each of GeoJSON and CSV, and the web-map list
}

TEST_CASE("yizhan export: input columns named like the export's own are kept, not fatal",
          "[cli][export]") {
  const std::string dir = temp_dir() + "/clash";
  fs::create_directories(dir);
  {
    std::ofstream f(dir + "/st.csv");
    f << "id,name,lon,lat,plan,snap,Walk_Workers\n"
      << "a1,东站,114.300,30.580,phase 2,x,5\n"
      << "a2,西站,114.310,30.585,phase 1,y,6\n";
  }
  std::string out;
  REQUIRE(run_command(cli_exe() + " export --demo --stations " + dir +
                          "/st.csv --formats gpkg,shp --out-dir " + dir + "/out",
                      out) == 0);
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open((dir + "/out/plan.gpkg").c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  OGRLayer* l = ds->GetLayerByName("stations");
  REQUIRE(l->GetFeatureCount() == 2);
  OGRFeatureUniquePtr f(l->GetNextFeature());
  CHECK(std::string(f->GetFieldAsString("plan")) == "existing");
  CHECK(std::string(f->GetFieldAsString("plan_input")) == "phase 2");
  CHECK(std::string(f->GetFieldAsString("snap_2")) == "x");
  CHECK(std::string(f->GetFieldAsString("Walk_Workers_2")) == "5");
  CHECK(std::string(f->GetFieldAsString("name")) == "东站");
  CHECK(fs::exists(dir + "/out/shp/stations.dbf"));
}
