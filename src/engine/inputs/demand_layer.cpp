#include "engine/inputs/demand_layer.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "engine/geo/geos_ops.hpp"
#include "engine/inputs/column_names.hpp"
#include "engine/inputs/drop_messages.hpp"
#include "engine/inputs/number_text.hpp"
#include "engine/inputs/point_reader.hpp"
#include "engine/inputs/source_crs.hpp"
#include "engine/inputs/street_spread.hpp"
#include "engine/inputs/weight_limits.hpp"
#include "engine/map/gdal_session.hpp"
#include "engine/map/vector_layer.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/ascii_case.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

namespace {

// CSV and spreadsheets: points from lon/lat columns, read by read_points.
bool is_csv(const std::string& path) {
  const std::string p = ascii_lower(path);
  return p.ends_with(".csv") || p.ends_with(".txt") || p.ends_with(".tsv") ||
         p.ends_with(".xlsx") || p.ends_with(".xls") || p.ends_with(".ods");
}

// An OGR ring (WGS-84 lon/lat) in the metric projection, closed; empty when unusable.
Ring metric_ring(const OGRLinearRing& r, const LocalProjection& proj) {
  Ring pts;
  for (int i = 0; i < r.getNumPoints(); ++i) pts.push_back({r.getX(i), r.getY(i)});
  if (!pts.empty() && !(pts.front() == pts.back())) pts.push_back(pts.front());
  if (pts.size() < 4 || !proj.to_metric(pts)) return {};
  return pts;
}

// An OGR (multi)polygon in the metric projection; polygons without a usable outer ring are left
// out.
MultiPolygon metric_polygons(const OGRGeometry& g, const LocalProjection& proj) {
  MultiPolygon out;
  auto add = [&](const OGRPolygon& p) {
    if (p.IsEmpty() || !p.getExteriorRing()) return;
    Polygon poly;
    poly.rings.push_back(metric_ring(*p.getExteriorRing(), proj));
    if (poly.rings[0].empty()) return;
    for (int i = 0; i < p.getNumInteriorRings(); ++i)
      if (Ring r = metric_ring(*p.getInteriorRing(i), proj); !r.empty())
        poly.rings.push_back(std::move(r));
    out.push_back(std::move(poly));
  };
  const auto t = wkbFlatten(g.getGeometryType());
  if (t == wkbPolygon) add(*g.toPolygon());
  if (t == wkbMultiPolygon)
    for (const auto* p : *g.toMultiPolygon()) add(*p);
  return out;
}

double polygon_area(const MultiPolygon& mp) {
  double a = 0;
  for (const auto& p : mp)
    for (size_t r = 0; r < p.rings.size(); ++r)
      a += (r == 0 ? 1 : -1) * std::abs(ring_area(p.rings[r]));
  return a;
}

}  // namespace

