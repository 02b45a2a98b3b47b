#include "engine/map/osm_boundaries.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdlib>
#include <cstring>

#include "engine/map/decompress.hpp"
#include "engine/map/gdal_session.hpp"
#include "engine/util/data_files.hpp"
#include "engine/util/error.hpp"

namespace yz {

namespace {

GDALDatasetUniquePtr open_boundary_osm(const std::string& path) {
  const std::string conf = "CONFIG_FILE=" + data_file("osmconf_boundary.ini");
  // Custom indexing off: boundary relations reach far outside an extract, and the driver's own
  // index then loses nodes on some files (the road reader retries the same way).
  const char* opts[] = {conf.c_str(), "INTERLEAVED_READING=YES", "USE_CUSTOM_INDEXING=NO", nullptr};
  const char* drivers[] = {"OSM", nullptr};
  return GDALDatasetUniquePtr(
      GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, opts, nullptr));
}

std::string field(const OGRFeature& f, const char* name) {
  const int i = f.GetDefnRef()->GetFieldIndex(name);
  return i >= 0 && f.IsFieldSetAndNotNull(i) ? std::string(f.GetFieldAsString(i)) : std::string();
}

void add_polygon(const OGRPolygon& p, MultiPolygon& out) {
  Polygon poly;
  for (const auto* ring : p) {
    Ring r;
    for (int k = 0; k < ring->getNumPoints(); ++k) r.push_back({ring->getX(k), ring->getY(k)});
    if (r.size() >= 4) poly.rings.push_back(std::move(r));
  }
  if (!poly.rings.empty()) out.push_back(std::move(poly));
}

}  // namespace

std::vector<OsmBoundary> read_osm_boundaries(const std::string& user_path,
                                             const Progress& progress) {
  DecompressedFile plain(user_path);
  GdalErrorCapture cap;
  auto ds = open_boundary_osm(plain.path());
  if (!ds)
    throw InputError(user_path, "not a readable OpenStreetMap file (" + cap.first_error() + ")");
  std::vector<OsmBoundary> out;
  OGRLayer* layer = nullptr;
  double frac = 0;
  uint64_t seen = 0;
  for (;;) {
    OGRFeatureUniquePtr f(ds->GetNextFeature(&layer, &frac, nullptr, nullptr));
    if (!f) break;
    if ((++seen & 0xFFFF) == 0) {
      progress.throw_if_cancelled();
      progress(frac, "reading district boundaries");
    }
    if (std::strcmp(layer->GetName(), "multipolygons") != 0) continue;
    if (field(*f, "boundary") != "administrative") continue;
    const OGRGeometry* g = f->GetGeometryRef();
    if (!g || g->IsEmpty()) continue;
    OsmBoundary b;
    const std::string rel = field(*f, "osm_id"), way = field(*f, "osm_way_id");
    b.osm_id = std::atoll((rel.empty() ? way : rel).c_str());
    b.name = field(*f, "name");
    b.name_zh = field(*f, "name_zh");
    b.name_en = field(*f, "name_en");
    b.admin_level = std::atoi(field(*f, "admin_level").c_str());
    const auto t = wkbFlatten(g->getGeometryType());
    if (t == wkbPolygon) add_polygon(*g->toPolygon(), b.lonlat);
    if (t == wkbMultiPolygon)
      for (const auto* p : *g->toMultiPolygon()) add_polygon(*p, b.lonlat);
    if (!b.lonlat.empty()) out.push_back(std::move(b));
  }
  return out;
}

}  // namespace yz
