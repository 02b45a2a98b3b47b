#include "engine/geo/geos_ops.hpp"

#include <geos_c.h>

#include <stdexcept>

namespace yz {

namespace {
struct Geos {
  GEOSContextHandle_t h = GEOS_init_r();
  ~Geos() { GEOS_finish_r(h); }
  Geos() = default;
  Geos(const Geos&) = delete;
  Geos& operator=(const Geos&) = delete;
};

Ring ring_from(GEOSContextHandle_t h, const GEOSGeometry* ring) {
  Ring r;
  const GEOSCoordSequence* cs = GEOSGeom_getCoordSeq_r(h, ring);
  unsigned n = 0;
  GEOSCoordSeq_getSize_r(h, cs, &n);
  r.resize(n);
  for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(h, cs, i, &r[i].x, &r[i].y);
  return r;
}

void collect(GEOSContextHandle_t h, const GEOSGeometry* g, MultiPolygon& out) {
  const int type = GEOSGeomTypeId_r(h, g);
  if (type == GEOS_POLYGON) {
    Polygon p;
    p.rings.push_back(ring_from(h, GEOSGetExteriorRing_r(h, g)));
    const int holes = GEOSGetNumInteriorRings_r(h, g);
    for (int i = 0; i < holes; ++i)
      p.rings.push_back(ring_from(h, GEOSGetInteriorRingN_r(h, g, i)));
    if (!p.rings.front().empty()) out.push_back(std::move(p));
  } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
    const int n = GEOSGetNumGeometries_r(h, g);
    for (int i = 0; i < n; ++i) collect(h, GEOSGetGeometryN_r(h, g, i), out);
  }
}

GEOSCoordSequence* seq(GEOSContextHandle_t h, const std::vector<Vec2>& pts, bool close) {
  const bool add = close && !pts.empty() && !(pts.front() == pts.back());
  const unsigned n = static_cast<unsigned>(pts.size() + (add ? 1 : 0));
  GEOSCoordSequence* cs = GEOSCoordSeq_create_r(h, n, 2);
  for (unsigned i = 0; i < pts.size(); ++i) GEOSCoordSeq_setXY_r(h, cs, i, pts[i].x, pts[i].y);
  if (add) GEOSCoordSeq_setXY_r(h, cs, n - 1, pts.front().x, pts.front().y);
  return cs;
}

// Owned GEOS geometry as given (possibly invalid), or nullptr for an empty input.
GEOSGeometry* to_geos_as_is(GEOSContextHandle_t h, const MultiPolygon& mp) {
  std::vector<GEOSGeometry*> polys;
  for (const auto& p : mp) {
    if (p.rings.empty() || p.rings[0].size() < 3) continue;
    GEOSGeometry* shell = GEOSGeom_createLinearRing_r(h, seq(h, p.rings[0], true));
    std::vector<GEOSGeometry*> holes;
    for (size_t r = 1; r < p.rings.size(); ++r)
      if (p.rings[r].size() >= 3)
        holes.push_back(GEOSGeom_createLinearRing_r(h, seq(h, p.rings[r], true)));
    polys.push_back(
        GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size())));
  }
  return GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, polys.data(),
                                     static_cast<unsigned>(polys.size()));
}

// Owned valid GEOS geometry (repaired with MakeValid when needed).
GEOSGeometry* to_geos(GEOSContextHandle_t h, const MultiPolygon& mp) {
  GEOSGeometry* g = to_geos_as_is(h, mp);
  if (g && !GEOSisValid_r(h, g)) {
    GEOSGeometry* v = GEOSMakeValid_r(h, g);
    GEOSGeom_destroy_r(h, g);
    g = v;
  }
  return g;
}