void add_layer_demand(const std::string& path, const CityNetwork& city,
                      const DemandLayerOptions& opt, const std::string& component,
                      DemandItems& items, DropReport& rep) {
  namespace fs = std::filesystem;
  const uint16_t ci = items.component_index(component);
  const LocalProjection& proj = city.projection();
  const Box bounds = city.bounds();
  const Message snap_reason(Msg::drop_could_not_snap_within,
                            {{"value", static_cast<int>(opt.snap.max_snap_m)}});
  if (is_csv(path)) {
    // Points with lon/lat columns: the shared point reader, then the snap check.
    PointReadOptions po;
    po.weight_field = opt.count_field;
    po.weight_required = true;
    po.crs = opt.crs;
    po.outside_margin_m = opt.outside_margin_m;
    PointSet ps = read_points(path, proj, bounds, po, rep, "demand points");
    rep.crs = ps.source_crs;
    const auto snaps = city.snapper->snap_all(ps.xy, opt.snap);
    for (size_t i = 0; i < ps.size(); ++i) {
      if (!snaps[i].usable()) {
        rep.drop(ps.source_row(i), ps.id[i], ps.lonlat[i], snap_reason);
        --rep.kept;
        continue;
      }
      items.add(ps.xy[i], ps.weight[i], ci);
    }
    return;
  }
  rep = DropReport{};
  rep.source = path;
  rep.what = "demand features";
  std::error_code ec;
  if (!fs::exists(path, ec)) throw CodedError(path, Msg::file_not_found);
  if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0)
    throw CodedError(path, Msg::file_empty);
  GdalErrorCapture cap;
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds)
    throw CodedError(
        path,
        cap.first_error().empty() ? Msg::vector_layer_unreadable : Msg::vector_layer_unreadable_why,
        {{"why", cap.first_error()}});
  OGRLayer* layer = nullptr;
  if (!opt.layer.empty()) {
    layer = ds->GetLayerByName(opt.layer.c_str());
    if (!layer) throw CodedError(path, Msg::no_layer_named, {{"layer", opt.layer}});
  } else {
    for (auto* l : ds->GetLayers()) {
      const auto t = wkbFlatten(l->GetGeomType());
      if (t == wkbPoint || t == wkbMultiPoint || t == wkbPolygon || t == wkbMultiPolygon ||
          t == wkbUnknown) {
        layer = l;
        break;
      }
    }
    if (!layer) throw CodedError(path, Msg::no_point_polygon_layer);
  }
  const OGRFeatureDefn& def = *layer->GetLayerDefn();
  // Names as valid UTF-8 (GBK, DBF-truncated) before matching them, in one encoding per file.
  const TextEncoding enc = decide_layer_encoding(*layer);
  const bool dbf = EQUAL(ds->GetDriverName(), "ESRI Shapefile");
  std::vector<ColumnName> cols;
  for (int i = 0; i < def.GetFieldCount(); ++i)
    cols.push_back(column_name(def.GetFieldDefn(i)->GetNameRef(), dbf, enc));
  const int count_idx =
      opt.count_field.empty()
          ? find_column(cols, {"count", "workers", "weight", "demand", "人数", "population", "pop",
                               "n"})
          : column_index(cols, opt.count_field);
  if (count_idx < 0) {
    std::string names;
    for (size_t i = 0; i < cols.size(); ++i) names += std::string(i ? ", " : "") + cols[i].utf8;
    throw CodedError(
        path, opt.count_field.empty() ? Msg::no_count_column : Msg::no_column_among,
        {{"column", opt.count_field}, {"columns", names}, param_arg("param", "count_field")});
  }
  // The layer's CRS, or --layer-crs (an EPSG code, or gcj02/bd09: vertices shifted back).
  const SourceCrs crs(path, opt.crs, layer->GetSpatialRef(), opt.crs_option);
  rep.crs = crs.name();
  if (!crs.recorded() || crs.web_shift()) rep.notes.push_back(crs.note());
  std::unique_ptr<StreetSpread> spread;
  uint64_t row = 0, repaired = 0, no_street = 0, polygons = 0;
  for (auto& f : *layer) {
    const uint64_t index = row++;
    ++rep.read;
    const std::string fid = std::to_string(f->GetFID());
    // Where the feature is (its envelope's centre), so dropped rows can be found on a map.
    OGRGeometry* geom = f->GetGeometryRef();
    const bool has_geom = geom && !geom->IsEmpty();
    const bool transformed = !has_geom || crs.to_wgs84(*geom);
    Vec2 loc{NAN, NAN};
    if (has_geom && transformed) {
      OGREnvelope env;
      geom->getEnvelope(&env);
      loc = {(env.MinX + env.MaxX) / 2, (env.MinY + env.MaxY) / 2};
      if (!plausible_lonlat(loc)) loc = {NAN, NAN};
    }
    // A row with a bad count is dropped whatever its geometry; the whole field must be a number.
    double count = 0;
    {
      const std::string text =
          f->IsFieldSetAndNotNull(count_idx) ? f->GetFieldAsString(count_idx) : "";
      const auto v = parse_decimal(text);
      if (!v) {
        rep.drop(index, fid, loc, Msg::drop_count_missing, to_utf8(text, enc));
        continue;
      }
      if (*v < 0) {
        rep.drop(index, fid, loc, Msg::drop_count_negative, text);
        continue;
      }
      if (*v > kMaxPointWeight)
        throw CodedError(path, Msg::count_too_large, {{"row", index + 1}, {"value", text}});
      count = *v;
    }
    if (!has_geom) {
      rep.drop(index, fid, loc, Msg::drop_geometry_missing);
      continue;
    }
    if (!transformed) {
      rep.drop(index, fid, loc, Msg::drop_not_transformable);
      continue;
    }
    const auto t = wkbFlatten(geom->getGeometryType());
    if (t == wkbPoint || t == wkbMultiPoint) {
      const OGRPoint* pt =
          t == wkbPoint ? geom->toPoint() : geom->toMultiPoint()->getGeometryRef(0);
      const Vec2 ll{pt->getX(), pt->getY()};
      if (!plausible_lonlat(ll)) {
        rep.drop(index, fid, {NAN, NAN}, Msg::drop_not_lonlat);
        continue;
      }
      const Vec2 xy = proj.to_metric(ll);
      if (!bounds.contains(xy, opt.outside_margin_m)) {
        rep.drop(index, fid, ll, Msg::drop_outside_map);
        continue;
      }
      if (!city.snapper->snap(xy, opt.snap).usable()) {
        rep.drop(index, fid, ll, snap_reason);
        continue;
      }
      items.add(xy, count, ci);
      ++rep.kept;
      continue;
    }
    if (t != wkbPolygon && t != wkbMultiPolygon) {
      rep.drop(index, fid, {NAN, NAN}, Msg::drop_geometry_not_point_polygon);
      continue;
    }
    ++polygons;
    Vec2 where{NAN, NAN};
    const bool have_inside = point_on_surface(*geom, where);
    if (!have_inside) where = loc;
    // The (multi)polygon in metric coordinates, repaired when invalid.
    MultiPolygon poly = metric_polygons(*geom, proj);
    if (poly.empty()) {
      rep.drop(index, fid, where, Msg::drop_geometry_short_ring);
      continue;
    }
    if (std::string why; !valid_polygons(poly, &why)) {
      poly = make_valid(poly);
      if (poly.empty() || !(polygon_area(poly) > 0)) {
        rep.drop(index, fid, where, Message(Msg::drop_make_valid_no_area, {{"why", why}}));
        continue;
      }
      ++repaired;
      rep.notes.push_back("feature " + fid + " (row " + std::to_string(index) +
                          "): invalid polygon (" + why + ") repaired with GEOS MakeValid");
    }
    Box box;
    for (const auto& p : poly)
      for (Vec2 q : p.rings[0]) box.add(q);
    const double m = opt.outside_margin_m;
    if (box.max.x < bounds.min.x - m || box.min.x > bounds.max.x + m ||
        box.max.y < bounds.min.y - m || box.min.y > bounds.max.y + m) {
      rep.drop(index, fid, where, Msg::drop_outside_map);
      continue;
    }
    if (!spread) spread = std::make_unique<StreetSpread>(city.graph);
    const std::vector<StreetPiece> pieces = spread->pieces(poly, opt.chunk_m);
    double total = 0;
    for (const auto& p : pieces) total += p.length_m;
    if (total > 0) {
      for (const auto& p : pieces) items.add(p.at, count * p.length_m / total, ci);
      ++rep.kept;
      continue;
    }
    // No street inside (a building, a small block): the count goes to a point inside the polygon.
    const Vec2 xy = have_inside ? proj.to_metric(where) : Vec2{NAN, NAN};
    if (have_inside && city.snapper->snap(xy, opt.snap).usable()) {
      items.add(xy, count, ci);
      ++no_street;
      ++rep.kept;
      continue;
    }
    rep.drop(index, fid, where,
             Message(Msg::drop_could_not_snap_polygon,
                     {{"value", static_cast<int>(opt.snap.max_snap_m)}}));
  }
  if (rep.read == 0)
    throw CodedError(path, Msg::layer_empty_of, {MsgArg("what", kind_message(rep.what))});
  if (rep.kept == 0)
    throw CodedError(path, rep.dropped.size() > 1 ? Msg::none_usable_more : Msg::none_usable,
                     {{"count", rep.read},
                      MsgArg("what", kind_message(rep.what)),
                      MsgArg("why", rep.dropped.front().why)});
  if (polygons)
    rep.notes.push_back(std::to_string(polygons) +
                        " polygons: counts spread over the walkable streets inside them in "
                        "proportion to street length");
  if (repaired)
    rep.notes.push_back(std::to_string(repaired) +
                        " invalid polygons repaired with GEOS MakeValid");
  if (no_street)
    rep.notes.push_back(
        std::to_string(no_street) +
        " polygons contain no walkable street: their count was placed at a point inside them");
  if (enc == TextEncoding::gb18030)
    rep.notes.push_back("names and values decoded as GB18030 (the file's text is not UTF-8)");
}

}  // namespace yz
