#include "engine/inputs/poi_candidates.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <cstring>

#include "engine/inputs/street_place_names.hpp"
#include "engine/map/decompress.hpp"
#include "engine/map/gdal_session.hpp"
#include "engine/map/map_loader.hpp"
#include "engine/map/vector_layer.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/data_files.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

namespace {

GDALDatasetUniquePtr open_osm_pois(const std::string& path, bool custom_indexing_off) {
  const std::string conf = "CONFIG_FILE=" + data_file("osmconf_poi.ini");
  std::vector<const char*> opts{conf.c_str(), "INTERLEAVED_READING=YES"};
  if (custom_indexing_off) opts.push_back("USE_CUSTOM_INDEXING=NO");
  opts.push_back(nullptr);
  const char* drivers[] = {"OSM", nullptr};
  return GDALDatasetUniquePtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                drivers, opts.data(), nullptr));
}

// A feature's tag: its own column when osmconf_poi.ini makes one, else from other_tags.
std::string tag_of(OGRFeature& f, const std::string& key) {
  const int idx = f.GetFieldIndex(key.c_str());
  if (idx >= 0) return f.IsFieldSetAndNotNull(idx) ? f.GetFieldAsString(idx) : "";
  const int ot = f.GetFieldIndex("other_tags");
  if (ot < 0 || !f.IsFieldSetAndNotNull(ot)) return {};
  return hstore_value(f.GetFieldAsString(ot), key);
}

}  // namespace

std::string hstore_value(const std::string& h, const std::string& key) {
  // Tokens are double-quoted with backslash escapes: "k"=>"v","k2"=>"v2".
  size_t i = 0;
  auto token = [&](std::string& out) {
    out.clear();
    while (i < h.size() && h[i] != '"') ++i;
    if (i >= h.size()) return false;
    ++i;
    while (i < h.size() && h[i] != '"') {
      if (h[i] == '\\' && i + 1 < h.size()) ++i;
      out += h[i++];
    }
    ++i;
    return true;
  };
  std::string k, v;
  while (token(k) && token(v))
    if (k == key) return v;
  return {};
}

bool street_facing_point(const CityNetwork& city, const std::vector<Vec2>& ring, double step_m,
                         const SnapOptions& snap, Vec2& out) {
  double best = INFINITY;
  auto consider = [&](Vec2 p) {
    const Snap s = city.snapper->snap(p, snap);
    if ((s.status == SnapStatus::ok || s.status == SnapStatus::moved_off_island) &&
        s.access_m < best)
      best = s.access_m, out = p;
  };
  for (size_t k = 0; k + 1 < ring.size(); ++k) {
    const Vec2 a = ring[k], b = ring[k + 1];
    const double len = distance(a, b);
    const int n = std::max(1, static_cast<int>(std::ceil(len / step_m)));
    for (int j = 0; j < n; ++j) consider(a + (b - a) * (static_cast<double>(j) / n));
  }
  return std::isfinite(best);
}

