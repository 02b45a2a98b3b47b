#include "engine/inputs/demand_layer.hpp"

#include <gdal_priv.h>
#include <geos_c.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <cmath>
#include <filesystem>
#include <iterator>

#include "engine/inputs/point_reader.hpp"
#include "engine/map/gdal_session.hpp"
#include "engine/util/error.hpp"

namespace yz {

namespace {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;
using BPoint = bg::model::point<double, 2, bg::cs::cartesian>;
using BBox = bg::model::box<BPoint>;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool is_csv(const std::string& path) {
  const std::string p = lower(path);
  return p.ends_with(".csv") || p.ends_with(".txt") || p.ends_with(".tsv");
}

struct Geos {
  GEOSContextHandle_t h = GEOS_init_r();
  ~Geos() { GEOS_finish_r(h); }
};
struct GeomPtr {
  GEOSContextHandle_t h;
  GEOSGeometry* g;
  GeomPtr(GEOSContextHandle_t h_, GEOSGeometry* g_) : h(h_), g(g_) {}
  ~GeomPtr() {
    if (g) GEOSGeom_destroy_r(h, g);
  }
  GeomPtr(const GeomPtr&) = delete;
  GeomPtr& operator=(const GeomPtr&) = delete;
};

GEOSGeometry* make_ring(GEOSContextHandle_t h, const OGRLinearRing& r,
                        const LocalProjection& proj) {
  std::vector<Vec2> pts;
  for (int i = 0; i < r.getNumPoints(); ++i) pts.push_back({r.getX(i), r.getY(i)});
  if (!pts.empty() && !(pts.front() == pts.back()))
    pts.push_back(pts.front());  // GEOS wants closed rings
  if (pts.size() < 4 || !proj.to_metric(pts)) return nullptr;
  GEOSCoordSequence* cs = GEOSCoordSeq_create_r(h, static_cast<unsigned>(pts.size()), 2);
  for (unsigned i = 0; i < pts.size(); ++i) GEOSCoordSeq_setXY_r(h, cs, i, pts[i].x, pts[i].y);
  return GEOSGeom_createLinearRing_r(h, cs);
}

// An OGR polygon (lon/lat) as a GEOS polygon in the metric projection; nullptr when unusable.
GEOSGeometry* make_polygon(GEOSContextHandle_t h, const OGRPolygon& p,
                           const LocalProjection& proj) {
  if (p.IsEmpty() || !p.getExteriorRing()) return nullptr;
  GEOSGeometry* shell = make_ring(h, *p.getExteriorRing(), proj);
  if (!shell) return nullptr;
  std::vector<GEOSGeometry*> holes;
  for (int i = 0; i < p.getNumInteriorRings(); ++i)
    if (GEOSGeometry* r = make_ring(h, *p.getInteriorRing(i), proj)) holes.push_back(r);
  return GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size()));
}

// Line pieces of a GEOS geometry (intersection results can be collections), cut into chunks of at
// most `chunk_m`: (chunk midpoint, chunk length). Chunks spread a polygon's count along its
// streets.
void line_pieces(GEOSContextHandle_t h, const GEOSGeometry* g, double chunk_m,
                 std::vector<std::pair<Vec2, double>>& out) {
  const int type = GEOSGeomTypeId_r(h, g);
  if (type == GEOS_LINESTRING) {
    const GEOSCoordSequence* cs = GEOSGeom_getCoordSeq_r(h, g);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h, cs, &n);
    std::vector<Vec2> p(n);
    for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(h, cs, i, &p[i].x, &p[i].y);
    double len = 0;
    for (unsigned i = 0; i + 1 < n; ++i) len += distance(p[i], p[i + 1]);
    if (!(len > 0)) return;
    // The tolerance keeps a 150 m piece (round-tripped through WGS-84, off by nanometres) at 3
    // chunks.
    const int chunks =
        chunk_m > 0 ? std::max(1, static_cast<int>(std::min(1e6, std::ceil(len / chunk_m - 1e-6))))
                    : 1;
    const double step = len / chunks;
    // Walk the line once, emitting the point at (k + 0.5) * step for each chunk k.
    unsigned seg = 0;
    double before = 0;  // length of the segments before `seg`
    for (int k = 0; k < chunks; ++k) {
      const double at = (k + 0.5) * step;
      while (seg + 2 < n && before + distance(p[seg], p[seg + 1]) < at)
        before += distance(p[seg], p[seg + 1]), ++seg;
      const double d = distance(p[seg], p[seg + 1]);
      const double t = d > 0 ? std::clamp((at - before) / d, 0.0, 1.0) : 0.0;
      out.emplace_back(p[seg] + (p[seg + 1] - p[seg]) * t, step);
    }
  } else if (type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
    for (int i = 0; i < GEOSGetNumGeometries_r(h, g); ++i)
      line_pieces(h, GEOSGetGeometryN_r(h, g, i), chunk_m, out);
  }
}

