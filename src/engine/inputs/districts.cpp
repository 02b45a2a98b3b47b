#include "engine/inputs/districts.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <memory>

#include "engine/inputs/column_names.hpp"
#include "engine/inputs/source_crs.hpp"
#include "engine/map/gdal_session.hpp"
#include "engine/map/osm_boundaries.hpp"
#include "engine/map/vector_layer.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"
#include "engine/util/param_range.hpp"

namespace yz {

namespace {

void collect(const OGRGeometry* g, std::vector<const OGRPolygon*>& out) {
  if (!g) return;
  const auto t = wkbFlatten(g->getGeometryType());
  if (t == wkbPolygon)
    out.push_back(g->toPolygon());
  else if (t == wkbMultiPolygon || t == wkbGeometryCollection)
    for (const auto* part : *g->toGeometryCollection()) collect(part, out);
}

// Adds `lonlat` to the district called `name` (a new one when first seen).
bool add_district(Districts& d, std::map<std::string, size_t>& by_name, const std::string& name,
                  MultiPolygon lonlat, const LocalProjection& proj) {
  MultiPolygon metric;
  MultiPolygon kept;
  for (Polygon& p : lonlat) {
    Polygon m;
    for (const Ring& r : p.rings) {
      Ring xy = r;
      if (r.size() >= 4 && proj.to_metric(xy)) m.rings.push_back(std::move(xy));
    }
    if (m.rings.empty()) continue;
    metric.push_back(std::move(m));
    kept.push_back(std::move(p));
  }
  if (metric.empty()) return false;
  auto [it, fresh] = by_name.emplace(name, d.names.size());
  if (fresh) {
    d.names.push_back(name);
    d.lonlat.emplace_back();
    d.metric.emplace_back();
  }
  auto& ll = d.lonlat[it->second];
  auto& mm = d.metric[it->second];
  ll.insert(ll.end(), kept.begin(), kept.end());
  mm.insert(mm.end(), metric.begin(), metric.end());
  return true;
}

}  // namespace

Districts read_district_layer(const std::string& path, const LocalProjection& proj,
                              const std::string& layer_name, const std::string& name_field,
                              const std::string& crs, const std::string& crs_option,
                              DropReport& rep) {
  rep = DropReport{};
  rep.source = path;
  rep.what = "districts";
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw CodedError(path, Msg::file_not_found);
  GdalErrorCapture cap;
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) throw CodedError(path, Msg::vector_layer_unreadable_why, {{"why", cap.first_error()}});
  OGRLayer* layer = pick_layer(*ds, path, layer_name, LayerShape::polygons);
  const SourceCrs src(path, crs, layer->GetSpatialRef(), crs_option);
  rep.crs = src.name();
  Districts d;
  d.source = path;
  if (src.web_shift()) d.notes.push_back(src.note());
  const TextEncoding enc = decide_layer_encoding(*layer);
  std::vector<ColumnName> cols;
  const OGRFeatureDefn& def = *layer->GetLayerDefn();
  for (int i = 0; i < def.GetFieldCount(); ++i)
    cols.push_back(column_name(def.GetFieldDefn(i)->GetNameRef(),
                               EQUAL(ds->GetDriverName(), "ESRI Shapefile"), enc));
  int name_idx = -1;
  if (!name_field.empty()) {
    name_idx = column_index(cols, name_field);
    if (name_idx < 0) {
      std::string have;
      for (const auto& c : cols) have += (have.empty() ? "" : ", ") + c.utf8;
      throw CodedParamError("district_name_field", Msg::not_a_column_of,
                            {{"value", name_field}, {"file", path}, {"columns", have}});
    }
  } else {
    name_idx = find_column(cols, {"name", "名称", "district", "街道", "区", "区县", "乡镇", "xzqmc",
                                  "name_zh", "name_en"});
  }
  if (name_idx >= 0) d.name_field = cols[name_idx].utf8;
  std::map<std::string, size_t> by_name;
  uint64_t index = 0;
  for (auto& f : *layer) {
    const uint64_t i = index++;
    ++rep.read;
    std::string name = name_idx >= 0 ? to_utf8(f->GetFieldAsString(name_idx), enc) : std::string();
    if (name.empty()) name = "district " + std::to_string(i + 1);
    std::unique_ptr<OGRGeometry> g(f->StealGeometry());
    const auto t = g ? wkbFlatten(g->getGeometryType()) : wkbNone;
    if (!g || g->IsEmpty() || (t != wkbPolygon && t != wkbMultiPolygon)) {
      rep.drop(i, name, {NAN, NAN}, Msg::drop_not_polygon);
      continue;
    }
    if (!src.to_wgs84(*g)) {
      rep.drop(i, name, {NAN, NAN}, Msg::drop_not_transformable);
      continue;
    }
    if (!g->IsValid()) {
      std::unique_ptr<OGRGeometry> fixed(g->MakeValid());
      if (!fixed || fixed->IsEmpty() || !fixed->IsValid()) {
        rep.drop(i, name, {NAN, NAN}, Msg::drop_polygon_unrepairable);
        continue;
      }
      g = std::move(fixed);
      rep.notes.push_back("district " + name + " (feature " + std::to_string(i + 1) +
                          "): invalid polygon (e.g. self-intersecting) repaired with GEOS "
                          "MakeValid");
    }
    std::vector<const OGRPolygon*> parts;
    collect(g.get(), parts);
    MultiPolygon ll;
    for (const OGRPolygon* poly : parts) {
      Polygon p;
      for (const auto* ring : *poly) {
        Ring r;
        for (int k = 0; k < ring->getNumPoints(); ++k) r.push_back({ring->getX(k), ring->getY(k)});
        if (r.size() >= 4) p.rings.push_back(std::move(r));
      }
      if (!p.rings.empty()) ll.push_back(std::move(p));
    }
    if (!add_district(d, by_name, name, std::move(ll), proj))
      rep.drop(i, name, {NAN, NAN}, Msg::drop_not_transformable);
  }
  rep.kept = rep.read - rep.dropped.size();
  if (d.size() == 0)
    throw CodedError(path, rep.read == 0 ? Msg::districts_empty : Msg::districts_none_usable);
  d.locator = PolygonLocator(d.metric);
  d.notes.insert(d.notes.end(), rep.notes.begin(), rep.notes.end());
  if (!rep.dropped.empty()) d.notes.push_back(rep.summary());
  return d;
}

