// Workers from a raster: GeoTIFFs written here in WGS-84 and in EPSG:32650; totals conserved, cells
// placed at their centres; empty, nodata-only, off-map and unreferenced rasters refused clearly.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include "engine/inputs/demand_builder.hpp"
#include "engine/util/error.hpp"
#include "support/test_data.hpp"
#include "support/tiny_network.hpp"

using namespace yz;
using namespace yz::test;

namespace {

// A 1 km grid of streets every 100 m (x and y from 0 to 1000 m).
CityNetwork grid_city() {
  std::vector<TinyLine> lines;
  for (int i = 0; i <= 10; ++i) {
    lines.push_back({{{0.0, i * 100.0}, {1000.0, i * 100.0}}});
    lines.push_back({{{i * 100.0, 0.0}, {i * 100.0, 1000.0}}});
  }
  return city_from_lines(tiny_lines(lines));
}

// values row-major, top row first; gt = GDAL geotransform; epsg 0 = no CRS.
std::string write_tif(const std::string& path, int w, int h, const double gt[6], int epsg,
                      const std::vector<double>& values, const double* nodata = nullptr) {
  GDALAllRegister();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GTiff");
  GDALDatasetUniquePtr ds(drv->Create(path.c_str(), w, h, 1, GDT_Float32, nullptr));
  double g[6];
  std::copy(gt, gt + 6, g);
  ds->SetGeoTransform(g);
  if (epsg) {
    OGRSpatialReference srs;
    srs.importFromEPSG(epsg);
    ds->SetSpatialRef(&srs);
  }
  GDALRasterBand* b = ds->GetRasterBand(1);
  if (nodata) b->SetNoDataValue(*nodata);
  std::vector<double> v = values;
  REQUIRE(b->RasterIO(GF_Write, 0, 0, w, h, v.data(), w, h, GDT_Float64, 0, 0) == CE_None);
  return path;
}

DemandResult run(const CityNetwork& city, const std::string& raster, double cell_m = 0) {
  DemandRequest req;
  req.profile = DemandProfile::load_default();
  req.profile.select({"none"});
  req.raster_path = raster;
  req.cell_m = cell_m;
  return build_demand(city, req);
}

std::string error_of(const CityNetwork& city, const std::string& raster) {
  try {
    run(city, raster);
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("raster in a projected CRS: totals and cell positions", "[demand][raster]") {
  CityNetwork city = grid_city();
  REQUIRE(city.projection().name() == "EPSG:32650");
  const std::string dir = temp_dir();
  // 3 x 2 cells of 100 m from (200, 700) top-left; one nodata cell, one zero.
  const double gt[6] = {200, 100, 0, 700, 0, -100};
  const double nd = -9999;
  write_tif(dir + "/utm.tif", 3, 2, gt, 32650, {5, 0, 7, -9999, 2.5, 4}, &nd);
  const DemandResult r = run(city, dir + "/utm.tif");
  REQUIRE(r.drops.at(0).read == 4);
  REQUIRE(r.drops.at(0).kept == 4);
  REQUIRE(r.cells.total() == Approx(18.5).epsilon(1e-12));
  // Cell (row 0, col 0) = 5 workers at its centre (250, 650); (row 1, col 2) = 4 at (450, 550).
  auto at = [&](Vec2 p) {
    double w = 0;
    for (size_t i = 0; i < r.items.size(); ++i)
      if (distance(r.items.xy[i], p) < 1e-3) w += r.items.weight[i];
    return w;
  };
  REQUIRE(at({250, 650}) == Approx(5));
  REQUIRE(at({450, 650}) == Approx(7));
  REQUIRE(at({350, 550}) == Approx(2.5));
  REQUIRE(at({450, 550}) == Approx(4));
  // Aggregated to 200 m cells: still 18.5.
  REQUIRE(run(city, dir + "/utm.tif", 200).cells.total() == Approx(18.5).epsilon(1e-12));
}

TEST_CASE("a raster much larger than the map: only the window over the map is read",
          "[demand][raster]") {
  CityNetwork city = grid_city();
  const std::string dir = temp_dir();
  // 400 x 400 cells of 100 m (40 km across) with the 1 km map near its centre; 1 worker per cell.
  const double gt[6] = {-20000, 100, 0, 20500, 0, -100};
  write_tif(dir + "/big.tif", 400, 400, gt, 32650, std::vector<double>(400 * 400, 1.0));
  const DemandResult r = run(city, dir + "/big.tif");
  const DropReport& rep = r.drops.at(0);
  REQUIRE(rep.read <
          400 * 400 / 10);   // the window over the map and its 2 km margin, not the raster
  REQUIRE(rep.kept >= 100);  // at least the 10 x 10 cells inside the street grid
  REQUIRE(r.cells.total() == Approx(double(rep.kept)));
  bool window_note = false;
  for (const auto& n : rep.notes)
    window_note |= n.find("only the cells over the map were read") != std::string::npos;
  REQUIRE(window_note);
}

TEST_CASE("raster in WGS-84: cells placed at the right location", "[demand][raster]") {
  CityNetwork city = grid_city();
  const std::string dir = temp_dir();
  // A 2 x 2 raster of 0.002° cells whose top-left corner is at the lon/lat of metric (300, 800).
  const Vec2 tl = city.projection().to_lonlat({300, 800});
  const double d = 0.002;
  const double gt[6] = {tl.x, d, 0, tl.y, 0, -d};
  write_tif(dir + "/wgs.tif", 2, 2, gt, 4326, {1, 2, 3, 4});
  const DemandResult r = run(city, dir + "/wgs.tif");
  REQUIRE(r.cells.total() == Approx(10).epsilon(1e-12));
  for (size_t i = 0; i < r.items.size(); ++i) {
    const int v = static_cast<int>(std::lround(r.items.weight[i]));
    const int row = (v - 1) / 2, col = (v - 1) % 2;
    const Vec2 expect =
        city.projection().to_metric({tl.x + (col + 0.5) * d, tl.y - (row + 0.5) * d});
    REQUIRE(distance(r.items.xy[i], expect) < 1e-6);
  }
}

TEST_CASE("raster errors: empty, nodata only, outside the map, no CRS", "[demand][raster]") {
  CityNetwork city = grid_city();
  const std::string dir = temp_dir();
  const double gt[6] = {200, 100, 0, 700, 0, -100};
  const double nd = -1;
  write_tif(dir + "/zero.tif", 2, 2, gt, 32650, {0, 0, 0, 0});
  REQUIRE_THAT(error_of(city, dir + "/zero.tif"), Catch::Contains("no cell has a value above 0"));
  write_tif(dir + "/nodata.tif", 2, 2, gt, 32650, {-1, -1, -1, -1}, &nd);
  REQUIRE_THAT(error_of(city, dir + "/nodata.tif"), Catch::Contains("nodata"));
  const double far[6] = {500000, 100, 0, 3400000, 0, -100};
  write_tif(dir + "/far.tif", 2, 2, far, 32650, {1, 1, 1, 1});
  REQUIRE_THAT(error_of(city, dir + "/far.tif"), Catch::Contains("outside the map"));
  write_tif(dir + "/nocrs.tif", 2, 2, gt, 0, {1, 1, 1, 1});
  REQUIRE_THAT(error_of(city, dir + "/nocrs.tif"),
               Catch::Contains("no coordinate reference system"));
  REQUIRE_THAT(error_of(city, dir + "/missing.tif"), Catch::Contains("file not found"));
  // Partly outside: the cells off the map are dropped with the reason, the rest kept.
  // Cells 3 km wide: the first centred on (900, 550), on a street; the second at (3900, 550), more
  // than the 2 km margin beyond the map.
  const double half[6] = {-600, 3000, 0, 600, 0, -100};
  write_tif(dir + "/half.tif", 2, 1, half, 32650, {3, 6});
  const DemandResult r = run(city, dir + "/half.tif");
  REQUIRE(r.cells.total() == Approx(3));
  REQUIRE(r.drops.at(0).dropped.size() == 1);
  REQUIRE(r.drops.at(0).dropped[0].reason == "outside the map");
}

TEST_CASE("a coarse cell is spread over the streets inside it, not lost", "[demand][raster]") {
  // Two north-south streets at x = 100 and x = 700 crossing an 800 m cell [0, 800] x [0, 800]:
  // the cell's centre (400, 400) is 300 m from both, beyond the 250 m snap distance.
  CityNetwork city = city_from_lines(
      tiny_lines({{{{100, -200}, {100, 1000}}}, {{{700, -200}, {700, 1000}}}}));
  const std::string dir = temp_dir();
  const double gt[6] = {0, 800, 0, 800, 0, -800};
  write_tif(dir + "/coarse.tif", 1, 1, gt, 32650, {80});
  const DemandResult r = run(city, dir + "/coarse.tif");
  INFO(r.drops.at(0).summary());
  REQUIRE(r.drops.at(0).kept == 1);
  CHECK(r.cells.total() == Approx(80).epsilon(1e-12));
  double west = 0, east = 0;
  for (size_t i = 0; i < r.items.size(); ++i) {
    const Vec2 p = r.items.xy[i];
    CHECK(p.y >= -1e-6);
    CHECK(p.y <= 800 + 1e-6);  // only the streets inside the cell
    if (std::abs(p.x - 100) < 1e-6) west += r.items.weight[i];
    if (std::abs(p.x - 700) < 1e-6) east += r.items.weight[i];
  }
  // 800 m of each street inside the cell: half the workers each, in 50 m pieces.
  CHECK(west == Approx(40).epsilon(1e-9));
  CHECK(east == Approx(40).epsilon(1e-9));
  CHECK(r.items.size() == 32);
  // A fine cell (100 m) still goes to its centre.
  const double fine[6] = {50, 100, 0, 450, 0, -100};
  write_tif(dir + "/fine.tif", 1, 1, fine, 32650, {3});
  const DemandResult rf = run(city, dir + "/fine.tif");
  REQUIRE(rf.items.size() == 1);
  CHECK(distance(rf.items.xy[0], {100, 400}) < 1e-6);
}