// Edge bounding boxes of the walk graph, for "which streets may lie inside this polygon".
class EdgeBoxes {
 public:
  explicit EdgeBoxes(const WalkGraph& g) {
    std::vector<std::pair<BBox, EdgeId>> v;
    for (EdgeId e = 0; e < g.edge_count(); ++e) {
      Box b;
      for (uint32_t i = g.geom_first[e]; i < g.geom_first[e + 1]; ++i) b.add(g.geom[i]);
      v.emplace_back(BBox{{b.min.x, b.min.y}, {b.max.x, b.max.y}}, e);
    }
    tree_ = bgi::rtree<std::pair<BBox, EdgeId>, bgi::rstar<16>>(v.begin(), v.end());
  }
  std::vector<EdgeId> query(double minx, double miny, double maxx, double maxy) const {
    std::vector<std::pair<BBox, EdgeId>> hits;
    tree_.query(bgi::intersects(BBox{{minx, miny}, {maxx, maxy}}), std::back_inserter(hits));
    std::vector<EdgeId> out;
    for (auto& h : hits) out.push_back(h.second);
    std::sort(out.begin(), out.end());  // deterministic order
    return out;
  }

 private:
  bgi::rtree<std::pair<BBox, EdgeId>, bgi::rstar<16>> tree_;
};

int find_count_field(const OGRFeatureDefn& def, const std::string& wanted) {
  if (!wanted.empty()) return def.GetFieldIndex(wanted.c_str());
  for (const char* n : {"count", "workers", "weight", "demand", "人数", "population", "pop", "n"})
    for (int i = 0; i < def.GetFieldCount(); ++i)
      if (lower(def.GetFieldDefn(i)->GetNameRef()) == n) return i;
  return -1;
}

}  // namespace

