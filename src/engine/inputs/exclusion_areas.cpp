#include "engine/inputs/exclusion_areas.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>
#include <memory>

#include "engine/inputs/column_names.hpp"
#include "engine/inputs/source_crs.hpp"
#include "engine/map/gdal_session.hpp"
#include "engine/map/vector_layer.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

namespace {

bool in_ring(const Ring& r, Vec2 p) {
  bool in = false;
  for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
    const Vec2 a = r[i], b = r[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
  }
  return in;
}

// Polygons of a (repaired) geometry; lines and points left over by MakeValid are ignored.
void collect(const OGRGeometry* g, std::vector<const OGRPolygon*>& out) {
  if (!g) return;
  const auto t = wkbFlatten(g->getGeometryType());
  if (t == wkbPolygon)
    out.push_back(g->toPolygon());
  else if (t == wkbMultiPolygon || t == wkbGeometryCollection)
    for (const auto* part : *g->toGeometryCollection()) collect(part, out);
}

}  // namespace

int ExclusionAreas::containing(Vec2 p) const {
  for (size_t i = 0; i < polygons.size(); ++i) {
    if (!boxes[i].contains(p)) continue;
    bool in = false;
    for (const Ring& r : polygons[i].rings)
      if (r.size() >= 4 && in_ring(r, p)) in = !in;
    if (in) return static_cast<int>(i);
  }
  return -1;
}

ExclusionAreas read_exclusion_areas(const std::string& path, const LocalProjection& proj,
                                    const std::string& layer_name, const std::string& crs,
                                    DropReport& rep) {
  namespace fs = std::filesystem;
  rep = DropReport{};
  rep.source = path;
  rep.what = "exclusion areas";
  std::error_code ec;
  if (!fs::exists(path, ec)) throw CodedError(path, Msg::file_not_found);
  GdalErrorCapture cap;
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) throw CodedError(path, Msg::vector_layer_unreadable_why, {{"why", cap.first_error()}});
  OGRLayer* layer = pick_layer(*ds, path, layer_name, LayerShape::polygons);
  // The layer's CRS or `crs` (EPSG, or gcj02/bd09: vertices shifted back to WGS-84).
  const SourceCrs src(path, crs, layer->GetSpatialRef());
  rep.crs = src.name();
  if (src.web_shift()) rep.notes.push_back(src.note());
  // Ids and names as valid UTF-8, in one encoding for the whole file (GBK from a DBF).
  const TextEncoding enc = decide_layer_encoding(*layer);
  const int id_idx = [&] {
    std::vector<ColumnName> cols;
    const OGRFeatureDefn& def = *layer->GetLayerDefn();
    for (int i = 0; i < def.GetFieldCount(); ++i)
      cols.push_back(column_name(def.GetFieldDefn(i)->GetNameRef(),
                                 EQUAL(ds->GetDriverName(), "ESRI Shapefile"), enc));
    return find_column(cols, {"id", "name", "名称"});
  }();
  ExclusionAreas ex;
  ex.source = path;
  uint64_t index = 0;
  for (auto& f : *layer) {
    const uint64_t i = index++;
    ++rep.read;
    const std::string fid =
        id_idx >= 0 ? to_utf8(f->GetFieldAsString(id_idx), enc) : std::to_string(i + 1);
    std::unique_ptr<OGRGeometry> g(f->StealGeometry());
    const auto t = g ? wkbFlatten(g->getGeometryType()) : wkbNone;
    if (!g || g->IsEmpty() || (t != wkbPolygon && t != wkbMultiPolygon)) {
      rep.drop(i, fid, {NAN, NAN}, Msg::drop_not_polygon);
      continue;
    }
    if (!src.to_wgs84(*g)) {
      rep.drop(i, fid, {NAN, NAN}, Msg::drop_not_transformable);
      continue;
    }
    OGRPoint c;
    Vec2 where{NAN, NAN};
    if (g->Centroid(&c) == OGRERR_NONE) where = {c.getX(), c.getY()};
    if (!g->IsValid()) {
      std::unique_ptr<OGRGeometry> fixed(g->MakeValid());
      if (!fixed || fixed->IsEmpty() || !fixed->IsValid()) {
        rep.drop(i, fid, where, Msg::drop_polygon_unrepairable);
        continue;
      }
      g = std::move(fixed);
      rep.notes.push_back(
          "area " + fid + " (feature " + std::to_string(i + 1) +
          "): invalid polygon (e.g. self-intersecting) repaired with GEOS MakeValid");
    }
    std::vector<const OGRPolygon*> parts;
    collect(g.get(), parts);
    bool any = false;
    for (const OGRPolygon* poly : parts) {
      Polygon out;
      Box box;
      for (const auto* ring : *poly) {
        Ring r;
        for (int k = 0; k < ring->getNumPoints(); ++k) {
          r.push_back({ring->getX(k), ring->getY(k)});
        }
        if (r.size() < 4 || !proj.to_metric(r)) continue;
        for (Vec2 p : r) box.add(p);
        out.rings.push_back(std::move(r));
      }
      if (out.rings.empty()) continue;
      ex.polygons.push_back(std::move(out));
      ex.boxes.push_back(box);
      ex.id.push_back(fid);
      any = true;
    }
    if (!any) rep.drop(i, fid, where, Msg::drop_polygon_unrepairable);
  }
  rep.kept = rep.read - rep.dropped.size();
  if (rep.read == 0) throw CodedError(path, Msg::exclusion_empty);
  return ex;
}

}  // namespace yz