void collect_lines(GEOSContextHandle_t h, const GEOSGeometry* g,
                   std::vector<std::vector<Vec2>>& out) {
  const int type = GEOSGeomTypeId_r(h, g);
  if (type == GEOS_LINESTRING) {
    std::vector<Vec2> l = ring_from(h, g);
    if (l.size() >= 2) out.push_back(std::move(l));
  } else if (type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
    const int n = GEOSGetNumGeometries_r(h, g);
    for (int i = 0; i < n; ++i) collect_lines(h, GEOSGetGeometryN_r(h, g, i), out);
  }
}

MultiPolygon take(GEOSContextHandle_t h, GEOSGeometry* g, const char* what) {
  if (!g) throw std::runtime_error(std::string("GEOS failed: ") + what);
  MultiPolygon out;
  collect(h, g, out);
  GEOSGeom_destroy_r(h, g);
  return out;
}
}  // namespace

MultiPolygon buffer_polylines(const std::vector<std::vector<Vec2>>& lines, double radius_m,
                              int quadrant_segments) {
  Geos geos;
  const auto h = geos.h;
  std::vector<GEOSGeometry*> parts;
  for (const auto& l : lines)
    if (l.size() >= 2) parts.push_back(GEOSGeom_createLineString_r(h, seq(h, l, false)));
  if (parts.empty()) return {};
  GEOSGeometry* multi = GEOSGeom_createCollection_r(h, GEOS_MULTILINESTRING, parts.data(),
                                                    static_cast<unsigned>(parts.size()));
  GEOSGeometry* buf = GEOSBuffer_r(h, multi, radius_m, quadrant_segments);
  GEOSGeom_destroy_r(h, multi);
  return take(h, buf, "buffering lines");
}

MultiPolygon buffer_polylines_merged(const std::vector<std::vector<Vec2>>& lines, double radius_m,
                                     int quadrant_segments, double simplify_m) {
  Geos geos;
  const auto h = geos.h;
  std::vector<GEOSGeometry*> parts;
  for (const auto& l : lines)
    if (l.size() >= 2) parts.push_back(GEOSGeom_createLineString_r(h, seq(h, l, false)));
  if (parts.empty()) return {};
  GEOSGeometry* multi = GEOSGeom_createCollection_r(h, GEOS_MULTILINESTRING, parts.data(),
                                                    static_cast<unsigned>(parts.size()));
  // The buffer of a line is the union of its segments' buffers, so merging changes nothing but
  // the work: one polyline with round joins instead of many pieces with overlapping caps.
  if (GEOSGeometry* merged = GEOSLineMerge_r(h, multi)) {
    GEOSGeom_destroy_r(h, multi);
    multi = merged;
  }
  GEOSGeometry* buf = GEOSBuffer_r(h, multi, radius_m, quadrant_segments);
  GEOSGeom_destroy_r(h, multi);
  if (buf && simplify_m > 0) {
    GEOSGeometry* simple = GEOSTopologyPreserveSimplify_r(h, buf, simplify_m);
    GEOSGeom_destroy_r(h, buf);
    buf = simple;
  }
  return take(h, buf, "buffering lines");
}

MultiPolygon buffer_points(const std::vector<Vec2>& pts, double radius_m, int quadrant_segments) {
  if (pts.empty()) return {};
  Geos geos;
  const auto h = geos.h;
  std::vector<GEOSGeometry*> parts;
  for (auto p : pts) parts.push_back(GEOSGeom_createPointFromXY_r(h, p.x, p.y));
  GEOSGeometry* multi = GEOSGeom_createCollection_r(h, GEOS_MULTIPOINT, parts.data(),
                                                    static_cast<unsigned>(parts.size()));
  GEOSGeometry* buf = GEOSBuffer_r(h, multi, radius_m, quadrant_segments);
  GEOSGeom_destroy_r(h, multi);
  return take(h, buf, "buffering points");
}