Districts map_districts(const std::string& map_path, const LocalProjection& proj, const Box& extent,
                        int admin_level) {
  const std::vector<OsmBoundary> all = read_osm_boundaries(map_path);
  Districts d;
  d.source = map_path + " admin_level " + std::to_string(admin_level);
  std::map<int, int> levels;  // admin_level -> boundaries reaching into the map
  std::map<std::string, size_t> by_name;
  for (const OsmBoundary& b : all) {
    Box box;
    for (const Polygon& p : b.lonlat)
      for (Vec2 ll : p.rings.front()) box.add(proj.to_metric(ll));
    const bool reaches = !(box.max.x < extent.min.x || box.min.x > extent.max.x ||
                           box.max.y < extent.min.y || box.min.y > extent.max.y);
    if (!reaches) continue;
    ++levels[b.admin_level];
    if (b.admin_level != admin_level) continue;
    std::string name = !b.name.empty() ? b.name : b.name_zh;
    if (name.empty()) name = b.name_en;
    if (name.empty()) name = "relation " + std::to_string(b.osm_id);
    add_district(d, by_name, name, b.lonlat, proj);
  }
  if (d.size() == 0) {
    std::string found;
    for (const auto& [lvl, n] : levels)
      found += (found.empty() ? "" : ", ") + std::to_string(lvl) + " (" + std::to_string(n) + ")";
    throw CodedError(map_path,
                     found.empty() ? Msg::no_admin_boundary : Msg::no_admin_boundary_levels,
                     {{"level", admin_level},
                      {"levels", found},
                      param_arg("level_param", "district_level"),
                      param_arg("districts_param", "districts")});
  }
  d.locator = PolygonLocator(d.metric);
  return d;
}

}  // namespace yz
