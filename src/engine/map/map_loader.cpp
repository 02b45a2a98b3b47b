#include "engine/map/map_loader.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <unordered_map>

#include "engine/map/decompress.hpp"
#include "engine/map/gdal_session.hpp"
#include "engine/map/line_end_noding.hpp"
#include "engine/map/osm_reader.hpp"
#include "engine/map/raw_lines.hpp"
#include "engine/map/vector_layer.hpp"
#include "engine/util/ascii_case.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

namespace {

bool ends_with(const std::string& s, const std::string& suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

void append_linestring(RawLines& raw, const OGRLineString& ls, RoadClass c, bool walk, int64_t id,
                       bool missing, MapLoadReport& rep, uint8_t ride) {
  const int n = ls.getNumPoints();
  size_t start = raw.pts.size();
  for (int i = 0; i < n; ++i) {
    Vec2 p{ls.getX(i), ls.getY(i)};
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
      raw.pts.resize(start);
      ++rep.invalid_geometry;
      return;
    }
    if (raw.pts.size() > start && raw.pts.back() == p) continue;  // repeated vertex
    raw.pts.push_back(p);
  }
  const size_t kept = raw.pts.size() - start;
  // Names are set by the caller (one feature may give several lines).
  if (!raw.end_line(start, c, walk, id, ride, missing)) {
    ++rep.invalid_geometry;
    return;
  }
  rep.osm_nodes += kept;
}

void append_geometry(RawLines& raw, const OGRGeometry* g, RoadClass c, bool walk, int64_t id,
                     bool missing, MapLoadReport& rep, uint8_t ride = kRideNone) {
  if (!g) {
    ++rep.invalid_geometry;
    return;
  }
  switch (wkbFlatten(g->getGeometryType())) {
    case wkbLineString:
      append_linestring(raw, *g->toLineString(), c, walk, id, missing, rep, ride);
      break;
    case wkbMultiLineString:
      for (const auto* part : *g->toMultiLineString())
        append_linestring(raw, *part, c, walk, id, missing, rep, ride);
      break;
    case wkbPolygon:
      for (const auto* ring : *g->toPolygon())
        append_linestring(raw, *ring, c, walk, id, missing, rep, ride);
      break;
    case wkbMultiPolygon:
      for (const auto* poly : *g->toMultiPolygon())
        for (const auto* ring : *poly)
          append_linestring(raw, *ring, c, walk, id, missing, rep, ride);
      break;
    default:
      ++rep.invalid_geometry;
  }
}

// Names every line appended since `from` (one feature can give several lines).
void name_lines(RawLines& raw, size_t from, const std::string& name, const std::string& name_en) {
  for (size_t i = from; i < raw.name.size(); ++i) raw.name[i] = name, raw.name_en[i] = name_en;
}

std::string field(OGRFeature& f, int idx) {
  if (idx < 0 || !f.IsFieldSetAndNotNull(idx)) return {};
  return f.GetFieldAsString(idx);
}

// The riding verdict of a line feature, from the tags osmconf.ini keeps (':' laundered to '_').
RideDir ride_verdict(OGRFeature& f, const std::string& highway, const RideProfile& ride) {
  const auto& def = *f.GetDefnRef();
  auto get = [&](const char* k) { return field(f, def.GetFieldIndex(k)); };
  RideTags t{highway,
             get("bicycle"),
             get("access"),
             get("vehicle"),
             get("oneway"),
             get("oneway_bicycle"),
             get("junction"),
             get("cycleway"),
             get("cycleway_left"),
             get("cycleway_right"),
             get("cycleway_both")};
  return ride.verdict(t);
}

void count_ride(uint8_t dir, MapLoadReport& rep) {
  if (dir == kRideNone) return;
  ++rep.rideable;
  if (dir != kRideBoth) ++rep.ride_one_way;
}

void read_vector(const std::string& path, const TagProfile& profile, const RideProfile& ride,
                 const MapLoadOptions& opt, const Progress& progress, RawLines& raw,
                 MapLoadReport& rep) {
  GdalErrorCapture cap;
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) {
    std::string why = cap.first_error();
    if (why.empty()) throw CodedError(path, Msg::vector_map_unreadable);
    throw CodedError(path, Msg::vector_map_unreadable_why, {{"why", why}});
  }
  OGRLayer* layer = pick_layer(*ds, path, opt.layer, LayerShape::lines);
  OGRCoordinateTransformation* ct = nullptr;
  std::unique_ptr<OGRCoordinateTransformation> ct_owner;
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  if (const OGRSpatialReference* srs = layer->GetSpatialRef()) {
    OGRSpatialReference src(*srs);
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!src.IsSame(&wgs84)) {
      ct_owner.reset(OGRCreateCoordinateTransformation(&src, &wgs84));
      if (!ct_owner) throw CodedError(path, Msg::crs_not_transformable);
      ct = ct_owner.get();
    }
  } else {
    add_note(rep.notes, path, Msg::note_no_crs_assume_wgs84);
  }
  const auto& def = *layer->GetLayerDefn();
  int cls_idx = -1;
  if (!opt.class_field.empty()) {
    cls_idx = def.GetFieldIndex(opt.class_field.c_str());
    if (cls_idx < 0)
      throw CodedError(path, Msg::no_column_for,
                       {{"column", opt.class_field}, param_arg("param", "class_field")});
  } else {
    for (const char* name : {"highway", "fclass", "road_class", "class", "type", "kind"})
      if ((cls_idx = def.GetFieldIndex(name)) >= 0) break;
  }
  const int foot_idx = def.GetFieldIndex("foot"), access_idx = def.GetFieldIndex("access");
  const int bike_idx = def.GetFieldIndex("bicycle"), oneway_idx = def.GetFieldIndex("oneway");
  int name_idx = -1;  // a street-name column, for labels and field-check sheets
  for (const char* name : {"name", "NAME", "Name", "name_zh", "名称", "路名", "road_name"})
    if ((name_idx = def.GetFieldIndex(name)) >= 0) break;
  uint64_t unknown_class = 0;
  uint64_t n = 0;
  for (auto& f : *layer) {
    if ((++n & 0x3FFF) == 0) progress.throw_if_cancelled();
    ++rep.features_read;
    OGRGeometry* g = f->GetGeometryRef();
    if (!g || g->IsEmpty()) {
      ++rep.invalid_geometry;
      continue;
    }
    const auto gt = wkbFlatten(g->getGeometryType());
    if (gt != wkbLineString && gt != wkbMultiLineString) {
      ++rep.invalid_geometry;
      continue;
    }
    if (ct && g->transform(ct) != OGRERR_NONE) {
      ++rep.invalid_geometry;
      continue;
    }
    ++rep.roads;
    RoadClass c = RoadClass::unclassified;
    bool walk = true;
    uint8_t rd = kRideBoth;  // no class column, or one the riding profile does not know
    if (cls_idx >= 0) {
      const std::string v = ascii_lower(field(*f, cls_idx));
      if (ride.knows(v))
        rd = ride_verdict(*f, v, ride);
      else if (bike_idx >= 0 || oneway_idx >= 0) {  // a city's own classes: its tags still count
        RideTags t;
        t.highway = "road";
        t.bicycle = field(*f, bike_idx), t.oneway = field(*f, oneway_idx);
        rd = ride.verdict(t);
      }
      WayTags t{v, field(*f, foot_idx), field(*f, access_idx), ""};
      const auto verdict = profile.verdict(t);
      if (verdict == WalkVerdict::not_walkable_class && profile.road_class(v) == RoadClass::other) {
        // A class the profile does not know (e.g. a city's own scheme): walkable, counted.
        ++unknown_class;
        c = RoadClass::other;
      } else {
        walk = verdict == WalkVerdict::walkable || verdict == WalkVerdict::not_highway;
        c = v.empty() ? RoadClass::unclassified : profile.road_class(v);
        if (verdict == WalkVerdict::not_walkable_class) ++rep.not_walkable_class;
        if (verdict == WalkVerdict::foot_forbidden) ++rep.foot_forbidden;
        if (verdict == WalkVerdict::access_forbidden) ++rep.access_forbidden;
      }
    }
    if (walk) ++rep.walkable;
    count_ride(rd, rep);
    const size_t from = raw.name.size();
    append_geometry(raw, g, c, walk, f->GetFID(), false, rep, rd);
    name_lines(raw, from, field(*f, name_idx), {});
  }
  if (!cap.errors().empty() && rep.features_read == 0)
    throw CodedError(path, Msg::cannot_read_features, {{"why", cap.first_error()}});
  if (cls_idx < 0) add_note(rep.notes, path, Msg::note_no_road_class);
  if (unknown_class)
    add_note(rep.notes, path, Message(Msg::note_unknown_road_class, {{"count", unknown_class}}));
}