MultiPolygon union_polygons(const std::vector<MultiPolygon>& parts) {
  Geos geos;
  const auto h = geos.h;
  std::vector<GEOSGeometry*> gs;
  for (const auto& p : parts)
    if (!p.empty()) gs.push_back(to_geos(h, p));
  if (gs.empty()) return {};
  GEOSGeometry* coll = GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, gs.data(),
                                                   static_cast<unsigned>(gs.size()));
  GEOSGeometry* u = GEOSUnaryUnion_r(h, coll);
  GEOSGeom_destroy_r(h, coll);
  return take(h, u, "union");
}

MultiPolygon union_built_valid(const std::vector<const MultiPolygon*>& parts) {
  Geos geos;
  const auto h = geos.h;
  for (bool repair : {false, true}) {
    std::vector<GEOSGeometry*> gs;
    for (const MultiPolygon* p : parts)
      if (p && !p->empty()) gs.push_back(repair ? to_geos(h, *p) : to_geos_as_is(h, *p));
    if (gs.empty()) return {};
    if (gs.size() == 1 && !repair) return take(h, gs[0], "union");  // nothing to merge
    GEOSGeometry* coll = GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, gs.data(),
                                                     static_cast<unsigned>(gs.size()));
    GEOSGeometry* u = GEOSUnaryUnion_r(h, coll);
    GEOSGeom_destroy_r(h, coll);
    if (u || repair) return take(h, u, "union");
  }
  return {};
}

MultiPolygon difference(const MultiPolygon& a, const MultiPolygon& b) {
  if (a.empty() || b.empty()) return a;
  Geos geos;
  const auto h = geos.h;
  GEOSGeometry* ga = to_geos(h, a);
  GEOSGeometry* gb = to_geos(h, b);
  GEOSGeometry* d = GEOSDifference_r(h, ga, gb);
  GEOSGeom_destroy_r(h, ga);
  GEOSGeom_destroy_r(h, gb);
  return take(h, d, "difference");
}

bool valid_polygons(const MultiPolygon& mp, std::string* reason) {
  Geos geos;
  const auto h = geos.h;
  GEOSGeometry* g = to_geos_as_is(h, mp);
  if (!g) {
    if (reason) *reason = "no polygon";
    return false;
  }
  const bool ok = GEOSisValid_r(h, g) == 1;
  if (!ok && reason) {
    char* why = GEOSisValidReason_r(h, g);
    *reason = why ? why : "invalid";
    if (why) GEOSFree_r(h, why);
  }
  GEOSGeom_destroy_r(h, g);
  return ok;
}

MultiPolygon make_valid(const MultiPolygon& mp) {
  Geos geos;
  const auto h = geos.h;
  GEOSGeometry* g = to_geos_as_is(h, mp);
  if (!g) return {};
  GEOSGeometry* v = GEOSMakeValid_r(h, g);
  GEOSGeom_destroy_r(h, g);
  return take(h, v, "MakeValid");
}

std::vector<std::vector<Vec2>> clip_lines(const MultiPolygon& area,
                                          const std::vector<std::vector<Vec2>>& lines) {
  std::vector<std::vector<Vec2>> out;
  if (area.empty() || lines.empty()) return out;
  Geos geos;
  const auto h = geos.h;
  GEOSGeometry* poly = to_geos(h, area);
  if (!poly) return out;
  const GEOSPreparedGeometry* prep = GEOSPrepare_r(h, poly);
  for (const auto& l : lines) {
    if (l.size() < 2) continue;
    GEOSGeometry* line = GEOSGeom_createLineString_r(h, seq(h, l, false));
    if (!line) continue;
    if (GEOSPreparedIntersects_r(h, prep, line) == 1) {
      if (GEOSPreparedContains_r(h, prep, line) == 1) {
        out.push_back(l);
      } else if (GEOSGeometry* cut = GEOSIntersection_r(h, poly, line)) {
        collect_lines(h, cut, out);
        GEOSGeom_destroy_r(h, cut);
      }
    }
    GEOSGeom_destroy_r(h, line);
  }
  GEOSPreparedGeom_destroy_r(h, prep);
  GEOSGeom_destroy_r(h, poly);
  return out;
}

}  // namespace yz
