// `yizhan coverage` on bad input: exit code 2 (never a crash, 1 or a hang) and a message that names
// the file and the problem. A disconnected network is valid input: its island sites are reported.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/osm_xml.hpp"
#include "support/test_data.hpp"

using namespace yz::test;
namespace fs = std::filesystem;

namespace {

constexpr double kLon0 = 114.30, kLat0 = 30.60;
double lon_at(double dx) {
  return kLon0 + dx / (111320.0 * std::cos(kLat0 * kDeg));
}
double lat_at(double dy) {
  return kLat0 + dy / 110574.0;
}

// A 1 km street grid (200 m blocks) in Wuhan, and a 100 m footway island 600 m east of it.
std::string grid_map(double lon0 = kLon0, double lat0 = kLat0,
                     const std::string& name = "grid.osm") {
  auto lon = [&](double dx) { return lon0 + dx / (111320.0 * std::cos(lat0 * kDeg)); };
  auto lat = [&](double dy) { return lat0 + dy / 110574.0; };
  OsmXml osm;
  auto nid = [](int i, int j) { return static_cast<int64_t>(1 + i * 6 + j); };
  for (int i = 0; i <= 5; ++i)
    for (int j = 0; j <= 5; ++j) osm.node(nid(i, j), lon(200.0 * i), lat(200.0 * j));
  int64_t wid = 1;
  for (int i = 0; i <= 5; ++i) {
    std::vector<int64_t> row, col;
    for (int j = 0; j <= 5; ++j) row.push_back(nid(j, i)), col.push_back(nid(i, j));
    osm.way(wid++, row, {{"highway", "residential"}});
    osm.way(wid++, col, {{"highway", "residential"}});
  }
  osm.node(100, lon(1600), lat(500));
  osm.node(101, lon(1700), lat(500));
  osm.way(100, {100, 101}, {{"highway", "footway"}});
  return osm.write(temp_dir() + "/" + name);
}

std::string write_text(const std::string& name, const std::string& text) {
  const std::string p = temp_dir() + "/" + name;
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

std::string good_sites() {
  char buf[200];
  std::snprintf(buf, sizeof buf, "id,name,lon,lat\n1,a,%.7f,%.7f\n2,b,%.7f,%.7f\n", lon_at(410),
                lat_at(390), lon_at(820), lat_at(600));
  return write_text("sites.csv", buf);
}

// Runs yizhan (killed after 120 s: a hang fails the test as exit 124) and checks the exit code and
// that every expected piece of the message is there.
std::string expect_exit(int want, const std::string& args,
                        const std::vector<std::string>& needles) {
  std::string out;
  const int rc = run_command("timeout 120 " + cli_exe() + " " + args, out);
  INFO("yizhan " << args << "\n" << out);
  CHECK(rc == want);
  for (const auto& n : needles) CHECK_THAT(out, Catch::Contains(n));
  CHECK_THAT(out, !Catch::Contains("internal error"));
  return out;
}

std::string coverage(const std::string& map, const std::string& sites,
                     const std::string& extra = "") {
  return "coverage --map " + map + " --sites " + sites + " --out " + temp_dir() +
         "/out.gpkg --overwrite --no-areas " + extra;  // one output for every case
}

}  // namespace

TEST_CASE("the grid map itself works (so the failures below are the inputs' fault)",
          "[cli][bad-input]") {
  expect_exit(0, coverage(grid_map(), good_sites()), {"Wrote"});
  const auto j =
      nlohmann::json::parse(expect_exit(0, coverage(grid_map(), good_sites(), "--json"), {}));
  CHECK(j["inputs"][0]["kept"] == 2);
  CHECK(j["inputs"][0]["reasons"].is_object());  // {} when nothing was dropped, never null
  CHECK(j["network"]["components"] == 2);
}

TEST_CASE("missing, empty and unreadable map files", "[cli][bad-input]") {
  const std::string sites = good_sites();
  expect_exit(2, coverage(temp_dir() + "/nope.osm.pbf", sites), {"nope.osm.pbf", "not found"});
  const std::string empty = write_text("empty.osm.pbf", "");
  expect_exit(2, coverage(empty, sites), {"empty.osm.pbf", "empty"});
  const std::string fake = write_text("notes.pbf", "this is a text file, not a protocol buffer\n");
  expect_exit(2, coverage(fake, sites), {"notes.pbf", "not a readable OpenStreetMap file"});
  const std::string unknown = write_text("roads.xyz", "0 0 1 1\n");
  expect_exit(2, coverage(unknown, sites), {"roads.xyz", "not a readable vector map"});
  const std::string badgz = write_text("broken.osm.gz", "\x1f\x8b\x08 definitely not gzip data");
  expect_exit(2, coverage(badgz, sites), {"broken.osm.gz", "gzip"});
  // XML cut off in the middle of a way.
  std::string grid;
  {
    std::ifstream in(grid_map());
    grid.assign(std::istreambuf_iterator<char>(in), {});
  }
  const std::string cut_xml = write_text("cut.osm", grid.substr(0, grid.size() * 3 / 4));
  expect_exit(2, coverage(cut_xml, sites), {"cut.osm"});
}

TEST_CASE("a truncated real .osm.pbf", "[cli][bad-input][real]") {
  const std::string src =
      require_file(data_dir() + "/osm/london_city.osm.pbf", "a real PBF to cut");
  for (double frac : {0.5, 0.9, 0.999}) {
    const std::string cut = temp_dir() + "/london_cut.osm.pbf";
    fs::copy_file(src, cut, fs::copy_options::overwrite_existing);
    fs::resize_file(cut, static_cast<uintmax_t>(fs::file_size(src) * frac));
    INFO("kept " << frac * 100 << " % of the file");
    // Sites in the City of London (the map's area).
    const std::string sites =
        write_text("london_sites.csv", "lon,lat\n-0.0918,51.5138\n-0.1030,51.5155\n");
    expect_exit(2, coverage(cut, sites), {"london_cut.osm.pbf", "truncated"});
  }
}

TEST_CASE("a real .osm XML file cut near its end (ways read, relations cut)",
          "[cli][bad-input][real]") {
  const std::string src =
      require_file(data_dir() + "/osm/cn_nanjing_xinjiekou.osm", "a real OSM XML file to cut");
  const std::string cut = temp_dir() + "/nanjing_cut.osm";
  fs::copy_file(src, cut, fs::copy_options::overwrite_existing);
  fs::resize_file(cut, fs::file_size(src) * 99 / 100);
  const std::string sites = write_text("nanjing_sites.csv", "lon,lat\n118.780,32.045\n");
  expect_exit(2, coverage(cut, sites), {"nanjing_cut.osm", "truncated"});
}

TEST_CASE("a GeoPackage with no line layer", "[cli][bad-input]") {
  GDALAllRegister();
  const std::string path = temp_dir() + "/points_only.gpkg";
  fs::remove(path);
  {
    GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GPKG")->Create(
        path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(ds);
    OGRSpatialReference wgs;
    wgs.importFromEPSG(4326);
    OGRLayer* l = ds->CreateLayer("shops", &wgs, wkbPoint, nullptr);
    OGRFeature f(l->GetLayerDefn());
    OGRPoint p(kLon0, kLat0);
    f.SetGeometry(&p);
    REQUIRE(l->CreateFeature(&f) == OGRERR_NONE);
  }
  expect_exit(2, coverage(path, good_sites()), {"points_only.gpkg", "no layer of lines"});
}

TEST_CASE("a road Shapefile in metres with no .prj (CRS not recorded)", "[cli][bad-input]") {
  GDALAllRegister();
  const std::string path = temp_dir() + "/utm_noprj.shp";
  {
    GDALDatasetUniquePtr ds(GetGDALDriverManager()
                                ->GetDriverByName("ESRI Shapefile")
                                ->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    REQUIRE(ds);
    OGRLayer* l = ds->CreateLayer("utm_noprj", nullptr, wkbLineString, nullptr);
    OGRFeature f(l->GetLayerDefn());
    OGRLineString ls;
    ls.addPoint(500000, 3385000);  // UTM-like metres, read as if they were degrees
    ls.addPoint(500300, 3385000);
    f.SetGeometry(&ls);
    REQUIRE(l->CreateFeature(&f) == OGRERR_NONE);
  }
  expect_exit(2, coverage(path, good_sites()), {"utm_noprj.shp", "coordinate reference system"});
}

TEST_CASE("an output folder that does not exist", "[cli][bad-input]") {
  expect_exit(2,
              "coverage --map " + grid_map() + " --sites " + good_sites() + " --out " + temp_dir() +
                  "/no/such/folder/out.gpkg",
              {"out.gpkg", "output folder does not exist"});
}

TEST_CASE("bad sites: NaN, non-numeric, outside the map, no lon/lat columns, empty",
          "[cli][bad-input]") {
  const std::string map = grid_map();
  const std::string nan = write_text("nan_sites.csv", "id,lon,lat\n1,nan,30.6\n2,114.3,NaN\n");
  expect_exit(2, coverage(map, nan), {"nan_sites.csv", "none of the 2 sites could be used"});
  const std::string text = write_text("text_sites.csv", "id,lon,lat\n1,east gate,north\n2,?,?\n");
  expect_exit(2, coverage(map, text), {"text_sites.csv", "none of the 2 sites could be used"});
  const std::string far =
      write_text("far_sites.csv", "id,lon,lat\n1,116.40,39.90\n2,121.47,31.23\n");
  expect_exit(2, coverage(map, far), {"far_sites.csv", "outside the map"});
  const std::string nocols = write_text("nocols.csv", "id,east,north\n1,114.3,30.6\n");
  expect_exit(2, coverage(map, nocols),
              {"nocols.csv", "no longitude/latitude columns", "east, north"});
  const std::string header_only = write_text("header_only.csv", "id,lon,lat\n");
  expect_exit(2, coverage(map, header_only), {"header_only.csv", "no sites"});
  expect_exit(2, coverage(map, temp_dir() + "/no_sites.csv"), {"no_sites.csv", "not found"});
  // One good row among bad ones: the run goes on and the dropped rows are reported, each with
  // its own reason (NaN said as such; a single row with lon/lat exchanged gets the hint).
  char buf[300];
  std::snprintf(buf, sizeof buf, "id,lon,lat\n1,%.7f,%.7f\n2,nan,30.6\n3,116.40,39.90\n4,%.7f,%.7f\n",
                lon_at(400), lat_at(400), lat_at(600), lon_at(600));
  const std::string mixed = write_text("mixed_sites.csv", buf);
  expect_exit(0, coverage(map, mixed),
              {"mixed_sites.csv", "dropped 3", "outside the map", "NaN coordinates", "swapped"});
}

TEST_CASE("an output name that is an existing folder", "[cli][bad-input]") {
  const std::string dir = temp_dir() + "/out_is_a_folder.gpkg";
  fs::create_directories(dir);
  expect_exit(2,
              "coverage --map " + grid_map() + " --sites " + good_sites() + " --no-areas --out " + dir,
              {"out_is_a_folder.gpkg", "is a folder"});
  expect_exit(2, "coverage --map " + grid_map() + " --sites " + good_sites() + " --out " + temp_dir(),
              {"is a folder"});
}

TEST_CASE("swapped longitude/latitude columns get a hint (European map: lon < 90)",
          "[cli][bad-input]") {
  const double lon0 = 11.57, lat0 = 48.14;  // Munich
  const std::string map = grid_map(lon0, lat0, "grid_munich.osm");
  char buf[200];
  std::snprintf(buf, sizeof buf, "id,lon,lat\n1,%.6f,%.6f\n2,%.6f,%.6f\n", lat0 + 0.001,
                lon0 + 0.002, lat0 + 0.003, lon0 + 0.004);
  const std::string swapped = write_text("swapped_munich.csv", buf);
  expect_exit(2, coverage(map, swapped),
              {"swapped_munich.csv", "with longitude and latitude swapped"});
}

// With lon > 90 (all of China) the swapped pair has "latitude" > 90: the reader must still see
// that the swap would land on the map and give the hint.
TEST_CASE("swapped longitude/latitude columns get a hint (Chinese map: lon > 90)",
          "[cli][bad-input]") {
  const std::string map = grid_map();
  char buf[200];
  std::snprintf(buf, sizeof buf, "id,lon,lat\n1,%.7f,%.7f\n2,%.7f,%.7f\n", lat_at(400), lon_at(400),
                lat_at(600), lon_at(600));
  const std::string swapped = write_text("swapped_wuhan.csv", buf);
  expect_exit(2, coverage(map, swapped),
              {"swapped_wuhan.csv", "with longitude and latitude swapped"});
}

TEST_CASE("nonsense parameters and output names", "[cli][bad-input]") {
  const std::string map = grid_map(), sites = good_sites();
  expect_exit(2, coverage(map, sites, "--minutes -5"), {"--minutes", "positive"});
  expect_exit(2, coverage(map, sites, "--minutes 0"), {"--minutes", "positive"});
  expect_exit(2, coverage(map, sites, "--speed-kmh 0"), {"--speed-kmh"});
  expect_exit(2, coverage(map, sites, "--speed-kmh -4"), {"--speed-kmh"});
  expect_exit(2, coverage(map, sites, "--radius-m 0"), {"--radius-m"});
  expect_exit(2, coverage(map, sites, "--minutes abc"), {"--minutes"});
  expect_exit(2,
              "coverage --map " + map + " --sites " + sites + " --out " + temp_dir() + "/out.xyz",
              {"out.xyz", "unknown output format"});
  expect_exit(2, coverage(map, sites, "--crs EPSG:4326"), {"--crs", "projected"});
}

TEST_CASE("a disconnected network: a site on a tiny island is reported, the run succeeds",
          "[cli][bad-input]") {
  const std::string map = grid_map();
  char buf[240];
  std::snprintf(buf, sizeof buf, "id,name,lon,lat\n1,main,%.7f,%.7f\n2,island,%.7f,%.7f\n",
                lon_at(400), lat_at(410), lon_at(1650), lat_at(505));
  const std::string sites = write_text("island_sites.csv", buf);
  const std::string out = expect_exit(0, coverage(map, sites), {"tiny disconnected island"});
  CHECK_THAT(out, Catch::Contains("2 connected components"));
}
