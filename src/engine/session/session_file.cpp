#include "engine/session/session_file.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>

#include "engine/export/vector_writer.hpp"
#include "engine/map/gdal_session.hpp"
#include "engine/util/ascii_case.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {
namespace fs = std::filesystem;
using nlohmann::json;

const std::string* SessionSettings::ui_value(const std::string& key) const {
  for (const auto& [k, v] : ui)
    if (k == key) return &v;
  return nullptr;
}

void SessionSettings::set_ui(const std::string& key, std::string value) {
  for (auto& [k, v] : ui)
    if (k == key) {
      v = std::move(value);
      return;
    }
  ui.emplace_back(key, std::move(value));
}

namespace {

constexpr const char* kTable = "yizhan_session";
constexpr const char* kFormat = "yizhan-session";

std::string fmt_double(double v) {
  char b[64];
  std::snprintf(b, sizeof b, "%.17g", v);
  return b;
}

std::string now_iso() {
  const std::time_t t = std::time(nullptr);
  char b[32];
  std::strftime(b, sizeof b, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return b;
}

// Site fields every station and candidate row carries, in this order.
std::vector<FieldDef> site_fields() {
  return {{"id", FieldType::text},         {"name", FieldType::text},
          {"category", FieldType::text},   {"host_type", FieldType::text},
          {"size_class", FieldType::text}, {"status", FieldType::text},
          {"amenities", FieldType::text},  {"opening_hours", FieldType::text},
          {"capacity", FieldType::real},   {"cost", FieldType::real},
          {"site_origin", FieldType::text}};
}

void push_site_values(std::vector<FieldValue>& v, const std::string& id, const std::string& name,
                      const SiteInfo& info) {
  v.insert(v.end(), {id, name, info.category, info.host_type, info.size_class, info.status,
                     amenity_list(info.amenities), info.opening_hours, info.capacity, info.cost,
                     info.origin});
}

// Field names for pass-through columns: the column's own name unless it clashes with one of ours
// (then "in_<name>"), made unique. Returns [field, column] pairs (stored in the session table).
std::vector<std::pair<std::string, std::string>> column_fields(
    const std::vector<std::string>& columns, const std::vector<FieldDef>& taken) {
  std::vector<std::pair<std::string, std::string>> out;
  auto used = [&](const std::string& n) {
    for (const auto& f : taken)
      if (ascii_lower(f.name) == ascii_lower(n)) return true;
    for (const auto& [f, c] : out)
      if (ascii_lower(f) == ascii_lower(n)) return true;
    return ascii_lower(n) == "fid" || ascii_lower(n) == "geom";
  };
  for (const auto& c : columns) {
    std::string f = c.empty() ? "column" : c;
    if (used(f)) f = "in_" + f;
    for (int k = 2; used(f); ++k) f = "in_" + c + "_" + std::to_string(k);
    out.emplace_back(f, c);
  }
  return out;
}

json pairs_json(const std::vector<std::pair<std::string, std::string>>& p) {
  json a = json::array();
  for (const auto& [k, v] : p) a.push_back({k, v});
  return a;
}

void write_points(VectorWriter& w, const char* layer, const PointSet& pts, bool sites,
                  std::vector<std::pair<std::string, std::string>>& rows) {
  std::vector<FieldDef> fields;
  if (sites)
    fields = site_fields();
  else
    fields = {{"id", FieldType::text}, {"name", FieldType::text}, {"weight", FieldType::real}};
  const auto cols = column_fields(pts.attr_names, fields);
  for (const auto& [f, c] : cols) fields.push_back({f, FieldType::text});
  rows.emplace_back(std::string(layer) + "_columns", pairs_json(cols).dump());
  w.begin_layer(layer, GeomKind::point, fields);
  for (size_t i = 0; i < pts.size(); ++i) {
    std::vector<FieldValue> v;
    if (sites)
      push_site_values(v, pts.id[i], pts.name[i], i < pts.info.size() ? pts.info[i] : SiteInfo{});
    else
      v.insert(v.end(), {pts.id[i], pts.name[i], pts.weight[i]});
    for (size_t c = 0; c < cols.size(); ++c)
      v.emplace_back(i < pts.attr_values.size() ? pts.attr_values[i][c] : std::string());
    w.add_point(pts.lonlat[i], v);
  }
}

}  // namespace

void write_session_file(const std::string& path, const SessionFile& s) {
  std::vector<std::pair<std::string, std::string>> rows;
  const fs::path dir = fs::absolute(fs::path(path)).parent_path();
  rows.emplace_back("format", kFormat);
  rows.emplace_back("format_version", std::to_string(kSessionFormatVersion));
  rows.emplace_back("saved_at", now_iso());
  if (s.map.demo()) {
    rows.emplace_back("map", "demo");
  } else {
    const fs::path abs = fs::absolute(s.map.path).lexically_normal();
    const fs::path rel = abs.lexically_relative(dir);
    const bool inside = !rel.empty() && *rel.begin() != "..";
    rows.emplace_back("map", inside ? rel.generic_string() : abs.string());
    rows.emplace_back("map_absolute", abs.string());
  }
  rows.emplace_back("map_profile", s.map.profile);
  rows.emplace_back("map_crs", s.map.crs);
  rows.emplace_back("map_class_field", s.map.class_field);
  rows.emplace_back("map_layer", s.map.layer);
  rows.emplace_back("minutes", fmt_double(s.params.minutes));
  rows.emplace_back("speed_kmh", fmt_double(s.params.speed_kmh));
  rows.emplace_back("radius_m", fmt_double(s.params.radius_m));
  rows.emplace_back("max_snap_m", fmt_double(s.params.snap.max_snap_m));
  rows.emplace_back("island_m", fmt_double(s.params.snap.island_max_m));
  rows.emplace_back("criterion", std::string(to_string(s.settings.criterion)));
  rows.emplace_back("lang", s.settings.lang);
  // Keys as RiderParams::validate names them, so an out-of-range value is reported by its key.
  rows.emplace_back("rider_criterion", s.settings.rider_criterion ? "1" : "0");
  rows.emplace_back("ride_min", fmt_double(s.settings.rider.minutes));
  rows.emplace_back("ride_kmh", fmt_double(s.settings.rider.speed_kmh));
  rows.emplace_back("park_walk_m", fmt_double(s.settings.rider.park_walk_m));
  rows.emplace_back("rider_demand", s.settings.rider.demand);
  if (s.settings.view.set) {
    rows.emplace_back("view_lon", fmt_double(s.settings.view.centre_lonlat.x));
    rows.emplace_back("view_lat", fmt_double(s.settings.view.centre_lonlat.y));
    rows.emplace_back("view_m_per_px", fmt_double(s.settings.view.m_per_px));
  }
  rows.emplace_back("demand", s.demand_is_proxy ? "proxy" : "layer");
  json names = json::array();
  for (const auto& sc : s.scenarios) names.push_back(sc.name);
  rows.emplace_back("scenarios", names.dump());
  rows.emplace_back("active_scenario", std::to_string(s.active));
  for (const auto& [name, o] : {std::pair{"stations", &s.settings.stations_origin},
                                {"candidates", &s.settings.candidates_origin},
                                {"demand", &s.settings.demand_origin}}) {
    if (!o->known()) continue;
    const std::string k = std::string("layer_") + name;
    rows.emplace_back(k + "_path", o->path);
    rows.emplace_back(k + "_crs", o->crs);
    rows.emplace_back(k + "_crs_name", o->crs_name);
  }
  for (const auto& [k, v] : s.settings.ui) rows.emplace_back("ui." + k, v);

  VectorWriter w(path, "GPKG");
  // Stations of every scenario: fixed fields, coverage for QGIS readers, then the input's own
  // columns, once as readable fields and once losslessly as JSON.
  std::vector<FieldDef> fields{{"scenario", FieldType::text},
                               {"scenario_index", FieldType::integer}};
  for (auto& f : site_fields()) fields.push_back(f);
  for (const char* f : {"station_origin", "suggested_rank"})
    fields.push_back(
        {f, std::string(f) == "suggested_rank" ? FieldType::integer : FieldType::text});
  for (const char* f : {"walk_workers", "radius_workers", "both_workers"})
    fields.push_back({f, FieldType::real});
  fields.push_back({"extra_json", FieldType::text});
  std::vector<std::string> extra_cols;
  for (const auto& sc : s.scenarios)
    for (const auto& st : sc.stations)
      for (const auto& [k, v] : st.extra)
        if (std::find(extra_cols.begin(), extra_cols.end(), k) == extra_cols.end())
          extra_cols.push_back(k);
  const auto cols = column_fields(extra_cols, fields);
  for (const auto& [f, c] : cols) fields.push_back({f, FieldType::text});
  w.begin_layer("stations", GeomKind::point, fields);
  for (size_t k = 0; k < s.scenarios.size(); ++k) {
    const auto& sc = s.scenarios[k];
    for (size_t i = 0; i < sc.stations.size(); ++i) {
      const PlanStation& st = sc.stations[i];
      std::vector<FieldValue> v{sc.name, static_cast<int64_t>(k)};
      push_site_values(v, st.id, st.name, st.info);
      v.emplace_back(st.origin);
      v.emplace_back(static_cast<int64_t>(st.suggested_rank));
      for (int c = 0; c < 3; ++c) v.emplace_back(i < sc.covered.size() ? sc.covered[i][c] : NAN);
      v.emplace_back(pairs_json(st.extra).dump());
      for (const auto& [f, c] : cols) {
        std::string val;
        for (const auto& [ek, ev] : st.extra)
          if (ek == c) val = ev;
        v.emplace_back(val);
      }
      w.add_point(i < sc.lonlat.size() ? sc.lonlat[i] : Vec2{NAN, NAN}, v);
    }
  }
  write_points(w, "candidates", s.candidates ? *s.candidates : PointSet{}, true, rows);
  if (!s.demand_is_proxy && s.demand) write_points(w, "demand", *s.demand, false, rows);
  w.add_table(kTable, rows);
  w.close();
}

namespace {

struct Reader {
  std::string path;
  GDALDatasetUniquePtr ds;
  std::map<std::string, std::string> kv;