// Chooses the projection, projects everything, and cuts straight jumps across missing nodes.
RoadLines finish(RawLines& raw, const std::string& path, const MapLoadOptions& opt,
                 MapLoadReport rep) {
  RoadLines out;
  out.source = path;
  if (raw.cls.empty()) throw CodedError(path, Msg::no_roads);
  // Centre = median of all road vertices: robust to the long ways extracts keep past their box.
  std::vector<double> xs, ys;
  for (size_t i = 0; i < raw.cls.size(); ++i)
    for (uint32_t k = raw.first[i]; k < raw.first[i + 1]; ++k)
      xs.push_back(raw.pts[k].x), ys.push_back(raw.pts[k].y);
  auto median = [](std::vector<double>& v) {
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
  };
  const Vec2 centre{median(xs), median(ys)};
  if (!plausible_lonlat(centre)) {
    throw CodedError(path, Msg::not_lonlat_after_reprojection,
                     {{"x", std::to_string(centre.x)}, {"y", std::to_string(centre.y)}});
  }
  out.projection = opt.crs.empty() ? LocalProjection::utm_for(centre.x, centre.y)
                                   : LocalProjection::from_user(opt.crs);
  if (!out.projection.to_metric(raw.pts)) {
    // Drop lines with points that failed to project rather than failing the whole map.
    add_note(rep.notes, path, Msg::note_lines_not_projected);
  }
  out.areas = std::move(raw.areas);
  out.projection.to_metric(out.areas.points);
  for (auto& a : raw.addresses) {
    a.xy = out.projection.to_metric(a.xy);
    if (std::isfinite(a.xy.x) && std::isfinite(a.xy.y)) out.addresses.push_back(std::move(a));
  }
  std::vector<Vec2> buf;
  std::vector<uint32_t> nodes;
  const bool with_nodes = raw.node.size() == raw.pts.size() && !raw.node.empty();
  for (size_t i = 0; i < raw.cls.size(); ++i) {
    buf.clear(), nodes.clear();
    auto flush = [&] {
      if (buf.size() >= 2 && with_nodes)
        out.add_line(buf, nodes, raw.cls[i], raw.walk[i], raw.id[i], raw.ride[i], raw.name[i],
                     raw.name_en[i]);
      else if (buf.size() >= 2)
        out.add_line(buf, raw.cls[i], raw.walk[i], raw.id[i], raw.ride[i], raw.name[i],
                     raw.name_en[i]);
      buf.clear(), nodes.clear();
    };
    bool bad = false;
    for (uint32_t k = raw.first[i]; k < raw.first[i + 1]; ++k) {
      const Vec2 p = raw.pts[k];
      if (!std::isfinite(p.x)) {
        bad = true;
        break;
      }
      if (raw.missing_nodes[i] && !buf.empty() && distance(buf.back(), p) > opt.max_jump_m) {
        ++rep.jumps_cut;
        rep.jumps_cut_m += distance(buf.back(), p);
        flush();
      }
      buf.push_back(p);
      if (with_nodes) nodes.push_back(raw.node[k]);
    }
    if (bad) {
      ++rep.invalid_geometry;
      continue;
    }
    flush();
  }
  if (rep.ways_missing_nodes)
    add_note(
        rep.notes, path,
        Message(Msg::note_ways_missing_nodes, {{"count", rep.ways_missing_nodes},
                                               {"total", rep.osm_roads},
                                               {"dropped", rep.ways_dropped},
                                               {"shortened", rep.ways_shortened},
                                               {"jumps", rep.jumps_cut},
                                               {"max_jump", static_cast<int>(opt.max_jump_m)},
                                               {"jump_m", static_cast<long>(rep.jumps_cut_m)}}));
  if (rep.unused_nodes * 100 > rep.osm_nodes_in_file)
    add_note(rep.notes, path,
             Message(Msg::note_unused_nodes,
                     {{"count", rep.unused_nodes}, {"total", rep.osm_nodes_in_file}}));
  size_t walk = 0;
  for (auto w : out.walkable) walk += w;
  if (walk == 0) throw CodedError(path, Msg::no_walkable_roads);
  out.report = std::move(rep);
  return out;
}

}  // namespace

