#include "engine/inputs/point_reader.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>

#include "engine/geo/china_coords.hpp"
#include "engine/map/gdal_session.hpp"
#include "engine/map/vector_layer.hpp"
#include "engine/util/error.hpp"

namespace yz {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

bool is_csv(const std::string& path) {
  const std::string p = lower(path);
  return p.size() > 4 && (p.ends_with(".csv") || p.ends_with(".txt") || p.ends_with(".tsv"));
}

int find_field(const OGRFeatureDefn& def, const std::string& wanted,
               std::initializer_list<const char*> auto_names) {
  if (!wanted.empty()) return def.GetFieldIndex(wanted.c_str());
  for (const char* n : auto_names)
    for (int i = 0; i < def.GetFieldCount(); ++i)
      if (lower(def.GetFieldDefn(i)->GetNameRef()) == n) return i;
  return -1;
}

const char* kXNames = "lon,lng,long,longitude,x,经度,LON,LNG,Longitude,X";
const char* kYNames = "lat,latitude,y,纬度,LAT,Latitude,Y";

bool valid_utf8(const std::string& s) {
  return CPLIsUTF8(s.c_str(), static_cast<int>(s.size())) != 0;
}

// Text that is not UTF-8 comes from Excel on Chinese Windows, which saves CSV as GB18030 (GBK):
// decode it as such rather than pass mojibake on.
std::string to_utf8(const char* s, bool& recoded) {
  std::string v = s ? s : "";
  if (valid_utf8(v)) return v;
  char* r = CPLRecode(v.c_str(), "GB18030", CPL_ENC_UTF8);
  std::string out = r ? r : v;
  CPLFree(r);
  recoded = true;
  return out;
}

}  // namespace