  [[noreturn]] void fail(Msg code, std::vector<MsgArg> args = {}) const {
    throw CodedError(path, code, std::move(args));
  }

  const std::string& get(const std::string& key) const {
    auto it = kv.find(key);
    if (it == kv.end()) fail(Msg::session_no_entry, {{"key", key}});
    return it->second;
  }
  std::string get_or(const std::string& key, const std::string& d) const {
    auto it = kv.find(key);
    return it == kv.end() ? d : it->second;
  }
  double number(const std::string& key, double lo, double hi) const {
    const std::string& t = get(key);
    char* end = nullptr;
    const double v = std::strtod(t.c_str(), &end);
    if (t.empty() || *end != 0 || !std::isfinite(v) || v < lo || v > hi)
      fail(Msg::session_setting_not_number, {{"key", key}, {"value", t}});
    return v;
  }

  OGRLayer* layer(const char* name, bool required) const {
    OGRLayer* l = ds->GetLayerByName(name);
    if (!l && required) fail(Msg::session_no_layer, {{"layer", name}});
    return l;
  }

  static std::string text(OGRFeature& f, int i) {
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : std::string();
  }
  static double real(OGRFeature& f, int i) {
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsDouble(i) : NAN;
  }

  // Reads id/name/site fields and the stored pass-through columns.
  PointSet points(const char* name, bool sites) const {
    PointSet pts;
    pts.source = path + " (" + name + ")";
    OGRLayer* l = layer(name, true);
    std::vector<std::pair<std::string, std::string>> cols;
    try {
      for (const auto& p : json::parse(get_or(std::string(name) + "_columns", "[]")))
        cols.emplace_back(p.at(0).get<std::string>(), p.at(1).get<std::string>());
    } catch (const json::exception&) {
      fail(Msg::session_columns_damaged, {{"layer", name}});
    }
    OGRFeatureDefn* d = l->GetLayerDefn();
    auto idx = [&](const char* f) { return d->GetFieldIndex(f); };
    std::vector<int> col_idx;
    for (const auto& [f, c] : cols) pts.attr_names.push_back(c), col_idx.push_back(idx(f.c_str()));
    const int i_id = idx("id"), i_name = idx("name"), i_w = idx("weight");
    l->ResetReading();
    for (auto& f : *l) {
      const OGRPoint* g = f->GetGeometryRef() ? f->GetGeometryRef()->toPoint() : nullptr;
      if (!g || wkbFlatten(f->GetGeometryRef()->getGeometryType()) != wkbPoint)
        fail(Msg::session_layer_not_point, {{"layer", name}});
      const double w = sites ? 1.0 : real(*f, i_w);
      if (!sites && !(w >= 0)) fail(Msg::session_layer_bad_weight, {{"layer", name}});
      pts.add({g->getX(), g->getY()}, {NAN, NAN}, w, text(*f, i_id), text(*f, i_name));
      for (size_t c = 0; c < col_idx.size(); ++c) pts.attr_values.back()[c] = text(*f, col_idx[c]);
      if (sites) pts.info.push_back(site_info(*f, *d));
    }
    return pts;
  }

