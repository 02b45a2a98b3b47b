// The vector writer: invalid polygons come back valid (GEOS MakeValid), values land in the right
// fields even where a driver adds its own (KML) or shortens names (Shapefile), Chinese text and
// the CRS survive.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "engine/export/vector_writer.hpp"
#include "support/test_data.hpp"

using namespace yz;

TEST_CASE("a self-intersecting polygon is repaired and values keep their fields", "[export]") {
  // A bow-tie: two triangles of 0.5 square degrees each, touching at (1, 1).
  Polygon bow;
  bow.rings.push_back({{0, 0}, {2, 2}, {2, 0}, {0, 2}, {0, 0}});
  for (const char* ext : {"gpkg", "shp", "kml", "geojson"}) {
    const std::string path = test::temp_dir() + "/bow." + ext;
    {
      VectorWriter w(path);
      w.begin_layer("areas", GeomKind::polygon,
                    {{"name", FieldType::text},
                     {"long_field_name_here", FieldType::real},
                     {"n", FieldType::integer}});
      w.add_polygon({bow}, {std::string("东区 缺口"), 12.5, int64_t{7}});
      w.close();
    }
    INFO(path);
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* l = ds->GetLayer(0);
    REQUIRE(l->GetFeatureCount() == 1);
    OGRFeatureUniquePtr f(l->GetNextFeature());
    const OGRGeometry* g = f->GetGeometryRef();
    REQUIRE(g);
    CHECK(g->IsValid());
    const double area = wkbFlatten(g->getGeometryType()) == wkbMultiPolygon
                            ? g->toMultiPolygon()->get_Area()
                            : g->toPolygon()->get_Area();
    CHECK(area == Approx(2.0));
    const int name =
        f->GetFieldIndex("name") >= 0 ? f->GetFieldIndex("name") : f->GetFieldIndex("Name");
    REQUIRE(name >= 0);
    CHECK(std::string(f->GetFieldAsString(name)) == "东区 缺口");
    // The 20-character name is cut to 10 in a Shapefile; its value is still the second one given.
    const int real_field =
        f->GetFieldIndex(std::string(ext) == "shp" ? "long_field" : "long_field_name_here");
    REQUIRE(real_field >= 0);
    CHECK(f->GetFieldAsDouble(real_field) == 12.5);
    CHECK(f->GetFieldAsInteger64("n") == 7);
    REQUIRE(l->GetSpatialRef());
    CHECK(l->GetSpatialRef()->IsGeographic());
  }
}
