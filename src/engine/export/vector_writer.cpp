#include "engine/export/vector_writer.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <filesystem>

#include "engine/export/kml_styles.hpp"
#include "engine/map/gdal_session.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/ascii_case.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"
#include "engine/util/output_file.hpp"

namespace yz {

namespace fs = std::filesystem;

namespace {
// GEOS MakeValid where needed, keeping only the polygonal part (a repaired polygon may come back
// as a collection with stray lines or points, which polygon layers cannot hold).
void add_polygons(const OGRGeometry* g, OGRMultiPolygon& out) {
  switch (wkbFlatten(g->getGeometryType())) {
    case wkbPolygon:
      out.addGeometry(g);
      break;
    case wkbMultiPolygon:
    case wkbGeometryCollection:
      for (const auto* part : *g->toGeometryCollection()) add_polygons(part, out);
      break;
    default:
      break;
  }
}

size_t utf8_length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead >> 5 == 6 ? 2 : lead >> 4 == 14 ? 3 : lead >> 3 == 30 ? 4 : 1;
}

// The longest prefix of at most max_bytes that ends on a character boundary.
std::string utf8_prefix(const std::string& s, size_t max_bytes) {
  size_t n = 0;
  while (n < s.size()) {
    const size_t k = utf8_length(static_cast<unsigned char>(s[n]));
    if (n + k > max_bytes || n + k > s.size()) break;
    n += k;
  }
  return s.substr(0, n);
}

// DBF field names hold at most 10 bytes. GDAL cuts longer names at byte 10, which can split a
// UTF-8 character (站点名称 -> "站点名\xe7"); cut at a character boundary instead, and keep names
// unique (case-insensitively) with a numbered suffix that also fits.
std::vector<std::string> dbf_field_names(const std::vector<FieldDef>& fields) {
  constexpr size_t kMax = 10;
  std::vector<std::string> out, seen;
  for (const auto& f : fields) {
    std::string name = utf8_prefix(f.name, kMax);
    for (int k = 2; std::find(seen.begin(), seen.end(), ascii_lower(name)) != seen.end(); ++k) {
      const std::string suffix = "_" + std::to_string(k);
      name = utf8_prefix(f.name, kMax - suffix.size()) + suffix;
    }
    seen.push_back(ascii_lower(name));
    out.push_back(name);
  }
  return out;
}

std::unique_ptr<OGRGeometry> make_valid_multipolygon(std::unique_ptr<OGRMultiPolygon> mp) {
  GdalErrorCapture quiet;  // GEOS explains invalidity as a warning; we repair instead
  if (mp->IsEmpty() || mp->IsValid()) return mp;
  std::unique_ptr<OGRGeometry> fixed(mp->MakeValid());
  if (!fixed) return mp;
  auto out = std::make_unique<OGRMultiPolygon>();
  add_polygons(fixed.get(), *out);
  return out;
}
}  // namespace

struct VectorWriter::Impl {
  std::string path, driver;
  std::unique_ptr<OutputFile> out;  // declared before ds: the dataset closes before it is removed
  GDALDatasetUniquePtr ds;
  OGRLayer* layer = nullptr;
  GeomKind kind = GeomKind::point;
  OGRSpatialReference wgs84;
  bool in_txn = false;
  bool closed = false;
  bool csv_bom = false;
  std::string next_style;
  std::vector<std::string> kml_styles, kml_hidden;  // plain KML: per placemark, for the pass
  // Where each given value goes: drivers may add fields of their own (KML's Name, Description)
  // or rename ours (Shapefile's 10-character names), so positions are recorded as fields are made.
  std::vector<int> field_index;

  void write(std::unique_ptr<OGRGeometry> g, const std::vector<FieldValue>& values) {
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(layer->GetLayerDefn()));
    const size_t n = std::min(values.size(), field_index.size());
    for (size_t k = 0; k < n; ++k) {
      const int i = field_index[k];
      if (i < 0) continue;
      if (const auto* v = std::get_if<int64_t>(&values[k]))
        f->SetField(i, static_cast<GIntBig>(*v));
      else if (const auto* d = std::get_if<double>(&values[k]); d && std::isnan(*d))
        f->SetFieldNull(i);  // not given
      else if (d)
        f->SetField(i, *d);
      else
        f->SetField(i, std::get<std::string>(values[k]).c_str());
    }
    if (g) {
      g->assignSpatialReference(&wgs84);
      f->SetGeometryDirectly(g.release());
    }
    if (driver == "KML")  // no style table in the plain driver: styled by the pass in close()
      kml_styles.push_back(next_style.rfind('@', 0) == 0 ? next_style.substr(1) : std::string());
    else if (!next_style.empty())
      f->SetStyleString(next_style.c_str());
    next_style.clear();
    if (layer->CreateFeature(f.get()) != OGRERR_NONE) fail();
  }
  void commit_txn() {
    if (in_txn && ds->CommitTransaction() != OGRERR_NONE) fail();
    in_txn = false;
  }
  // A write the driver refused: the disk is full, the folder read-only, ... (exit 2, file named).
  [[noreturn]] void fail() const {
    const int err = errno;
    throw_write_error(path, err, CPLGetLastErrorMsg());
  }
};