  SiteInfo site_info(OGRFeature& f, OGRFeatureDefn& d) const {
    auto idx = [&](const char* n) { return d.GetFieldIndex(n); };
    SiteInfo info;
    info.category = text(f, idx("category"));
    info.host_type = text(f, idx("host_type"));
    info.size_class = text(f, idx("size_class"));
    info.status = text(f, idx("status"));
    info.opening_hours = text(f, idx("opening_hours"));
    info.capacity = real(f, idx("capacity"));
    info.cost = real(f, idx("cost"));
    info.origin = text(f, idx("site_origin"));
    const std::string am = text(f, idx("amenities"));
    size_t p = 0;
    while (p < am.size()) {
      size_t q = am.find(';', p);
      if (q == std::string::npos) q = am.size();
      if (auto a = parse_amenity(am.substr(p, q - p))) info.amenities |= 1u << *a;
      p = q + 1;
    }
    return info;
  }
};

}  // namespace

bool is_session_file(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return false;
  ensure_gdal();
  GdalErrorCapture cap;
  const char* drivers[] = {"GPKG", nullptr};
  GDALDatasetUniquePtr ds(
      GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
  return ds && ds->GetLayerByName(kTable) != nullptr;
}

SessionFile read_session_file(const std::string& path) {
  Reader r;
  r.path = path;
  std::error_code ec;
  if (!fs::exists(path, ec)) r.fail(Msg::session_not_found);
  if (fs::is_directory(path, ec)) r.fail(Msg::session_is_folder);
  if (fs::file_size(path, ec) == 0) r.fail(Msg::session_empty);
  ensure_gdal();
  GdalErrorCapture cap;
  const char* drivers[] = {"GPKG", nullptr};
  r.ds.reset(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers));
  if (!r.ds)
    r.fail(cap.first_error().empty() ? Msg::session_not_gpkg : Msg::session_not_gpkg_why,
           {{"why", cap.first_error()}});
  OGRLayer* t = r.ds->GetLayerByName(kTable);
  if (!t) r.fail(Msg::session_no_table);
  const int ik = t->GetLayerDefn()->GetFieldIndex("key"),
            iv = t->GetLayerDefn()->GetFieldIndex("value");
  if (ik < 0 || iv < 0) r.fail(Msg::session_table_damaged);
  for (auto& f : *t) r.kv[Reader::text(*f, ik)] = Reader::text(*f, iv);
  if (r.get_or("format", "") != kFormat) r.fail(Msg::session_no_format);
  const double version = r.number("format_version", 1, 1e6);
  if (version > kSessionFormatVersion)
    r.fail(Msg::session_newer,
           {{"version", r.get("format_version")}, {"max", kSessionFormatVersion}});

  SessionFile s;
  const std::string map = r.get("map");
  if (map != "demo") {
    const fs::path dir = fs::absolute(fs::path(path)).parent_path();
    fs::path p(map);
    if (p.is_relative()) p = dir / p;
    const std::string abs = r.get_or("map_absolute", "");
    if (!fs::exists(p, ec) && !abs.empty() && fs::exists(abs, ec)) p = abs;
    s.map.path = p.lexically_normal().string();
  }
  s.map.profile = r.get_or("map_profile", "");
  s.map.crs = r.get_or("map_crs", "");
  s.map.class_field = r.get_or("map_class_field", "");
  s.map.layer = r.get_or("map_layer", "");
  // Any number here; the ranges are CoverageParams' own, as in the CLI and the app.
  const double any = std::numeric_limits<double>::max();
  s.params.minutes = r.number("minutes", -any, any);
  s.params.speed_kmh = r.number("speed_kmh", -any, any);
  s.params.radius_m = r.number("radius_m", -any, any);
  s.params.snap.max_snap_m = r.number("max_snap_m", -any, any);
  s.params.snap.island_max_m = r.number("island_m", -any, any);
  try {
    s.params.validate();
  } catch (const ParamError& e) {
    r.fail(Msg::session_setting_out_of_range,
           {{"key", e.param()}, {"value", r.get(e.param())}, MsgArg("why", problem_message(e))});
  }
  if (!parse_criterion(r.get("criterion"), s.settings.criterion))
    r.fail(Msg::session_bad_criterion, {{"value", r.get("criterion")}});
  s.settings.lang = r.get_or("lang", "en") == "zh" ? "zh" : "en";
  // The rider test (absent in older sessions: the defaults, double-15 criterion).
  s.settings.rider_criterion = r.get_or("rider_criterion", "0") == "1";
  RiderParams& rp = s.settings.rider;
  if (r.kv.count("ride_min")) rp.minutes = r.number("ride_min", -any, any);
  if (r.kv.count("ride_kmh")) rp.speed_kmh = r.number("ride_kmh", -any, any);
  if (r.kv.count("park_walk_m")) rp.park_walk_m = r.number("park_walk_m", -any, any);
  if (r.kv.count("rider_demand")) rp.demand = r.get("rider_demand");
  try {
    rp.validate();
  } catch (const ParamError& e) {
    r.fail(Msg::session_setting_out_of_range,
           {{"key", e.param()}, {"value", r.get(e.param())}, MsgArg("why", problem_message(e))});
  }
  if (r.kv.count("view_lon")) {
    s.settings.view.set = true;
    s.settings.view.centre_lonlat = {r.number("view_lon", -180, 180),
                                     r.number("view_lat", -90, 90)};
    s.settings.view.m_per_px = r.number("view_m_per_px", 1e-6, 1e7);
  }
  // Absent in sessions written before layer origins were kept: unknown.
  for (const auto& [name, o] : {std::pair{"stations", &s.settings.stations_origin},
                                {"candidates", &s.settings.candidates_origin},
                                {"demand", &s.settings.demand_origin}}) {
    const std::string k = std::string("layer_") + name;
    o->path = r.get_or(k + "_path", "");
    o->crs = r.get_or(k + "_crs", "");
    o->crs_name = r.get_or(k + "_crs_name", "");
  }
  for (const auto& [k, v] : r.kv)
    if (k.rfind("ui.", 0) == 0) s.settings.ui.emplace_back(k.substr(3), v);
  s.saved_at = r.get_or("saved_at", "");

  std::vector<std::string> names;
  try {
    for (const auto& n : json::parse(r.get("scenarios"))) names.push_back(n.get<std::string>());
  } catch (const json::exception&) {
    r.fail(Msg::session_scenarios_damaged);
  }
  if (names.empty()) r.fail(Msg::session_no_scenario);
  s.scenarios.resize(names.size());
  for (size_t k = 0; k < names.size(); ++k) s.scenarios[k].name = names[k];
  s.active = static_cast<size_t>(r.number("active_scenario", 0, 1e6));
  if (s.active >= names.size()) s.active = 0;

  OGRLayer* st = r.layer("stations", true);
  OGRFeatureDefn* d = st->GetLayerDefn();
  auto idx = [&](const char* n) { return d->GetFieldIndex(n); };
  const int i_sc = idx("scenario_index"), i_id = idx("id"), i_name = idx("name"),
            i_origin = idx("station_origin"), i_rank = idx("suggested_rank"),
            i_extra = idx("extra_json");
  if (i_sc < 0) r.fail(Msg::session_no_scenario_index);
  for (auto& f : *st) {
    const OGRGeometry* g = f->GetGeometryRef();
    if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint) r.fail(Msg::session_station_not_point);
    const auto k = f->GetFieldAsInteger64(i_sc);
    if (k < 0 || static_cast<size_t>(k) >= names.size())
      r.fail(Msg::session_station_unknown_scenario, {{"index", k}});
    const OGRPoint* pt = g->toPoint();
    if (!plausible_lonlat({pt->getX(), pt->getY()})) r.fail(Msg::session_station_bad_coordinates);
    PlanStation ps;
    ps.id = Reader::text(*f, i_id);
    ps.name = Reader::text(*f, i_name);
    ps.info = r.site_info(*f, *d);
    ps.origin = Reader::text(*f, i_origin);
    if (ps.origin.empty()) ps.origin = kOriginExisting;
    ps.suggested_rank =
        i_rank >= 0 ? static_cast<uint32_t>(std::max<GIntBig>(0, f->GetFieldAsInteger64(i_rank)))
                    : 0;
    try {
      for (const auto& p :
           json::parse(Reader::text(*f, i_extra).empty() ? "[]" : Reader::text(*f, i_extra)))
        ps.extra.emplace_back(p.at(0).get<std::string>(), p.at(1).get<std::string>());
    } catch (const json::exception&) {
      r.fail(Msg::session_station_extra_damaged);
    }
    auto& rec = s.scenarios[static_cast<size_t>(k)];
    rec.stations.push_back(std::move(ps));
    rec.lonlat.push_back({pt->getX(), pt->getY()});
  }
  s.candidates = std::make_shared<const PointSet>(r.points("candidates", true));
  s.demand_is_proxy = r.get("demand") != "layer";
  if (!s.demand_is_proxy) {
    PointSet d = r.points("demand", false);
    d.estimate = estimate_from_columns(d);  // a file of estimates stays labelled as one
    s.demand = std::make_shared<const PointSet>(std::move(d));
  }
  return s;
}

}  // namespace yz