bool is_osm_file(const std::string& path) {
  const std::string p = ascii_lower(strip_compression_suffix(path));
  return ends_with(p, ".osm") || ends_with(p, ".pbf") || ends_with(p, ".osm.xml");
}

RoadLines load_map(const std::string& path, const TagProfile& profile, const MapLoadOptions& opt,
                   const Progress& progress) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) throw CodedError(path, Msg::file_not_found);
  if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0)
    throw CodedError(path, Msg::file_empty);
  ensure_gdal();
  const RideProfile ride =
      opt.ride_profile.empty() ? RideProfile::load_default() : RideProfile::load(opt.ride_profile);
  const auto t0 = std::chrono::steady_clock::now();
  RawLines raw;
  MapLoadReport rep;
  RoadLines out;
  if (is_osm_file(path)) {
    const OsmReadResult osm = read_osm_map(path, path, profile, ride, progress, raw, rep);
    out = finish(raw, path, opt, std::move(rep));
    out.from_osm = true;
    if (const auto& ll = osm.bounds) {
      // The box's edges projected (UTM bends them slightly): their metric bounding box.
      for (int i = 0; i <= 8; ++i) {
        const double t = i / 8.0;
        const double lon = ll->min.x + t * (ll->max.x - ll->min.x);
        const double lat = ll->min.y + t * (ll->max.y - ll->min.y);
        for (Vec2 p : {Vec2{lon, ll->min.y}, Vec2{lon, ll->max.y}, Vec2{ll->min.x, lat},
                       Vec2{ll->max.x, lat}})
          out.declared_extent.add(out.projection.to_metric(p));
      }
    }
  } else {
    read_vector(path, profile, ride, opt, progress, raw, rep);
    out = finish(raw, path, opt, std::move(rep));
    if ((out.report.t_junctions = node_line_ends(out, opt.join_ends_m)))
      add_note(out.report.notes, path,
               Message(Msg::note_t_junctions, {{"count", out.report.t_junctions}}));
  }
  out.report.read_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  progress(1.0, "map read");
  return out;
}

}  // namespace yz
