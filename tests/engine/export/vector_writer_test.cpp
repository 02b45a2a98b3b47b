// The vector writer: invalid polygons come back valid (GEOS MakeValid), values land in the right
// fields even where a driver adds its own (KML) or shortens names (Shapefile), Chinese text and
// the CRS survive.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>

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

namespace {
bool valid_utf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}
}  // namespace

TEST_CASE("Shapefile field names: cut at a character boundary, unique, values in place",
          "[export]") {
  // 站点名称 is 12 bytes in UTF-8: a cut at byte 10 would split 称. The next four share their first
  // 10 bytes (or their first three characters) and must stay apart.
  const std::vector<std::string> names = {"站点名称",     "站点名称备注", "站点名称2",
                                          "建设类型",     "walk_workers", "walk_workers_2",
                                          "Walk_WorkersX"};
  std::vector<FieldDef> fields;
  std::vector<FieldValue> values;
  for (size_t i = 0; i < names.size(); ++i) {
    fields.push_back({names[i], FieldType::text});
    values.push_back("v" + std::to_string(i));
  }
  const std::string path = test::temp_dir() + "/names.shp";
  {
    VectorWriter w(path);
    w.begin_layer("names", GeomKind::point, fields);
    w.add_point({114.3, 30.58}, values);
    w.close();
  }
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  OGRLayer* l = ds->GetLayer(0);
  OGRFeatureDefn* def = l->GetLayerDefn();
  REQUIRE(def->GetFieldCount() == static_cast<int>(names.size()));
  std::vector<std::string> seen;
  for (int i = 0; i < def->GetFieldCount(); ++i) {
    std::string n = def->GetFieldDefn(i)->GetNameRef();
    INFO(n);
    CHECK(valid_utf8(n));
    CHECK(n.size() <= 10);
    std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
    CHECK(std::find(seen.begin(), seen.end(), n) == seen.end());
    seen.push_back(n);
  }
  CHECK(std::string(def->GetFieldDefn(0)->GetNameRef()) == "站点名");  // 9 bytes: whole characters
  CHECK(std::string(def->GetFieldDefn(3)->GetNameRef()) == "建设类");
  OGRFeatureUniquePtr f(l->GetNextFeature());
  REQUIRE(f);
  for (int i = 0; i < def->GetFieldCount(); ++i)
    CHECK(std::string(f->GetFieldAsString(i)) == "v" + std::to_string(i));
}

TEST_CASE("a NaN value is written as NULL (GeoPackage, Shapefile, GeoJSON)", "[export]") {
  for (const char* ext : {"gpkg", "shp", "geojson"}) {
    const std::string path = test::temp_dir() + "/null." + ext;
    {
      VectorWriter w(path);
      w.begin_layer("t", GeomKind::point,
                    {{"cost", FieldType::real}, {"rank", FieldType::integer}});
      w.add_point({114.3, 30.58}, {std::nan(""), std::nan("")});
      w.add_point({114.3, 30.59}, {1.5, int64_t{2}});
      w.close();
    }
    INFO(path);
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* l = ds->GetLayer(0);
    OGRFeatureUniquePtr a(l->GetNextFeature()), b(l->GetNextFeature());
    REQUIRE(a);
    REQUIRE(b);
    const int cost = a->GetFieldIndex("cost"), rank = a->GetFieldIndex("rank");
    CHECK(!a->IsFieldSetAndNotNull(cost));
    CHECK(!a->IsFieldSetAndNotNull(rank));
    CHECK(b->GetFieldAsDouble(cost) == 1.5);
    CHECK(b->GetFieldAsInteger64(rank) == 2);
  }
}