PointSet read_points(const std::string& path, const LocalProjection& proj, const Box& map_bounds,
                     const PointReadOptions& opt, DropReport& rep, const std::string& what) {
  namespace fs = std::filesystem;
  rep = DropReport{};
  rep.source = path;
  rep.what = what;
  std::error_code ec;
  if (!fs::exists(path, ec)) throw InputError(path, "file not found");
  if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0)
    throw InputError(path, "file is empty");
  GdalErrorCapture cap;
  const bool csv = is_csv(path);
  std::vector<std::string> open_opts;
  if (csv) {
    open_opts.push_back(std::string("X_POSSIBLE_NAMES=") +
                        (opt.x_field.empty() ? kXNames : opt.x_field.c_str()));
    open_opts.push_back(std::string("Y_POSSIBLE_NAMES=") +
                        (opt.y_field.empty() ? kYNames : opt.y_field.c_str()));
    open_opts.push_back("KEEP_GEOM_COLUMNS=NO");
    open_opts.push_back("AUTODETECT_TYPE=NO");
  }
  std::vector<const char*> oo;
  for (auto& s : open_opts) oo.push_back(s.c_str());
  oo.push_back(nullptr);
  const char* csv_driver[] = {"CSV", nullptr};
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                            csv ? csv_driver : nullptr, oo.data(), nullptr));
  if (!ds) {
    const std::string why = cap.first_error();
    if (csv) {
      // GDAL reads comma, semicolon and tab; anything else (|, :) leaves one unreadable column.
      std::ifstream in(path);
      std::string first;
      std::getline(in, first);
      if (first.size() > 120) first = first.substr(0, 120) + "...";
      throw InputError(path, "cannot be read as CSV (first line: '" + first +
                                 "'); use a comma, semicolon or tab as the delimiter, with a "
                                 "header row naming the longitude/latitude columns" +
                                 (why.empty() ? std::string() : " (" + why + ")"));
    }
    throw InputError(path, "not a readable table or vector layer" +
                               (why.empty() ? std::string() : " (" + why + ")"));
  }
  OGRLayer* layer = pick_layer(*ds, path, opt.layer, LayerShape::points);
  if (csv && wkbFlatten(layer->GetGeomType()) == wkbNone) {
    std::string cols;
    for (int i = 0; i < layer->GetLayerDefn()->GetFieldCount(); ++i)
      cols += std::string(i ? ", " : "") + layer->GetLayerDefn()->GetFieldDefn(i)->GetNameRef();
    throw InputError(path,
                     "has no longitude/latitude columns (looked for lon/lng/longitude/x and "
                     "lat/latitude/y; columns are: " +
                         cols + "). Is the delimiter a comma, semicolon or tab?");
  }
  // Coordinates -> WGS-84.
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> ct;
  OGRSpatialReference src;
  bool have_src = false;
  const std::optional<WebDatum> datum = parse_web_datum(opt.crs);
  const bool web_shift = datum && *datum != WebDatum::wgs84;
  if (datum) {
    have_src = true;  // lon/lat as given; shifted below when GCJ-02/BD-09
  } else if (!opt.crs.empty()) {
    if (src.SetFromUserInput(opt.crs.c_str()) != OGRERR_NONE)
      throw InputError(
          path, "unknown CRS '" + opt.crs + "' (use e.g. EPSG:4326, EPSG:32650, gcj02 or bd09)");
    have_src = true;
  } else if (!csv && layer->GetSpatialRef()) {
    src = *layer->GetSpatialRef();
    have_src = true;
  }
  if (have_src && !datum) {
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (!src.IsSame(&wgs84)) {
      ct.reset(OGRCreateCoordinateTransformation(&src, &wgs84));
      if (!ct)
        throw InputError(path, "its coordinate reference system cannot be transformed to WGS-84");
    }
  }
  const OGRFeatureDefn& def = *layer->GetLayerDefn();
  // Sites carry no weight unless asked (a "weight" column there is the planner's own).
  const int w_idx =
      opt.site_attributes && opt.weight_field.empty()
          ? -1
          : find_field(def, opt.weight_field,
                       {"weight", "workers", "count", "demand", "人数", "workers_count", "n"});
  if (!opt.weight_field.empty() && w_idx < 0)
    throw InputError(path, "has no column '" + opt.weight_field + "'");
  if (opt.weight_required && w_idx < 0)
    throw InputError(path,
                     "has no weight column (name it weight/workers/count or pass the column name)");
  // --columns: key=column pairs override the automatic choices.
  std::vector<std::pair<std::string, std::string>> column_map;
  std::string id_field = opt.id_field, name_field = opt.name_field;
  for (size_t start = 0; start < opt.columns.size();) {
    size_t end = opt.columns.find(',', start);
    if (end == std::string::npos) end = opt.columns.size();
    const std::string item = opt.columns.substr(start, end - start);
    start = end + 1;
    if (item.empty()) continue;
    const size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
      throw InputError("--columns", "'" + item + "' is not key=column (e.g. host_type=建设形式)");
    const std::string key = item.substr(0, eq), col = item.substr(eq + 1);
    if (def.GetFieldIndex(col.c_str()) < 0)
      throw InputError(path, "has no column '" + col + "' (--columns " + key + "=" + col + ")");
    if (key == "id")
      id_field = col;
    else if (key == "name")
      name_field = col;
    else
      column_map.emplace_back(key, col);
  }
  int id_idx =
      find_field(def, id_field, {"id", "station_id", "site_id", "fid", "编号", "站点编号"});
  if (id_idx >= 0 && id_field.empty()) {
    // A guessed id column that repeats most of its values (ArcGIS writes Id = 0 on every row) is
    // not an identifier: dropping all but one row as "duplicate id" would lose the data.
    std::set<std::string> distinct;
    uint64_t rows = 0;
    for (auto& f : *layer) ++rows, distinct.insert(f->GetFieldAsString(id_idx));
    layer->ResetReading();
    if (rows > 2 && distinct.size() * 2 < rows) {
      rep.notes.push_back(std::string("column '") + def.GetFieldDefn(id_idx)->GetNameRef() +
                          "' repeats its values (" + std::to_string(distinct.size()) +
                          " distinct in " + std::to_string(rows) +
                          " rows), so it is not used as an id; rows are numbered instead");
      id_idx = -1;
    }
  }
  const int name_idx = find_field(def, name_field, {"name", "名称", "station", "站点名称", "站名"});
  PointSet ps;
  ps.source = path;
  if (web_shift)
    ps.source_crs = std::string(web_datum_name(*datum)) + " (Chinese web map; converted to WGS-84)";
  else if (have_src && !datum) {
    const char* auth = src.GetAuthorityName(nullptr);
    const char* code = src.GetAuthorityCode(nullptr);
    ps.source_crs =
        auth && code ? std::string(auth) + ":" + code : (src.GetName() ? src.GetName() : opt.crs);
  }
  for (int i = 0; i < def.GetFieldCount(); ++i)
    ps.attr_names.push_back(def.GetFieldDefn(i)->GetNameRef());
  SiteColumns site_cols;
  if (opt.site_attributes) {
    site_cols = SiteColumns::find(ps.attr_names, opt.cost_field, opt.capacity_field);
    for (const auto& [key, col] : column_map)
      if (!site_cols.assign(key, def.GetFieldIndex(col.c_str())))
        throw InputError("--columns",
                         "unknown attribute '" + key + "' (known: " + SiteColumns::keys() + ")");
    if (!opt.cost_field.empty() && site_cols.cost < 0)
      throw InputError(path, "has no column '" + opt.cost_field + "' (cost)");
    if (!opt.capacity_field.empty() && site_cols.capacity < 0)
      throw InputError(path, "has no column '" + opt.capacity_field + "' (capacity)");
    if (site_cols.any())
      rep.notes.push_back("site attributes read from columns: " +
                          site_cols.describe(ps.attr_names));
  }
  std::vector<std::string> unrecognised;
  uint64_t unrecognised_rows = 0;
  bool recoded = false;
  std::vector<std::string> values(def.GetFieldCount());
  std::set<std::string> ids;
  uint64_t row = 0, swapped_inside = 0, outside = 0;
  std::vector<Vec2> ll_batch;
  for (auto& f : *layer) {
    const uint64_t index = row++;
    ++rep.read;
    for (int i = 0; i < def.GetFieldCount(); ++i)
      values[i] =
          f->IsFieldSetAndNotNull(i) ? to_utf8(f->GetFieldAsString(i), recoded) : std::string();
    const std::string fid = id_idx >= 0 ? values[id_idx] : std::to_string(index + 1);
    OGRGeometry* g = f->GetGeometryRef();
    if (!g || g->IsEmpty()) {
      rep.drop(index, fid, {NAN, NAN}, "missing or invalid coordinates");
      continue;
    }
    OGRPoint pt;
    const auto t = wkbFlatten(g->getGeometryType());
    if (t == wkbPoint)
      pt = *g->toPoint();
    else if (t == wkbPolygon || t == wkbMultiPolygon) {
      // Areas (a mall mapped as a building) stand for the point inside them.
      Vec2 inside;
      if (!point_on_surface(*g, inside)) {
        rep.drop(index, fid, {NAN, NAN}, "invalid geometry");
        continue;
      }
      pt.setX(inside.x), pt.setY(inside.y);
    } else if (t == wkbMultiPoint && g->toMultiPoint()->getNumGeometries() > 0) {
      pt = *g->toMultiPoint()->getGeometryRef(0);
    } else {
      rep.drop(index, fid, {NAN, NAN}, "not a point");
      continue;
    }
    Vec2 ll{pt.getX(), pt.getY()};
    if (!std::isfinite(ll.x) || !std::isfinite(ll.y)) {
      rep.drop(index, fid, ll, "NaN or infinite coordinates");
      continue;
    }
    if (ct) {
      double x = ll.x, y = ll.y;
      if (!ct->Transform(1, &x, &y)) {
        rep.drop(index, fid, ll, "coordinates cannot be transformed");
        continue;
      }
      ll = {x, y};
    }
    if (web_shift && plausible_lonlat(ll)) ll = to_wgs84(ll, *datum);
    if (!plausible_lonlat(ll)) {
      // Latitude > 90 with a plausible swap (all of China: lon > 90) still earns the hint below.
      ++outside;
      if (plausible_lonlat({ll.y, ll.x}) &&
          map_bounds.contains(proj.to_metric({ll.y, ll.x}), opt.outside_margin_m))
        ++swapped_inside;
      rep.drop(index, fid, ll, "coordinates are not longitude/latitude");
      continue;
    }
    const Vec2 xy = proj.to_metric(ll);
    if (!map_bounds.contains(xy, opt.outside_margin_m)) {
      ++outside;
      if (plausible_lonlat({ll.y, ll.x}) &&
          map_bounds.contains(proj.to_metric({ll.y, ll.x}), opt.outside_margin_m))
        ++swapped_inside;
      rep.drop(index, fid, ll, "outside the map");
      continue;
    }
    double w = 1;
    if (w_idx >= 0) {
      const char* s = f->GetFieldAsString(w_idx);
      char* end = nullptr;
      w = std::strtod(s, &end);
      if (!f->IsFieldSetAndNotNull(w_idx) || end == s) {
        rep.drop(index, fid, ll, "missing or non-numeric weight");
        continue;
      }
      if (!std::isfinite(w) || w < 0) {
        rep.drop(index, fid, ll, "negative or invalid weight");
        continue;
      }
    }
    SiteInfo info;
    if (opt.site_attributes) {
      const size_t before = unrecognised.size();
      const std::string why = read_site_info(site_cols, values, info, unrecognised);
      if (!why.empty()) {
        unrecognised.resize(before);
        rep.drop(index, fid, ll, why);
        continue;
      }
      unrecognised_rows += unrecognised.size() > before;
    }
    if (id_idx >= 0 && !ids.insert(fid).second) {
      rep.drop(index, fid, ll, "duplicate id");
      continue;
    }
    ps.add(ll, xy, w, fid, name_idx >= 0 ? values[name_idx] : "");
    if (!ps.attr_names.empty()) ps.attr_values.back() = values;
    if (opt.site_attributes) ps.info.push_back(std::move(info));
  }
  rep.kept = ps.size();
  if (rep.read == 0) throw InputError(path, "contains no " + what + " (the layer is empty)");
  if (ps.size() == 0 && swapped_inside > 0 && swapped_inside * 2 >= outside)
    throw InputError(path,
                     "no " + what +
                         " fall on the map, but they would with longitude and latitude swapped: "
                         "check that the longitude column holds longitude (e.g. 118.8) and "
                         "latitude holds latitude (e.g. 32.0)");
  if (ps.size() == 0)
    throw InputError(path, "none of the " + std::to_string(rep.read) + " " + what +
                               " could be used (" + rep.dropped.front().reason +
                               (rep.dropped.size() > 1 ? ", ..." : "") + ")");
  if (w_idx < 0 && !opt.site_attributes)
    rep.notes.push_back("no weight column: every point counts 1");
  if (!have_src) rep.notes.push_back("coordinates read as WGS-84 longitude/latitude");
  if (web_shift)
    rep.notes.push_back(std::string("coordinates read as ") + web_datum_name(*datum) +
                        " (Chinese web map) and converted to WGS-84");
  if (recoded)
    rep.notes.push_back("text that was not UTF-8 was decoded as GB18030/GBK (Excel's Chinese CSV)");
  if (!unrecognised.empty())
    rep.notes.push_back(
        std::to_string(unrecognised_rows) +
        " rows with values not understood, kept as unknown (first: " + unrecognised.front() + ")");
  return ps;
}

}  // namespace yz