PointSet poi_candidates(const std::string& map_path, const CityNetwork& city,
                        const CandidateCategories& cats, const PoiCandidateOptions& opt,
                        DropReport& rep) {
  rep = DropReport{};
  rep.source = map_path;
  rep.what = "POI candidates";
  if (!is_osm_file(map_path))
    throw CodedError(map_path, Msg::pois_need_osm, {param_arg("param", "layer")});
  std::vector<char> wanted(cats.categories.size(), opt.categories.empty());
  for (int c : opt.categories) wanted.at(static_cast<size_t>(c)) = 1;
  ensure_gdal();
  DecompressedFile plain(map_path);
  PointSet ps;
  ps.source = map_path + " (OpenStreetMap POIs)";
  const Box bounds = city.bounds();
  for (int attempt = 0; attempt < 2; ++attempt) {
    ps = PointSet{};
    ps.source = map_path + " (OpenStreetMap POIs)";
    rep.read = 0;
    rep.dropped.clear();
    GdalErrorCapture cap;
    auto ds = open_osm_pois(plain.path(), attempt == 1);
    if (!ds) throw CodedError(map_path, Msg::osm_unreadable_why, {{"why", cap.first_error()}});
    OGRLayer* layer = nullptr;
    uint64_t index = 0;
    for (;;) {
      OGRFeatureUniquePtr f(ds->GetNextFeature(&layer, nullptr, nullptr, nullptr));
      if (!f) break;
      const char* lname = layer->GetName();
      const bool point = std::strcmp(lname, "points") == 0;
      if (!point && std::strcmp(lname, "multipolygons") != 0) continue;
      const int cat = cats.match([&](const std::string& k) { return tag_of(*f, k); });
      if (cat < 0 || !wanted[static_cast<size_t>(cat)]) continue;
      const uint64_t i = index++;
      ++rep.read;
      std::string id;
      if (point)
        id = std::string("node/") + f->GetFieldAsString("osm_id");
      else {
        const int way = f->GetFieldIndex("osm_way_id");
        id = way >= 0 && f->IsFieldSetAndNotNull(way)
                 ? std::string("way/") + f->GetFieldAsString(way)
                 : std::string("relation/") + f->GetFieldAsString("osm_id");
      }
      std::string name = tag_of(*f, "name");
      if (name.empty()) name = tag_of(*f, "name:zh");
      const OGRGeometry* g = f->GetGeometryRef();
      if (!g || g->IsEmpty()) {
        rep.drop(i, id, {NAN, NAN}, Msg::drop_invalid_geometry);
        continue;
      }
      Vec2 xy, ll;
      if (point) {
        const auto* p = g->toPoint();
        ll = {p->getX(), p->getY()};
        if (!plausible_lonlat(ll)) {
          rep.drop(i, id, {NAN, NAN}, Msg::drop_invalid_geometry);
          continue;
        }
        xy = city.projection().to_metric(ll);
      } else {
        // The outline point nearest a walkable street; inside the area when no street is near.
        if (wkbFlatten(g->getGeometryType()) != wkbMultiPolygon || !point_on_surface(*g, ll)) {
          rep.drop(i, id, {NAN, NAN}, Msg::drop_invalid_geometry);
          continue;
        }
        xy = city.projection().to_metric(ll);
        if (bounds.contains(xy, 0)) {
          bool found = false;
          Vec2 best_xy;
          double best_d = INFINITY;
          for (const auto* poly : *g->toMultiPolygon()) {
            const OGRLinearRing* outer = poly->getExteriorRing();
            if (!outer) continue;
            std::vector<Vec2> ring;
            for (int k = 0; k < outer->getNumPoints(); ++k)
              ring.push_back({outer->getX(k), outer->getY(k)});
            if (!city.projection().to_metric(ring)) continue;
            Vec2 p;
            if (street_facing_point(city, ring, opt.outline_step_m, opt.snap, p)) {
              const double d = city.snapper->snap(p, opt.snap).access_m;
              if (d < best_d) best_d = d, best_xy = p, found = true;
            }
          }
          if (found) xy = best_xy, ll = city.projection().to_lonlat(xy);
        }
      }
      if (!bounds.contains(xy, 0)) {
        rep.drop(i, id, ll, Msg::drop_outside_map);
        continue;
      }
      const CandidateCategory& c = cats.categories[static_cast<size_t>(cat)];
      ps.add(ll, xy, 1, id, name);
      ps.set_row(i);
      SiteInfo info;
      info.category = c.name;
      info.origin = "osm";
      info.host_type = c.host_type;
      info.cost = c.cost;
      info.opening_hours = tag_of(*f, "opening_hours");  // the host's hours bound the station's
      ps.info.push_back(std::move(info));
    }
    if (attempt == 0 && (cap.has("Non increasing node id") || cap.has("USE_CUSTOM_INDEXING")))
      continue;
    break;
  }
  rep.kept = ps.size();
  name_by_streets(ps, city.lines);  // unnamed POIs: "中山路 / 汉中路口 附近" rather than way/123
  return ps;
}

}  // namespace yz