std::string VectorWriter::driver_for(const std::string& path) {
  const std::string ext = ascii_lower(fs::path(path).extension().string());
  if (ext == ".gpkg") return "GPKG";
  if (ext == ".geojson" || ext == ".json") return "GeoJSON";
  if (ext == ".kml") return "KML";
  if (ext == ".shp") return "ESRI Shapefile";
  if (ext == ".csv") return "CSV";
  throw CodedError(path, Msg::unknown_output_format, {{"value", ext}});
}

VectorWriter::VectorWriter(const std::string& path, const std::string& driver)
    : impl_(std::make_unique<Impl>()) {
  ensure_gdal();
  impl_->path = path;
  impl_->driver = driver.empty() ? driver_for(path) : driver;
  impl_->wgs84.SetWellKnownGeogCS("WGS84");
  impl_->wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(impl_->driver.c_str());
  if (!drv) throw CodedError(path, Msg::gdal_driver_missing, {{"driver", impl_->driver}});
  // Staged under the same file name (drivers look at the extension; KML names its document).
  impl_->out = std::make_unique<OutputFile>(path);
  errno = 0;
  GdalErrorCapture cap;
  impl_->ds.reset(drv->Create(impl_->out->path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  if (!impl_->ds) throw_write_error(path, errno, cap.first_error());
}

VectorWriter::~VectorWriter() {
  if (!impl_->closed) {
    GdalErrorCapture quiet;  // abandoning the file: its flush errors do not matter
    impl_->ds.reset();
  }
}

void VectorWriter::set_csv_bom(bool bom) {
  impl_->csv_bom = bom;
}

void VectorWriter::begin_layer(const std::string& name, GeomKind kind,
                               const std::vector<FieldDef>& fields) {
  impl_->commit_txn();
  const OGRwkbGeometryType gt = kind == GeomKind::point  ? wkbPoint
                                : kind == GeomKind::line ? wkbLineString
                                                         : wkbMultiPolygon;
  std::vector<const char*> opts;
  if (impl_->driver == "ESRI Shapefile") opts.push_back("ENCODING=UTF-8");  // writes a .cpg
  if (impl_->driver == "CSV")
    opts.push_back(kind == GeomKind::point ? "GEOMETRY=AS_XY" : "GEOMETRY=AS_WKT");
  if (impl_->driver == "CSV" && impl_->csv_bom) opts.push_back("WRITE_BOM=YES");
  // GeoJSON as RFC 7946 says: no crs member, counter-clockwise outer rings, 7 decimals (1 cm).
  if (impl_->driver == "GeoJSON") {
    opts.push_back("RFC7946=YES");
    opts.push_back("COORDINATE_PRECISION=7");
  }
  opts.push_back(nullptr);
  impl_->layer =
      impl_->ds->CreateLayer(name.c_str(), &impl_->wgs84, gt, const_cast<char**>(opts.data()));
  if (!impl_->layer) impl_->fail();
  impl_->field_index.clear();
  GdalErrorCapture quiet;  // Shapefile's "laundered field name" warnings: expected, documented
  const bool dbf = impl_->driver == "ESRI Shapefile";
  const std::vector<std::string> dbf_names =
      dbf ? dbf_field_names(fields) : std::vector<std::string>{};
  for (size_t k = 0; k < fields.size(); ++k) {
    const FieldDef& f = fields[k];
    const std::string& name = dbf ? dbf_names[k] : f.name;
    const int before = impl_->layer->GetLayerDefn()->GetFieldCount();
    OGRFieldDefn fd(name.c_str(), f.type == FieldType::integer ? OFTInteger64
                                  : f.type == FieldType::real  ? OFTReal
                                                               : OFTString);
    if (f.type == FieldType::text && f.width > 0) fd.SetWidth(f.width);
    if (impl_->layer->CreateField(&fd) != OGRERR_NONE) impl_->fail();
    const int after = impl_->layer->GetLayerDefn()->GetFieldCount();
    impl_->field_index.push_back(
        after > before ? after - 1 : impl_->layer->GetLayerDefn()->GetFieldIndex(name.c_str()));
  }
  impl_->kind = kind;
  if (impl_->ds->StartTransaction() == OGRERR_NONE) impl_->in_txn = true;  // fast bulk insert
}

void VectorWriter::add_point(Vec2 ll, const std::vector<FieldValue>& values) {
  // No known position (a row that had no coordinates): a feature without geometry, not (0, 0).
  if (!std::isfinite(ll.x) || !std::isfinite(ll.y)) return impl_->write(nullptr, values);
  impl_->write(std::make_unique<OGRPoint>(ll.x, ll.y), values);
}

void VectorWriter::add_line(const std::vector<Vec2>& ll, const std::vector<FieldValue>& values) {
  auto ls = std::make_unique<OGRLineString>();
  for (auto p : ll) ls->addPoint(p.x, p.y);
  impl_->write(std::move(ls), values);
}

void VectorWriter::add_polygon(const MultiPolygon& mp, const std::vector<FieldValue>& values,
                               bool built_valid) {
  auto out = std::make_unique<OGRMultiPolygon>();
  for (const auto& poly : mp) {
    OGRPolygon pg;
    for (const auto& ring : poly.rings) {
      OGRLinearRing r;
      for (auto p : ring) r.addPoint(p.x, p.y);
      r.closeRings();
      pg.addRing(&r);
    }
    out->addGeometry(&pg);
  }
  if (built_valid) return impl_->write(std::move(out), values);
  impl_->write(make_valid_multipolygon(std::move(out)), values);
}

void VectorWriter::set_style_table(
    const std::vector<std::pair<std::string, std::string>>& styles) {
  if (impl_->driver != "LIBKML" && impl_->driver != "KML") return;
  OGRStyleTable table;
  for (const auto& [name, style] : styles) table.AddStyle(name.c_str(), style.c_str());
  impl_->ds->SetStyleTable(&table);
}

void VectorWriter::set_next_style(const std::string& style) {
  if (impl_->driver == "LIBKML" || impl_->driver == "KML") impl_->next_style = style;
}

void VectorWriter::set_kml_hidden_layers(const std::vector<std::string>& layers) {
  impl_->kml_hidden = layers;
}

void VectorWriter::add_qgis_styles(
    const std::vector<std::pair<std::string, std::string>>& layer_qml) {
  if (impl_->driver != "GPKG" || layer_qml.empty()) return;
  impl_->commit_txn();
  // The table QGIS writes and reads (QgsOgrProviderUtils; "Save as default" in a GeoPackage).
  const char* opts[] = {"ASPATIAL_VARIANT=GPKG_ATTRIBUTES", nullptr};
  OGRLayer* l =
      impl_->ds->CreateLayer("layer_styles", nullptr, wkbNone, const_cast<char**>(opts));
  if (!l) impl_->fail();
  const std::pair<const char*, OGRFieldType> cols[] = {
      {"f_table_catalog", OFTString}, {"f_table_schema", OFTString},
      {"f_table_name", OFTString},    {"f_geometry_column", OFTString},
      {"styleName", OFTString},       {"styleQML", OFTString},
      {"styleSLD", OFTString},        {"useAsDefault", OFTInteger},
      {"description", OFTString},     {"owner", OFTString},
      {"ui", OFTString},              {"update_time", OFTDateTime}};
  for (const auto& [name, type] : cols) {
    OGRFieldDefn fd(name, type);
    if (type == OFTInteger) fd.SetSubType(OFSTBoolean);
    if (l->CreateField(&fd) != OGRERR_NONE) impl_->fail();
  }
  for (const auto& [layer, qml] : layer_qml) {
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
    f->SetField("f_table_catalog", "");
    f->SetField("f_table_schema", "");
    f->SetField("f_table_name", layer.c_str());
    f->SetField("f_geometry_column", "geom");
    f->SetField("styleName", layer.c_str());
    f->SetField("styleQML", qml.c_str());
    f->SetField("styleSLD", "");
    f->SetField("useAsDefault", 1);
    f->SetField("description", "Yizhan");
    if (l->CreateFeature(f.get()) != OGRERR_NONE) impl_->fail();
  }
}

void VectorWriter::add_table(const std::string& name,
                             const std::vector<std::pair<std::string, std::string>>& rows) {
  if (impl_->driver != "GPKG") return;
  impl_->commit_txn();
  const char* opts[] = {"ASPATIAL_VARIANT=GPKG_ATTRIBUTES", nullptr};
  OGRLayer* l = impl_->ds->CreateLayer(name.c_str(), nullptr, wkbNone, const_cast<char**>(opts));
  if (!l) impl_->fail();
  OGRFieldDefn k("key", OFTString), v("value", OFTString);
  l->CreateField(&k);
  l->CreateField(&v);
  for (const auto& [key, value] : rows) {
    OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
    f->SetField(0, key.c_str());
    f->SetField(1, value.c_str());
    if (l->CreateFeature(f.get()) != OGRERR_NONE) impl_->fail();
  }
}

void VectorWriter::close() {
  if (impl_->closed) return;
  GdalErrorCapture cap;
  errno = 0;
  impl_->commit_txn();
  impl_->ds.reset();  // flush
  if (!cap.errors().empty()) throw_write_error(impl_->path, errno, cap.first_error());
  const auto& ks = impl_->kml_styles;
  if (impl_->driver == "KML" &&
      (!impl_->kml_hidden.empty() ||
       std::any_of(ks.begin(), ks.end(), [](auto& s) { return !s.empty(); })))
    style_kml_file(impl_->out->path(), ks, impl_->kml_hidden, impl_->path);
  // A Shapefile's siblings move with it, the .shp last.
  impl_->out->commit();
  impl_->closed = true;
}

}  // namespace yz
