// Whether a point file records its CRS (what the app asks about when it does not): CSV and
// spreadsheets never do; GeoPackage and GeoJSON do; a Shapefile does exactly when its .prj is
// there. The files are written here with GDAL, each with the CRS (or none) the test then expects
// back.
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "engine/inputs/recorded_crs.hpp"
#include "engine/map/gdal_session.hpp"
#include "engine/util/error.hpp"
#include "support/test_data.hpp"

namespace {

using namespace yz;

// One point layer "stations" in `driver` format, with `epsg` recorded (0: no CRS at all).
std::string write_points(const std::string& name, const char* driver, int epsg) {
  ensure_gdal();
  const std::string path = test::temp_dir() + "/" + name;
  GDALDriver* d = GetGDALDriverManager()->GetDriverByName(driver);
  REQUIRE(d);
  GDALDatasetUniquePtr ds(d->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  REQUIRE(ds);
  OGRSpatialReference srs;
  if (epsg) srs.importFromEPSG(epsg);
  OGRLayer* l = ds->CreateLayer("stations", epsg ? &srs : nullptr, wkbPoint, nullptr);
  REQUIRE(l);
  OGRFieldDefn f("name", OFTString);
  l->CreateField(&f);
  OGRFeature feat(l->GetLayerDefn());
  feat.SetField("name", "station 1");
  OGRPoint p(epsg == 4547 ? 534000.0 : 114.3, epsg == 4547 ? 3383000.0 : 30.58);
  feat.SetGeometry(&p);
  REQUIRE(l->CreateFeature(&feat) == OGRERR_NONE);
  return path;
}

}  // namespace

TEST_CASE("CSV and text tables record no CRS", "[inputs][crs]") {
  const std::string csv = test::temp_dir() + "/amap.csv";
  std::ofstream(csv) << "name,lon,lat\n驿站,114.3052,30.5928\n";
  CHECK_FALSE(recorded_crs(csv).has_value());
  // A stray .prj beside a CSV does not make it recorded: read_points ignores it too.
  std::ofstream(test::temp_dir() + "/amap.prj") << "GEOGCS[\"WGS 84\"]";
  CHECK_FALSE(recorded_crs(csv).has_value());
}

TEST_CASE("GeoPackage and GeoJSON record their CRS; a Shapefile only with its .prj",
          "[inputs][crs]") {
  CHECK(recorded_crs(write_points("s4326.gpkg", "GPKG", 4326)) == "EPSG:4326");
  CHECK(recorded_crs(write_points("s4547.gpkg", "GPKG", 4547)) == "EPSG:4547");
  CHECK(recorded_crs(write_points("s.geojson", "GeoJSON", 4326)) == "EPSG:4326");
  const std::string shp = write_points("s4547.shp", "ESRI Shapefile", 4547);
  REQUIRE(std::filesystem::exists(test::temp_dir() + "/s4547.prj"));
  CHECK(recorded_crs(shp) == "EPSG:4547");
  std::filesystem::remove(test::temp_dir() + "/s4547.prj");
  CHECK_FALSE(recorded_crs(shp).has_value());
  CHECK_FALSE(recorded_crs(write_points("none.shp", "ESRI Shapefile", 0)).has_value());
}

TEST_CASE("spreadsheets record no CRS", "[inputs][crs]") {
  // Even one GDAL cannot open here (an .xls without the driver) is asked about, not skipped.
  const std::string xls = test::temp_dir() + "/sites.xls";
  std::ofstream(xls) << "not really a workbook";
  CHECK_FALSE(recorded_crs(xls).has_value());
  ensure_gdal();
  if (!GetGDALDriverManager()->GetDriverByName("XLSX")) {
    WARN("GDAL has no XLSX driver here");
    return;
  }
  CHECK_FALSE(recorded_crs(write_points("sites.xlsx", "XLSX", 0)).has_value());
}

TEST_CASE("a missing or unreadable file is an input error naming it", "[inputs][crs]") {
  const std::string missing = test::temp_dir() + "/nothing.gpkg";
  CHECK_THROWS_WITH(recorded_crs(missing),
                    Catch::Contains("nothing.gpkg") && Catch::Contains("not found"));
  const std::string junk = test::temp_dir() + "/junk.gpkg";
  std::ofstream(junk) << "not a geopackage";
  CHECK_THROWS_AS(recorded_crs(junk), InputError);
}
