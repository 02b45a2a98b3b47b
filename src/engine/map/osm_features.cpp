#include "engine/map/osm_features.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "engine/geo/polygon.hpp"
#include "engine/map/decompress.hpp"
#include "engine/map/gdal_session.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/data_files.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

const std::string& OsmFeature::tag(const std::string& key) const {
  static const std::string empty;
  for (const auto& [k, v] : tags)
    if (k == key) return v;
  return empty;
}

std::vector<std::pair<std::string, std::string>> parse_hstore(const std::string& s) {
  std::vector<std::pair<std::string, std::string>> out;
  size_t i = 0;
  // One quoted string with backslash escapes; returns false at the end of input.
  auto quoted = [&](std::string& dst) {
    while (i < s.size() && s[i] != '"') ++i;
    if (i >= s.size()) return false;
    ++i;
    dst.clear();
    while (i < s.size() && s[i] != '"') {
      if (s[i] == '\\' && i + 1 < s.size()) ++i;
      dst += s[i++];
    }
    ++i;
    return true;
  };
  std::string k, v;
  while (quoted(k)) {
    const size_t arrow = s.find("=>", i);
    if (arrow == std::string::npos) break;
    i = arrow + 2;
    if (!quoted(v)) break;
    out.emplace_back(k, v);
  }
  return out;
}

namespace {

GDALDatasetUniquePtr open_poi_osm(const std::string& path, bool custom_indexing_off) {
  const std::string conf = "CONFIG_FILE=" + data_file("osmconf_demand.ini");
  std::vector<const char*> opts{conf.c_str(), "INTERLEAVED_READING=YES"};
  if (custom_indexing_off) opts.push_back("USE_CUSTOM_INDEXING=NO");
  opts.push_back(nullptr);
  const char* drivers[] = {"OSM", nullptr};
  return GDALDatasetUniquePtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                drivers, opts.data(), nullptr));
}

double metric_area(const OGRGeometry& g, const LocalProjection& proj) {
  auto ring_area_m2 = [&](const OGRLinearRing& r) {
    Ring pts;
    for (int i = 0; i < r.getNumPoints(); ++i) pts.push_back({r.getX(i), r.getY(i)});
    if (!proj.to_metric(pts)) return 0.0;
    return std::abs(ring_area(pts));
  };
  auto poly_area = [&](const OGRPolygon& p) {
    double a = 0;
    bool outer = true;
    for (const auto* ring : p) {
      a += outer ? ring_area_m2(*ring) : -ring_area_m2(*ring);
      outer = false;
    }
    return std::max(0.0, a);
  };
  const auto t = wkbFlatten(g.getGeometryType());
  if (t == wkbPolygon) return poly_area(*g.toPolygon());
  double a = 0;
  if (t == wkbMultiPolygon)
    for (const auto* p : *g.toMultiPolygon()) a += poly_area(*p);
  return a;
}

}  // namespace

std::vector<OsmFeature> read_osm_features(const std::string& user_path,
                                          const std::vector<std::string>& keys,
                                          const LocalProjection& proj, OsmFeatureReport& rep,
                                          const Progress& progress) {
  std::vector<OsmFeature> out;
  rep = {};
  if (keys.empty()) return out;
  DecompressedFile plain(user_path);
  for (int attempt = 0; attempt < 2; ++attempt) {
    out.clear();
    rep = {};
    GdalErrorCapture cap;
    auto ds = open_poi_osm(plain.path(), attempt == 1);
    if (!ds) throw CodedError(user_path, Msg::osm_unreadable_why, {{"why", cap.first_error()}});
    OGRLayer* layer = nullptr;
    double frac = 0;
    uint64_t seen = 0;
    for (;;) {
      OGRFeatureUniquePtr f(ds->GetNextFeature(&layer, &frac, nullptr, nullptr));
      if (!f) break;
      if ((++seen & 0xFFFF) == 0) {
        progress.throw_if_cancelled();
        progress(frac, "reading points of interest");
      }
      const char* lname = layer->GetName();
      const bool is_area = std::strcmp(lname, "multipolygons") == 0;
      if (!is_area && std::strcmp(lname, "points") != 0) continue;
      ++rep.features_read;
      const OGRFeatureDefn& def = *f->GetDefnRef();
      OsmFeature feat;
      std::vector<std::pair<std::string, std::string>> other;
      const int ot = def.GetFieldIndex("other_tags");
      if (ot >= 0 && f->IsFieldSetAndNotNull(ot)) other = parse_hstore(f->GetFieldAsString(ot));
      for (const auto& k : keys) {
        const int idx = def.GetFieldIndex(k.c_str());
        if (idx >= 0 && f->IsFieldSetAndNotNull(idx)) {
          feat.tags.emplace_back(k, f->GetFieldAsString(idx));
          continue;
        }
        for (const auto& [ok, ov] : other)
          if (ok == k) {
            feat.tags.emplace_back(k, ov);
            break;
          }
      }
      if (feat.tags.empty()) continue;
      const OGRGeometry* g = f->GetGeometryRef();
      OGRPoint pt(0, 0);  // GDAL 3.6 PointOnSurface fails when handed an empty point
      bool ok = g && !g->IsEmpty();
      if (ok && is_area) {
        const auto t = wkbFlatten(g->getGeometryType());
        ok = (t == wkbPolygon && g->toPolygon()->PointOnSurface(&pt) == OGRERR_NONE) ||
             (t == wkbMultiPolygon && g->toMultiPolygon()->PointOnSurface(&pt) == OGRERR_NONE);
        if (ok) feat.area_m2 = metric_area(*g, proj);
      } else if (ok) {
        ok = wkbFlatten(g->getGeometryType()) == wkbPoint;
        if (ok) pt = *g->toPoint();
      }
      if (!ok || !plausible_lonlat({pt.getX(), pt.getY()})) {
        ++rep.invalid_geometry;
        continue;
      }
      feat.area = is_area;
      feat.osm_id = f->GetFieldAsInteger64("osm_id");
      const int ni = def.GetFieldIndex("name");
      if (ni >= 0 && f->IsFieldSetAndNotNull(ni)) feat.name = f->GetFieldAsString(ni);
      feat.lonlat = {pt.getX(), pt.getY()};
      feat.xy = proj.to_metric(feat.lonlat);
      out.push_back(std::move(feat));
    }
    if (attempt == 0 && (cap.has("Non increasing node id") || cap.has("USE_CUSTOM_INDEXING")))
      continue;
    break;
  }
  return out;
}

}  // namespace yz
