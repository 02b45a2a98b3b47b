#include "engine/map/map_loader.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "engine/map/decompress.hpp"
#include "engine/map/gdal_session.hpp"
#include "engine/map/line_end_noding.hpp"
#include "engine/map/osm_bounds.hpp"
#include "engine/map/osm_references.hpp"
#include "engine/map/vector_layer.hpp"
#include "engine/util/ascii_case.hpp"
#include "engine/util/data_files.hpp"
#include "engine/util/error.hpp"

namespace yz {

namespace {

bool ends_with(const std::string& s, const std::string& suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

// Lines collected in lon/lat before the projection is known.
struct RawLines {
  std::vector<Vec2> pts;
  std::vector<uint32_t> first{0};
  std::vector<RoadClass> cls;
  std::vector<uint8_t> walk;
  std::vector<int64_t> id;
  std::vector<uint8_t> ride;           // RideDir
  std::vector<uint8_t> missing_nodes;  // way had nodes absent from the file
  std::vector<std::string> name, name_en;
  MapAreas areas;                      // lon/lat too
  std::vector<MapAddress> addresses;   // lon/lat too
};

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
  if (raw.pts.size() - start < 2) {
    raw.pts.resize(start);
    ++rep.invalid_geometry;
    return;
  }
  rep.osm_nodes += raw.pts.size() - start;
  raw.first.push_back(static_cast<uint32_t>(raw.pts.size()));
  raw.cls.push_back(c);
  raw.walk.push_back(walk);
  raw.id.push_back(id);
  raw.ride.push_back(ride);
  raw.missing_nodes.push_back(missing);
  raw.name.emplace_back();  // set by the caller (one feature may give several lines)
  raw.name_en.emplace_back();
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

// An addr:street + addr:housenumber on a point or an area (its centroid), lon/lat.
void append_address(RawLines& raw, OGRFeature& f) {
  const auto& def = *f.GetDefnRef();
  const int si = def.GetFieldIndex("addr:street"), hi = def.GetFieldIndex("addr:housenumber");
  if (si < 0 || !f.IsFieldSetAndNotNull(si)) return;
  const OGRGeometry* g = f.GetGeometryRef();
  if (!g || g->IsEmpty()) return;
  OGRPoint c;
  if (g->Centroid(&c) != OGRERR_NONE || !std::isfinite(c.getX()) || !std::isfinite(c.getY()))
    return;
  MapAddress a;
  a.xy = {c.getX(), c.getY()};
  a.street = f.GetFieldAsString(si);
  if (hi >= 0 && f.IsFieldSetAndNotNull(hi)) a.housenumber = f.GetFieldAsString(hi);
  raw.addresses.push_back(std::move(a));
}

void append_area(MapAreas& areas, const OGRGeometry* g, AreaKind kind) {
  if (!g) return;
  auto add_poly = [&](const OGRPolygon& poly) {
    bool any = false;
    for (const auto* ring : poly) {
      if (ring->getNumPoints() < 4) continue;
      for (int i = 0; i < ring->getNumPoints(); ++i) areas.points.push_back({ring->getX(i), ring->getY(i)});
      areas.ring_first.push_back(static_cast<uint32_t>(areas.points.size()));
      any = true;
    }
    if (any) {
      areas.poly_first.push_back(static_cast<uint32_t>(areas.ring_first.size() - 1));
      areas.kind.push_back(kind);
    }
  };
  const auto t = wkbFlatten(g->getGeometryType());
  if (t == wkbPolygon) add_poly(*g->toPolygon());
  else if (t == wkbMultiPolygon)
    for (const auto* p : *g->toMultiPolygon()) add_poly(*p);
}

std::string field(OGRFeature& f, int idx) {
  if (idx < 0 || !f.IsFieldSetAndNotNull(idx)) return {};
  return f.GetFieldAsString(idx);
}

std::optional<AreaKind> area_kind(const std::string& natural, const std::string& water,
                                  const std::string& waterway, const std::string& landuse,
                                  const std::string& leisure) {
  if (natural == "water" || !water.empty() || waterway == "riverbank") return AreaKind::water;
  if (leisure == "park" || leisure == "garden" || landuse == "grass" || landuse == "forest" ||
      natural == "wood" || landuse == "recreation_ground" || landuse == "meadow")
    return AreaKind::park;
  return std::nullopt;
}

// "For way 123, got only 22 nodes instead of 68" (GDAL OSM driver debug message).
std::unordered_set<int64_t> ways_with_missing_nodes(const std::vector<std::string>& debug) {
  std::unordered_set<int64_t> ids;
  for (const auto& m : debug) {
    auto p = m.find("For way ");
    if (p == std::string::npos || m.find("got only") == std::string::npos) continue;
    ids.insert(std::atoll(m.c_str() + p + 8));
  }
  return ids;
}


GDALDatasetUniquePtr open_osm(const std::string& path, bool custom_indexing_off) {
  const std::string conf = "CONFIG_FILE=" + data_file("osmconf.ini");
  std::vector<const char*> opts{conf.c_str(), "INTERLEAVED_READING=YES"};
  if (custom_indexing_off) opts.push_back("USE_CUSTOM_INDEXING=NO");
  opts.push_back(nullptr);
  const char* drivers[] = {"OSM", nullptr};
  return GDALDatasetUniquePtr(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                                drivers, opts.data(), nullptr));
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

void read_osm(const std::string& user_path, const std::string& path, const TagProfile& profile,
              const RideProfile& ride, const Progress& progress, RawLines& raw,
              MapLoadReport& rep) {
  std::optional<OsmReferenceCheck> checked;
  for (int attempt = 0; attempt < 2; ++attempt) {
    raw = RawLines{};
    const uint64_t nodes_before = 0;
    rep = MapLoadReport{};
    rep.osm_nodes = nodes_before;
    rep.custom_indexing_retry = attempt == 1;
    GdalErrorCapture cap(/*capture_debug=*/true);
    auto ds = open_osm(path, attempt == 1);
    if (!ds) {
      std::string why = cap.first_error();
      throw InputError(user_path, "not a readable OpenStreetMap file" + (why.empty() ? std::string() : " (" + why + ")"));
    }
    // Our own pass (once, after GDAL accepted the file): a PBF cut inside a block is refused here
    // with a clear message, and the ways GDAL drops or shortens for missing nodes are counted.
    if (!checked) checked = check_osm_references(path, user_path);
    const OsmReferenceCheck& refs = *checked;
    std::vector<std::pair<int64_t, OGRFeatureUniquePtr>> lines;  // kept until missing-node ids are known
    OGRLayer* layer = nullptr;
    uint64_t seen = 0;
    double frac = 0;
    for (;;) {
      OGRFeatureUniquePtr f(ds->GetNextFeature(&layer, &frac, nullptr, nullptr));
      if (!f) break;
      if ((++seen & 0xFFFF) == 0) {
        progress.throw_if_cancelled();
        progress(frac * 0.8, "reading map");
      }
      const char* lname = layer->GetName();
      if (std::strcmp(lname, "points") == 0) {
        append_address(raw, *f);
      } else if (std::strcmp(lname, "lines") == 0) {
        ++rep.features_read;
        lines.emplace_back(f->GetFieldAsInteger64("osm_id"), std::move(f));
      } else if (std::strcmp(lname, "multipolygons") == 0) {
        auto& fd = *f;
        const auto& def = *fd.GetDefnRef();
        append_address(raw, fd);
        const std::string hw = field(fd, def.GetFieldIndex("highway"));
        if (!hw.empty() && profile.is_area_highway(hw)) {
          // A pedestrian square: walk its outline (entrances join it where streets touch it).
          WayTags t{hw, field(fd, def.GetFieldIndex("foot")), field(fd, def.GetFieldIndex("access")), "yes"};
          if (profile.verdict(t) == WalkVerdict::walkable) {
            ++rep.area_outlines;
            ++rep.roads;
            ++rep.walkable;
            // Squares drawn as one closed way carry osm_way_id (osm_id is for relations).
            const int rel = def.GetFieldIndex("osm_id");
            const int64_t id = rel >= 0 && fd.IsFieldSetAndNotNull(rel) ? fd.GetFieldAsInteger64(rel)
                                                                         : fd.GetFieldAsInteger64("osm_way_id");
            const size_t from = raw.name.size();
            append_geometry(raw, fd.GetGeometryRef(), profile.road_class(hw), true, id, false, rep);
            name_lines(raw, from, field(fd, def.GetFieldIndex("name")), {});
          }
          continue;
        }
        if (auto k = area_kind(field(fd, def.GetFieldIndex("natural")), field(fd, def.GetFieldIndex("water")),
                               field(fd, def.GetFieldIndex("waterway")), field(fd, def.GetFieldIndex("landuse")),
                               field(fd, def.GetFieldIndex("leisure"))))
          append_area(raw.areas, fd.GetGeometryRef(), *k);
      }
    }
    if (attempt == 0 && (cap.has("Non increasing node id") || cap.has("USE_CUSTOM_INDEXING"))) continue;
    if (!cap.errors().empty() && lines.empty()) {
      throw InputError(user_path, "corrupt or truncated OpenStreetMap file (" + cap.first_error() + ")");
    }
    if (!cap.errors().empty()) {
      rep.notes.add("GDAL reported while reading: " + cap.first_error() +
                    (cap.errors().size() > 1 ? " (+" + std::to_string(cap.errors().size() - 1) + " more)" : ""));
      // A parse failure means the file stops early or is damaged: what was read may be missing
      // streets anywhere (e.g. cut inside the ways), so never go on with it.
      if (cap.has("truncated") || cap.has("Corrupt") || cap.has("corrupt") || cap.has("Invalid") ||
          cap.has("parsing"))
        throw InputError(user_path, "corrupt or truncated OpenStreetMap file (" + cap.first_error() + ")");
    }
    if (refs.xml && !refs.xml_closed)
      throw InputError(user_path,
                       "truncated OpenStreetMap file: the XML stops before its closing </osm>");
    if (refs.nodes > 0 && refs.ways == 0 && lines.empty())
      throw InputError(user_path,
                       "contains no roads: its " + std::to_string(refs.nodes) +
                           " nodes are followed by no ways at all (is the file truncated, "
                           "cut before its ways?)");
    const auto missing = ways_with_missing_nodes(cap.debug());
    rep.ways_missing_nodes = refs.roads_missing;
    rep.ways_dropped = refs.roads_dropped;
    rep.ways_shortened = refs.roads_shortened;
    rep.osm_roads = refs.roads;
    rep.unused_nodes = refs.unused_nodes;
    rep.osm_nodes_in_file = refs.nodes;
    for (auto& [id, f] : lines) {
      auto& fd = *f;
      const auto& def = *fd.GetDefnRef();
      const std::string hw = field(fd, def.GetFieldIndex("highway"));
      if (hw.empty()) continue;
      ++rep.roads;
      WayTags t{hw, field(fd, def.GetFieldIndex("foot")), field(fd, def.GetFieldIndex("access")),
                field(fd, def.GetFieldIndex("area"))};
      const auto v = profile.verdict(t);
      const bool walk = v == WalkVerdict::walkable;
      switch (v) {
        case WalkVerdict::walkable: ++rep.walkable; break;
        case WalkVerdict::not_walkable_class: ++rep.not_walkable_class; break;
        case WalkVerdict::foot_forbidden: ++rep.foot_forbidden; break;
        case WalkVerdict::access_forbidden: ++rep.access_forbidden; break;
        default: break;
      }
      const RideDir rd = ride_verdict(fd, hw, ride);
      count_ride(rd, rep);
      const size_t from = raw.name.size();
      append_geometry(raw, fd.GetGeometryRef(), profile.road_class(hw), walk, id,
                      missing.count(id) > 0, rep, rd);
      name_lines(raw, from, field(fd, def.GetFieldIndex("name")),
                 field(fd, def.GetFieldIndex("name:en")));
    }
    return;
  }
}

void read_vector(const std::string& path, const TagProfile& profile, const RideProfile& ride,
                 const MapLoadOptions& opt, const Progress& progress, RawLines& raw,
                 MapLoadReport& rep) {
  GdalErrorCapture cap;
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) {
    std::string why = cap.first_error();
    throw InputError(path, "not a readable vector map (no GDAL driver could open it" +
                               (why.empty() ? std::string(")") : ": " + why + ")"));
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
      if (!ct_owner) throw InputError(path, "its coordinate reference system cannot be transformed to WGS-84");
      ct = ct_owner.get();
    }
  } else {
    rep.notes.add(path + ": no coordinate reference system recorded; assuming WGS-84 lon/lat");
  }
  const auto& def = *layer->GetLayerDefn();
  int cls_idx = -1;
  if (!opt.class_field.empty()) {
    cls_idx = def.GetFieldIndex(opt.class_field.c_str());
    if (cls_idx < 0) throw InputError(path, "has no column '" + opt.class_field + "' (--class-field)");
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
    throw InputError(path, "cannot read features (" + cap.first_error() + ")");
  if (cls_idx < 0) rep.notes.add(path + ": no road-class column found; every line is treated as walkable");
  if (unknown_class)
    rep.notes.add(path + ": " + std::to_string(unknown_class) + " lines with a road class the tag profile does not know were kept as walkable");
}

// Chooses the projection, projects everything, and cuts straight jumps across missing nodes.
RoadLines finish(RawLines& raw, const std::string& path, const MapLoadOptions& opt, MapLoadReport rep) {
  RoadLines out;
  out.source = path;
  if (raw.cls.empty()) throw InputError(path, "contains no roads (no line features with a road class)");
  // Centre = median of all road vertices: robust to the long ways extracts keep past their box.
  std::vector<double> xs, ys;
  for (size_t i = 0; i < raw.cls.size(); ++i)
    for (uint32_t k = raw.first[i]; k < raw.first[i + 1]; ++k) xs.push_back(raw.pts[k].x), ys.push_back(raw.pts[k].y);
  auto median = [](std::vector<double>& v) {
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
  };
  const Vec2 centre{median(xs), median(ys)};
  if (!plausible_lonlat(centre)) {
    throw InputError(path, "coordinates are not longitude/latitude after reprojection (centre " +
                               std::to_string(centre.x) + ", " + std::to_string(centre.y) +
                               "); is the coordinate reference system recorded correctly?");
  }
  out.projection = opt.crs.empty() ? LocalProjection::utm_for(centre.x, centre.y) : LocalProjection::from_user(opt.crs);
  if (!out.projection.to_metric(raw.pts)) {
    // Drop lines with points that failed to project rather than failing the whole map.
    rep.notes.add(path + ": some coordinates could not be projected and their lines were dropped");
  }
  out.areas = std::move(raw.areas);
  out.projection.to_metric(out.areas.points);
  for (auto& a : raw.addresses) {
    a.xy = out.projection.to_metric(a.xy);
    if (std::isfinite(a.xy.x) && std::isfinite(a.xy.y)) out.addresses.push_back(std::move(a));
  }
  std::vector<Vec2> buf;
  for (size_t i = 0; i < raw.cls.size(); ++i) {
    buf.clear();
    auto flush = [&] {
      if (buf.size() >= 2)
        out.add_line(buf, raw.cls[i], raw.walk[i], raw.id[i], raw.ride[i], raw.name[i],
                     raw.name_en[i]);
      buf.clear();
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
    }
    if (bad) {
      ++rep.invalid_geometry;
      continue;
    }
    flush();
  }
  if (rep.ways_missing_nodes)
    rep.notes.add(
        path + ": " + std::to_string(rep.ways_missing_nodes) + " of " +
        std::to_string(rep.osm_roads) +
        " roads reference nodes missing from the file (the file may be clipped or truncated): " +
        std::to_string(rep.ways_dropped) +
        " dropped entirely (fewer than 2 of their nodes present), " +
        std::to_string(rep.ways_shortened) + " shortened to the nodes present; " +
        std::to_string(rep.jumps_cut) + " straight jumps longer than " +
        std::to_string(static_cast<int>(opt.max_jump_m)) + " m across missing nodes were cut (" +
        std::to_string(static_cast<long>(rep.jumps_cut_m)) + " m in all)");
  if (rep.unused_nodes * 100 > rep.osm_nodes_in_file)
    rep.notes.add(
        path + ": " + std::to_string(rep.unused_nodes) + " of " +
        std::to_string(rep.osm_nodes_in_file) +
        " nodes carry no tags and belong to no way: the ways that used them are missing (the "
        "file may be truncated, e.g. cut at a block boundary, or filtered)");
  if (rep.custom_indexing_retry)
    rep.notes.add(path + ": node ids are not in ascending order; reopened with USE_CUSTOM_INDEXING=NO");
  size_t walk = 0;
  for (auto w : out.walkable) walk += w;
  if (walk == 0) throw InputError(path, "contains roads but none is walkable under the tag profile");
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
  if (!fs::exists(path, ec)) throw InputError(path, "file not found");
  if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0) throw InputError(path, "file is empty");
  ensure_gdal();
  const RideProfile ride =
      opt.ride_profile.empty() ? RideProfile::load_default() : RideProfile::load(opt.ride_profile);
  const auto t0 = std::chrono::steady_clock::now();
  RawLines raw;
  MapLoadReport rep;
  RoadLines out;
  if (is_osm_file(path)) {
    DecompressedFile plain(path);
    if (fs::file_size(plain.path(), ec) == 0) throw InputError(path, "file is empty after decompression");
    read_osm(path, plain.path(), profile, ride, progress, raw, rep);
    out = finish(raw, path, opt, std::move(rep));
    out.from_osm = true;
    if (const auto ll = read_osm_bounds(plain.path())) {
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
      out.report.notes.add(path + ": " + std::to_string(out.report.t_junctions) +
                           " line ends lying on another line between its vertices were joined to it (T-junctions)");
  }
  out.report.read_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  progress(1.0, "map read");
  return out;
}

}  // namespace yz