void add_layer_demand(const std::string& path, const CityNetwork& city,
                      const DemandLayerOptions& opt, const std::string& component,
                      DemandItems& items, DropReport& rep) {
  namespace fs = std::filesystem;
  const uint16_t ci = items.component_index(component);
  const LocalProjection& proj = city.projection();
  const Box bounds = city.bounds();
  const std::string snap_reason = "could not snap (no walkable street within " +
                                  std::to_string(static_cast<int>(opt.snap.max_snap_m)) + " m)";
  if (is_csv(path)) {
    // Points with lon/lat columns: the shared point reader, then the snap check.
    PointReadOptions po;
    po.weight_field = opt.count_field;
    po.weight_required = true;
    po.crs = opt.crs;
    po.outside_margin_m = opt.outside_margin_m;
    PointSet ps = read_points(path, proj, bounds, po, rep, "demand points");
    const auto snaps = city.snapper->snap_all(ps.xy, opt.snap);
    for (size_t i = 0; i < ps.size(); ++i) {
      if (!snaps[i].usable()) {
        rep.drop(i, ps.id[i], ps.lonlat[i], snap_reason);
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
  if (!fs::exists(path, ec)) throw InputError(path, "file not found");
  if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0)
    throw InputError(path, "file is empty");
  GdalErrorCapture cap;
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) throw InputError(path, "not a readable vector layer (" + cap.first_error() + ")");
  OGRLayer* layer = nullptr;
  if (!opt.layer.empty()) {
    layer = ds->GetLayerByName(opt.layer.c_str());
    if (!layer) throw InputError(path, "has no layer named '" + opt.layer + "'");
  } else {
    for (auto* l : ds->GetLayers()) {
      const auto t = wkbFlatten(l->GetGeomType());
      if (t == wkbPoint || t == wkbMultiPoint || t == wkbPolygon || t == wkbMultiPolygon ||
          t == wkbUnknown) {
        layer = l;
        break;
      }
    }
    if (!layer) throw InputError(path, "has no layer of points or polygons");
  }
  const OGRFeatureDefn& def = *layer->GetLayerDefn();
  const int count_idx = find_count_field(def, opt.count_field);
  if (count_idx < 0) {
    std::string cols;
    for (int i = 0; i < def.GetFieldCount(); ++i)
      cols += std::string(i ? ", " : "") + def.GetFieldDefn(i)->GetNameRef();
    throw InputError(path,
                     opt.count_field.empty()
                         ? "has no count column (name it count/workers/weight/population or pass "
                           "--count-field; columns are: " +
                               cols + ")"
                         : "has no column '" + opt.count_field + "' (columns are: " + cols + ")");
  }
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> ct;
  OGRSpatialReference src;
  bool have_src = false;
  if (!opt.crs.empty()) {
    if (src.SetFromUserInput(opt.crs.c_str()) != OGRERR_NONE)
      throw InputError(path, "unknown CRS '" + opt.crs + "'");
    have_src = true;
  } else if (layer->GetSpatialRef()) {
    src = *layer->GetSpatialRef();
    have_src = true;
  }
  if (have_src) {
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!src.IsSame(&wgs84)) {
      ct.reset(OGRCreateCoordinateTransformation(&src, &wgs84));
      if (!ct)
        throw InputError(path, "its coordinate reference system cannot be transformed to WGS-84");
    }
  } else {
    rep.notes.push_back(
        "no coordinate reference system recorded: read as WGS-84 longitude/latitude");
  }
  Geos geos;
  const GEOSContextHandle_t h = geos.h;
  std::unique_ptr<EdgeBoxes> boxes;
  const WalkGraph& g = city.graph;
  uint64_t row = 0, repaired = 0, no_street = 0, polygons = 0;
  for (auto& f : *layer) {
    const uint64_t index = row++;
    ++rep.read;
    const std::string fid = std::to_string(f->GetFID());
    // Where the feature is (its envelope's centre), so dropped rows can be found on a map.
    OGRGeometry* geom = f->GetGeometryRef();
    const bool has_geom = geom && !geom->IsEmpty();
    const bool transformed = !has_geom || !ct || geom->transform(ct.get()) == OGRERR_NONE;
    Vec2 loc{NAN, NAN};
    if (has_geom && transformed) {
      OGREnvelope env;
      geom->getEnvelope(&env);
      loc = {(env.MinX + env.MaxX) / 2, (env.MinY + env.MaxY) / 2};
      if (!plausible_lonlat(loc)) loc = {NAN, NAN};
    }
    // A row with a bad count is dropped whatever its geometry.
    double count = 0;
    {
      const char* s = f->GetFieldAsString(count_idx);
      char* end = nullptr;
      const double v = std::strtod(s, &end);
      bool numeric = f->IsFieldSetAndNotNull(count_idx) && end != s && std::isfinite(v);
      while (numeric && *end == ' ') ++end;
      if (!numeric || *end != '\0') {
        rep.drop(index, fid, loc, "missing or non-numeric count");
        continue;
      }
      if (v < 0) {
        rep.drop(index, fid, loc, "negative count");
        continue;
      }
      count = v;
    }
    if (!has_geom) {
      rep.drop(index, fid, loc, "invalid geometry (missing or empty)");
      continue;
    }
    if (!transformed) {
      rep.drop(index, fid, loc, "coordinates cannot be transformed");
      continue;
    }
    const auto t = wkbFlatten(geom->getGeometryType());
    if (t == wkbPoint || t == wkbMultiPoint) {
      const OGRPoint* pt =
          t == wkbPoint ? geom->toPoint() : geom->toMultiPoint()->getGeometryRef(0);
      const Vec2 ll{pt->getX(), pt->getY()};
      if (!plausible_lonlat(ll)) {
        rep.drop(index, fid, {NAN, NAN}, "coordinates are not longitude/latitude");
        continue;
      }
      const Vec2 xy = proj.to_metric(ll);
      if (!bounds.contains(xy, opt.outside_margin_m)) {
        rep.drop(index, fid, ll, "outside the map");
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
      rep.drop(index, fid, {NAN, NAN}, "invalid geometry (not a point or polygon)");
      continue;
    }
    ++polygons;
    // Build the (multi)polygon in metric coordinates.
    std::vector<GEOSGeometry*> parts;
    if (t == wkbPolygon) {
      if (GEOSGeometry* p = make_polygon(h, *geom->toPolygon(), proj)) parts.push_back(p);
    } else {
      for (const auto* p : *geom->toMultiPolygon())
        if (GEOSGeometry* q = make_polygon(h, *p, proj)) parts.push_back(q);
    }
    OGRPoint inside_ll(0, 0);  // GDAL 3.6 PointOnSurface fails when handed an empty point
    const bool have_inside =
        (t == wkbPolygon ? geom->toPolygon()->PointOnSurface(&inside_ll)
                         : geom->toMultiPolygon()->PointOnSurface(&inside_ll)) == OGRERR_NONE;
    const Vec2 where = have_inside ? Vec2{inside_ll.getX(), inside_ll.getY()} : Vec2{NAN, NAN};
    if (parts.empty()) {
      rep.drop(index, fid, where, "invalid geometry (a ring with fewer than 4 points)");
      continue;
    }
    GeomPtr poly(h, GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, parts.data(),
                                                static_cast<unsigned>(parts.size())));
    if (!poly.g) {
      rep.drop(index, fid, where, "invalid geometry");
      continue;
    }
    if (GEOSisValid_r(h, poly.g) != 1) {
      char* why = GEOSisValidReason_r(h, poly.g);
      const std::string reason = why ? why : "invalid";
      if (why) GEOSFree_r(h, why);
      GEOSGeometry* fixed = GEOSMakeValid_r(h, poly.g);
      double area = 0;
      if (fixed) GEOSArea_r(h, fixed, &area);
      if (!fixed || !(area > 0)) {
        if (fixed) GEOSGeom_destroy_r(h, fixed);
        rep.drop(index, fid, where,
                 "invalid geometry (" + reason + "; GEOS MakeValid left no area)");
        continue;
      }
      GEOSGeom_destroy_r(h, poly.g);
      poly.g = fixed;
      ++repaired;
      rep.notes.push_back("feature " + fid + " (row " + std::to_string(index) +
                          "): invalid polygon (" + reason + ") repaired with GEOS MakeValid");
    }
    double minx, miny, maxx, maxy;
    if (GEOSGeom_getXMin_r(h, poly.g, &minx) != 1 || GEOSGeom_getYMin_r(h, poly.g, &miny) != 1 ||
        GEOSGeom_getXMax_r(h, poly.g, &maxx) != 1 || GEOSGeom_getYMax_r(h, poly.g, &maxy) != 1) {
      rep.drop(index, fid, where, "invalid geometry");
      continue;
    }
    const double m = opt.outside_margin_m;
    if (maxx < bounds.min.x - m || minx > bounds.max.x + m || maxy < bounds.min.y - m ||
        miny > bounds.max.y + m) {
      rep.drop(index, fid, where, "outside the map");
      continue;
    }
    if (!boxes) boxes = std::make_unique<EdgeBoxes>(g);
    const GEOSPreparedGeometry* prep = GEOSPrepare_r(h, poly.g);
    if (!prep) {
      rep.drop(index, fid, where, "invalid geometry");
      continue;
    }
    std::vector<std::pair<Vec2, double>> pieces;
    for (EdgeId e : boxes->query(minx, miny, maxx, maxy)) {
      const uint32_t n = g.geom_first[e + 1] - g.geom_first[e];
      GEOSCoordSequence* cs = GEOSCoordSeq_create_r(h, n, 2);
      for (uint32_t i = 0; i < n; ++i) {
        const Vec2 p = g.geom[g.geom_first[e] + i];
        GEOSCoordSeq_setXY_r(h, cs, i, p.x, p.y);
      }
      GeomPtr line(h, GEOSGeom_createLineString_r(h, cs));
      if (!line.g || GEOSPreparedIntersects_r(h, prep, line.g) != 1) continue;
      if (GEOSPreparedContains_r(h, prep, line.g) == 1) {
        line_pieces(h, line.g, opt.chunk_m, pieces);
        continue;
      }
      GeomPtr cut(h, GEOSIntersection_r(h, poly.g, line.g));
      if (cut.g) line_pieces(h, cut.g, opt.chunk_m, pieces);
    }
    GEOSPreparedGeom_destroy_r(h, prep);
    double total = 0;
    for (auto& [p, len] : pieces) total += len;
    if (total > 0) {
      for (auto& [p, len] : pieces) items.add(p, count * len / total, ci);
      ++rep.kept;
      continue;
    }
    // No street inside (a building, a small block): the count goes to a point inside the polygon.
    const Vec2 xy = proj.to_metric(where);
    if (have_inside && city.snapper->snap(xy, opt.snap).usable()) {
      items.add(xy, count, ci);
      ++no_street;
      ++rep.kept;
      continue;
    }
    rep.drop(index, fid, where,
             "could not snap (no walkable street inside the polygon or within " +
                 std::to_string(static_cast<int>(opt.snap.max_snap_m)) + " m)");
  }
  if (rep.read == 0) throw InputError(path, "contains no demand features (the layer is empty)");
  if (rep.kept == 0)
    throw InputError(path, "none of the " + std::to_string(rep.read) +
                               " demand features could be used (" + rep.dropped.front().reason +
                               (rep.dropped.size() > 1 ? ", ..." : "") + ")");
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
}

}  // namespace yz
