#include "engine/inputs/point_reader.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "engine/geo/china_coords.hpp"
#include "engine/inputs/column_names.hpp"
#include "engine/inputs/csv_records.hpp"
#include "engine/inputs/drop_messages.hpp"
#include "engine/inputs/number_text.hpp"
#include "engine/inputs/source_crs.hpp"
#include "engine/inputs/weight_limits.hpp"
#include "engine/map/gdal_session.hpp"
#include "engine/map/vector_layer.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/ascii_case.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"
#include "engine/util/param_range.hpp"

namespace yz {

namespace {

bool is_csv(const std::string& path) {
  const std::string p = ascii_lower(path);
  return p.size() > 4 && (p.ends_with(".csv") || p.ends_with(".txt") || p.ends_with(".tsv"));
}

// The GDAL driver of a spreadsheet file, nullptr for anything else.
const char* spreadsheet_driver(const std::string& path) {
  const std::string p = ascii_lower(path);
  if (p.ends_with(".xlsx")) return "XLSX";
  if (p.ends_with(".ods")) return "ODS";
  if (p.ends_with(".xls")) return "XLS";
  return nullptr;
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A copy of a CSV in GDAL's memory file system, holding only the records GDAL can read (so one bad
// record does not take the rows after it); removed when this goes out of scope.
class MemCsv {
 public:
  MemCsv(const std::string& path, std::string bytes) : bytes_(std::move(bytes)) {
    static std::atomic<int> counter{0};  // the app may load two files at once
    path_ = "/vsimem/yizhan_csv_" + std::to_string(++counter) + "/" +
            std::filesystem::path(path).filename().string();
    VSIFCloseL(VSIFileFromMemBuffer(path_.c_str(), reinterpret_cast<GByte*>(bytes_.data()),
                                    static_cast<vsi_l_offset>(bytes_.size()), FALSE));
  }
  ~MemCsv() { VSIUnlink(path_.c_str()); }
  MemCsv(const MemCsv&) = delete;
  MemCsv& operator=(const MemCsv&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string bytes_, path_;
};

int find_field(const std::vector<ColumnName>& cols, const std::string& wanted,
               std::initializer_list<const char*> auto_names) {
  if (!wanted.empty()) return column_index(cols, wanted);
  return find_column(cols, auto_names);
}

// A spreadsheet's coordinate columns (the CSV names below; matching ignores ASCII case).
int sheet_x(const std::vector<ColumnName>& cols, const std::string& wanted) {
  return find_field(cols, wanted, {"lon", "lng", "long", "longitude", "x", "经度"});
}
int sheet_y(const std::vector<ColumnName>& cols, const std::string& wanted) {
  return find_field(cols, wanted, {"lat", "latitude", "y", "纬度"});
}

const char* kXNames = "lon,lng,long,longitude,x,经度,LON,LNG,Longitude,X";
const char* kYNames = "lat,latitude,y,纬度,LAT,Latitude,Y";

// GDAL matches the coordinate columns on the header's raw bytes: add each Chinese name's GB18030
// spelling, so an Excel CSV saved as GBK (经度/纬度 headers) is understood too.
std::string with_gb18030(const std::string& names) {
  std::string out = names;
  size_t start = 0;
  while (start <= names.size()) {
    size_t end = names.find(',', start);
    if (end == std::string::npos) end = names.size();
    const std::string gb = to_gb18030(names.substr(start, end - start));
    if (!gb.empty()) out += "," + gb;
    start = end + 1;
  }
  return out;
}

// GDAL 3.6's CSV reader crashes (a null read) iterating a file where two header columns match
// the longitude (or latitude) names: a repeated column ("lon,LON,lat") or two spellings
// ("id,lon,x,lat", "lon,...,经度"; found by tests/fuzz/fuzz_point_reader). Two candidate columns
// are also ambiguous (a list with WGS-84 and Amap pairs), so the file is refused, by name, first.
std::set<std::string> name_set(const std::string& names) {
  std::set<std::string> out;
  for (size_t start = 0; start <= names.size();) {
    size_t end = names.find(',', start);
    if (end == std::string::npos) end = names.size();
    out.insert(ascii_lower(names.substr(start, end - start)));
    start = end + 1;
  }
  return out;
}

CodedError ambiguous_columns(const std::string& path, const char* what,
                             const std::vector<std::string>& found) {
  std::string list;
  for (size_t k = 0; k < found.size(); ++k)
    list += (k == 0 ? "" : k + 1 == found.size() ? " and " : ", ") + found[k];
  return CodedError(
      path,
      std::string(what) == "latitude" ? Msg::columns_ambiguous_lat : Msg::columns_ambiguous_lon,
      {{"columns", list}});
}

void refuse_ambiguous_coordinate_columns(const std::string& path, const std::string& x_names,
                                         const std::string& y_names, TextEncoding enc) {
  const char* csv_driver[] = {"CSV", nullptr};
  // The header as the main reading takes it (GDAL's own guess treats some headers as data).
  const char* oo[] = {"AUTODETECT_TYPE=NO", "HEADERS=YES", nullptr};
  GDALDatasetUniquePtr ds(
      GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, csv_driver, oo, nullptr));
  if (!ds || ds->GetLayerCount() < 1) return;  // the main open reports it
  const OGRFeatureDefn& d = *ds->GetLayer(0)->GetLayerDefn();
  for (const auto& [names, what] : {std::pair{name_set(x_names), "longitude"},
                                    std::pair{name_set(y_names), "latitude"}}) {
    std::vector<std::string> found;
    for (int i = 0; i < d.GetFieldCount(); ++i)
      if (names.count(ascii_lower(d.GetFieldDefn(i)->GetNameRef())))
        found.push_back("'" + to_utf8(d.GetFieldDefn(i)->GetNameRef(), enc) + "' (column " +
                        std::to_string(i + 1) + ")");
    if (found.size() > 1) throw ambiguous_columns(path, what, found);
  }
}

// The same rule for a spreadsheet's columns (no crash there, but the same ambiguity).
void refuse_ambiguous_sheet_columns(const std::string& path, const std::vector<ColumnName>& cols,
                                    const PointReadOptions& opt) {
  for (const auto& [names, what] :
       {std::pair{name_set(opt.x_field.empty() ? kXNames : opt.x_field), "longitude"},
        std::pair{name_set(opt.y_field.empty() ? kYNames : opt.y_field), "latitude"}}) {
    std::vector<std::string> found;
    for (size_t i = 0; i < cols.size(); ++i)
      if (names.count(ascii_lower(cols[i].utf8)))
        found.push_back("'" + cols[i].utf8 + "' (column " + std::to_string(i + 1) + ")");
    if (found.size() > 1) throw ambiguous_columns(path, what, found);
  }
}

// Why a CSV row has no point: GDAL leaves the geometry empty for blank, NaN and non-numeric
// coordinates alike, so the raw x/y text is read again (a second reader, opened only when such
// rows occur, reading every column as text) and classified.
class RawCoordinates {
 public:
  RawCoordinates(const std::string& path, const std::vector<std::string>& open_opts,
                 const OGRFeatureDefn& main)
      : path_(path), opts_(open_opts) {
    for (int i = 0; i < main.GetFieldCount(); ++i) main_names_.insert(main.GetFieldDefn(i)->GetNameRef());
  }

  std::string reason(GIntBig fid) {
    if (!opened_) open();
    if (!layer_ || x_ < 0 || y_ < 0) return "missing or invalid coordinates";
    while (!cur_ || cur_->GetFID() < fid) {
      cur_.reset(layer_->GetNextFeature());
      if (!cur_) return "missing or invalid coordinates";
    }
    if (cur_->GetFID() != fid) return "missing or invalid coordinates";
    const std::string x = cur_->GetFieldAsString(x_), y = cur_->GetFieldAsString(y_);
    return classify(x, y);
  }

  static std::string classify(const std::string& x, const std::string& y) {
    auto kind = [](std::string v) {
      while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.pop_back();
      while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.erase(0, 1);
      if (v.empty()) return 'm';
      if (parse_decimal(v)) return 'n';
      v = ascii_lower(v);
      if (v.front() == '+' || v.front() == '-') v.erase(0, 1);
      if (v.rfind("nan", 0) == 0) return 'N';
      if (v == "inf" || v == "infinity") return 'i';
      return 't';
    };
    const char kx = kind(x), ky = kind(y);
    if (kx == 'N' || ky == 'N') return "NaN coordinates";
    if (kx == 'i' || ky == 'i') return "infinite coordinates";
    if (kx == 't' || ky == 't') return "non-numeric coordinates";
    if (kx == 'm' || ky == 'm') return "missing coordinates";
    return "missing or invalid coordinates";
  }

 private:
  void open() {
    opened_ = true;
    // Without the coordinate options every column is plain text (GDAL would type the x/y
    // columns as numbers and blank out "nan" or "east gate").
    std::vector<const char*> oo;
    for (const auto& o : opts_)
      if (o.rfind("X_POSSIBLE_NAMES=", 0) != 0 && o.rfind("Y_POSSIBLE_NAMES=", 0) != 0 &&
          o.rfind("KEEP_GEOM_COLUMNS=", 0) != 0)
        oo.push_back(o.c_str());
    oo.push_back(nullptr);
    const char* csv_driver[] = {"CSV", nullptr};
    ds_.reset(GDALDataset::Open(path_.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, csv_driver,
                                oo.data(), nullptr));
    if (!ds_ || ds_->GetLayerCount() < 1) return;
    layer_ = ds_->GetLayer(0);
    // The coordinate columns are those this reader has and the main one hid (x first).
    const OGRFeatureDefn& d = *layer_->GetLayerDefn();
    std::vector<int> extra;
    for (int i = 0; i < d.GetFieldCount(); ++i)
      if (!main_names_.count(d.GetFieldDefn(i)->GetNameRef())) extra.push_back(i);
    if (extra.size() != 2) return;
    const std::string x_names =
        "," + ascii_lower(opts_.front().substr(opts_.front().find('=') + 1)) + ",";
    const bool first_is_x = x_names.find("," + ascii_lower(d.GetFieldDefn(extra[0])->GetNameRef()) +
                                         ",") != std::string::npos;
    x_ = first_is_x ? extra[0] : extra[1];
    y_ = first_is_x ? extra[1] : extra[0];
  }

  std::string path_;
  std::vector<std::string> opts_;
  std::set<std::string> main_names_;
  bool opened_ = false;
  GDALDatasetUniquePtr ds_;
  OGRLayer* layer_ = nullptr;
  OGRFeatureUniquePtr cur_;
  int x_ = -1, y_ = -1;
};

}  // namespace

PointSet read_points(const std::string& path, const LocalProjection& proj, const Box& map_bounds,
                     const PointReadOptions& opt, DropReport& rep, const std::string& what) {
  namespace fs = std::filesystem;
  rep = DropReport{};
  rep.source = path;
  rep.what = what;
  std::error_code ec;
  if (!fs::exists(path, ec)) throw CodedError(path, Msg::file_not_found);
  if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0)
    throw CodedError(path, Msg::file_empty);
  GdalErrorCapture cap;
  const bool csv = is_csv(path);
  const char* sheet_driver = csv ? nullptr : spreadsheet_driver(path);
  if (sheet_driver && !GetGDALDriverManager()->GetDriverByName(sheet_driver))
    throw CodedError(path, Msg::no_sheet_reader, {{"driver", sheet_driver}});
  // CSV: one encoding for the whole file, and its records counted by our own scanner; records
  // GDAL cannot read are set aside (dropped with their row) and GDAL reads a copy without them.
  FileEncoding file_enc;
  std::vector<CsvRecord> records;
  std::vector<uint64_t> csv_rows;  // the data row (0-based) of each record GDAL is given, in order
  struct BadRecord {
    uint64_t row;
    std::string reason, detail;
    Message detail_msg;
  };
  std::vector<BadRecord> bad_records;
  std::unique_ptr<MemCsv> mem_csv;
  if (csv) {
    const std::string bytes = read_all(path);
    file_enc = decide_encoding(bytes, path);
    records = scan_csv_records(bytes);
    std::string detail;
    if (!records.empty()) {
      const std::string why = csv_record_problem(records[0], detail);
      if (!why.empty())
        throw CodedError(
            path, Msg::csv_header_row,
            {MsgArg("why", reason_message(why)), MsgArg("detail", csv_record_detail(records[0]))});
    }
    for (size_t k = 1; k < records.size(); ++k) {
      const std::string why = csv_record_problem(records[k], detail);
      if (why.empty())
        csv_rows.push_back(k - 1);
      else
        bad_records.push_back({k - 1, why, detail, csv_record_detail(records[k])});
    }
    if (!bad_records.empty()) {
      std::string copy;
      size_t next_bad = 0;
      for (size_t k = 0; k < records.size(); ++k) {
        if (next_bad < bad_records.size() && bad_records[next_bad].row + 1 == k) {
          ++next_bad;
          continue;
        }
        copy.append(bytes, records[k].begin, records[k].end - records[k].begin);
        if (copy.back() != '\n') copy += '\n';
      }
      mem_csv = std::make_unique<MemCsv>(path, std::move(copy));
    }
  }
  const std::string open_path = mem_csv ? mem_csv->path() : path;
  std::vector<std::string> open_opts;
  // A sheet's first row names its columns even when every cell is text (GDAL 3.6's spreadsheet
  // drivers take this from configuration options only; their HEADERS open option is ignored).
  const std::string headers_key =
      std::string("OGR_") + (sheet_driver ? sheet_driver : "XLSX") + "_HEADERS";
  CPLConfigOptionSetter sheet_headers(headers_key.c_str(), "FORCE", true);
  if (csv) {
    open_opts.push_back("HEADERS=YES");
    open_opts.push_back("X_POSSIBLE_NAMES=" +
                        with_gb18030(opt.x_field.empty() ? kXNames : opt.x_field));
    open_opts.push_back("Y_POSSIBLE_NAMES=" +
                        with_gb18030(opt.y_field.empty() ? kYNames : opt.y_field));
    open_opts.push_back("KEEP_GEOM_COLUMNS=NO");
    open_opts.push_back("AUTODETECT_TYPE=NO");
  }
  if (csv)
    refuse_ambiguous_coordinate_columns(
        open_path, with_gb18030(opt.x_field.empty() ? kXNames : opt.x_field),
        with_gb18030(opt.y_field.empty() ? kYNames : opt.y_field), file_enc.encoding);
  std::vector<const char*> oo;
  for (auto& s : open_opts) oo.push_back(s.c_str());
  oo.push_back(nullptr);
  const char* csv_driver[] = {"CSV", nullptr};
  const char* sheet_drivers[] = {sheet_driver, nullptr};
  GDALDatasetUniquePtr ds(GDALDataset::Open(open_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                            csv            ? csv_driver
                                            : sheet_driver ? sheet_drivers
                                                           : nullptr,
                                            oo.data(), nullptr));
  if (!ds) {
    const std::string why = cap.first_error();
    if (csv) {
      // GDAL reads comma, semicolon and tab; anything else (|, :) leaves one unreadable column.
      std::ifstream in(path);
      std::string first;
      std::getline(in, first);
      if (first.size() > 120) first = first.substr(0, 120) + "...";
      first = to_utf8(first, file_enc.encoding);
      if (why.empty()) throw CodedError(path, Msg::csv_unreadable, {{"line", first}});
      throw CodedError(path, Msg::csv_unreadable_why, {{"line", first}, {"why", why}});
    }
    if (why.empty())
      throw CodedError(path, sheet_driver ? Msg::sheet_unreadable : Msg::table_unreadable);
    throw CodedError(path, sheet_driver ? Msg::sheet_unreadable_why : Msg::table_unreadable_why,
                     {{"why", why}});
  }
  OGRLayer* layer = nullptr;
  if (sheet_driver && opt.layer.empty()) {
    // A workbook often starts with a notes or summary sheet: take the first with lon/lat columns.
    for (OGRLayer* l : ds->GetLayers()) {
      std::vector<ColumnName> names;
      const OGRFeatureDefn& d = *l->GetLayerDefn();
      for (int i = 0; i < d.GetFieldCount(); ++i)
        names.push_back(column_name(d.GetFieldDefn(i)->GetNameRef(), false, TextEncoding::utf8));
      if (sheet_x(names, opt.x_field) >= 0 && sheet_y(names, opt.y_field) >= 0) {
        layer = l;
        break;
      }
    }
  }
  if (!layer) layer = pick_layer(*ds, path, opt.layer, LayerShape::points);
  const OGRFeatureDefn& def = *layer->GetLayerDefn();
  // Column names as valid UTF-8 before anything matches them (GBK headers, DBF-truncated names),
  // in the one encoding decided for the whole file.
  const TextEncoding enc = csv ? file_enc.encoding : decide_layer_encoding(*layer);
  const bool dbf = EQUAL(ds->GetDriverName(), "ESRI Shapefile");
  std::vector<ColumnName> cols;
  for (int i = 0; i < def.GetFieldCount(); ++i)
    cols.push_back(column_name(def.GetFieldDefn(i)->GetNameRef(), dbf, enc));
  auto no_xy = [&](Msg code) {
    std::string names;
    for (size_t i = 0; i < cols.size(); ++i) names += std::string(i ? ", " : "") + cols[i].utf8;
    return CodedError(path, code, {{"columns", names}});
  };
  if (csv && wkbFlatten(layer->GetGeomType()) == wkbNone) throw no_xy(Msg::no_lonlat_columns_csv);
  // A spreadsheet has no geometry: coordinates come from its lon/lat columns, numbers or text.
  int x_idx = -1, y_idx = -1;
  if (sheet_driver) {
    x_idx = sheet_x(cols, opt.x_field);
    y_idx = sheet_y(cols, opt.y_field);
    if (x_idx < 0 || y_idx < 0) throw no_xy(Msg::no_lonlat_columns_sheet);
    refuse_ambiguous_sheet_columns(path, cols, opt);
  }
  // Coordinates -> WGS-84 (a CSV records no CRS; GCJ-02/BD-09 are shifted back).
  const SourceCrs crs(path, opt.crs, csv ? nullptr : layer->GetSpatialRef(), opt.crs_option);
  const bool web_shift = crs.web_shift().has_value();
  // Sites carry no weight unless asked (a "weight" column there is the planner's own).
  const int w_idx =
      opt.site_attributes && opt.weight_field.empty()
          ? -1
          : find_field(cols, opt.weight_field,
                       {"weight", "workers", "count", "demand", "人数", "workers_count", "n"});
  if (!opt.weight_field.empty() && w_idx < 0)
    throw CodedError(path, Msg::no_column, {{"column", opt.weight_field}});
  if (opt.weight_required && w_idx < 0) throw CodedError(path, Msg::no_weight_column);
  // --columns: key=column pairs override the automatic choices.
  std::vector<std::pair<std::string, int>> column_map;
  std::string id_field = opt.id_field, name_field = opt.name_field;
  for (size_t start = 0; start < opt.columns.size();) {
    size_t end = opt.columns.find(',', start);
    if (end == std::string::npos) end = opt.columns.size();
    const std::string item = opt.columns.substr(start, end - start);
    start = end + 1;
    if (item.empty()) continue;
    const size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
      throw CodedParamError("columns", Msg::columns_not_key_value, {{"value", item}});
    const std::string key = item.substr(0, eq), col = item.substr(eq + 1);
    const int idx = column_index(cols, col);
    if (idx < 0)
      throw CodedError(path, Msg::no_column_mapped,
                       {{"column", col}, param_arg("param", "columns"), {"key", key}});
    if (key == "id")
      id_field = col;
    else if (key == "name")
      name_field = col;
    else
      column_map.emplace_back(key, idx);
  }
  int id_idx =
      find_field(cols, id_field, {"id", "station_id", "site_id", "fid", "编号", "站点编号"});
  if (id_idx >= 0 && id_field.empty()) {
    // A guessed id column that repeats most of its values (ArcGIS writes Id = 0 on every row) is
    // not an identifier: dropping all but one row as "duplicate id" would lose the data.
    std::set<std::string> distinct;
    uint64_t rows = 0;
    for (auto& f : *layer) ++rows, distinct.insert(f->GetFieldAsString(id_idx));
    layer->ResetReading();
    if (rows > 2 && distinct.size() * 2 < rows) {
      rep.notes.push_back("column '" + cols[id_idx].utf8 + "' repeats its values (" +
                          std::to_string(distinct.size()) + " distinct in " +
                          std::to_string(rows) +
                          " rows), so it is not used as an id; rows are numbered instead");
      id_idx = -1;
    }
  }
  const int name_idx = find_field(cols, name_field, {"name", "名称", "station", "站点名称", "站名"});
  PointSet ps;
  ps.source = path;
  ps.source_crs = crs.name();
  for (const auto& c : cols) ps.attr_names.push_back(c.utf8);
  SiteColumns site_cols;
  if (opt.site_attributes) {
    std::vector<bool> truncated;
    for (const auto& c : cols) truncated.push_back(c.truncated);
    site_cols = SiteColumns::find(ps.attr_names, opt.cost_field, opt.capacity_field, truncated);
    for (const auto& [key, idx] : column_map)
      if (!site_cols.assign(key, idx))
        throw CodedParamError("columns", Msg::unknown_attribute,
                              {{"value", key}, {"known", SiteColumns::keys()}});
    if (!opt.cost_field.empty() && site_cols.cost < 0)
      throw CodedError(path, Msg::no_column_cost, {{"column", opt.cost_field}});
    if (!opt.capacity_field.empty() && site_cols.capacity < 0)
      throw CodedError(path, Msg::no_column_capacity, {{"column", opt.capacity_field}});
    if (site_cols.any())
      rep.notes.push_back("site attributes read from columns: " +
                          site_cols.describe(ps.attr_names));
  }
  for (int i = 0; i < def.GetFieldCount(); ++i)
    if (cols[i].truncated && cols[i].utf8 != def.GetFieldDefn(i)->GetNameRef())
      rep.notes.push_back("column name '" + cols[i].utf8 +
                          "' was cut inside a character (Shapefile names hold 10 bytes): the "
                          "partial character was removed");
  std::unique_ptr<RawCoordinates> raw;
  if (csv) raw = std::make_unique<RawCoordinates>(open_path, open_opts, def);
  std::vector<std::string> unrecognised;
  uint64_t unrecognised_rows = 0;
  std::vector<std::string> values(def.GetFieldCount());
  std::set<std::string> ids;
  uint64_t row = 0, swapped_inside = 0, outside = 0;
  double weight_sum = 0;
  // A point off the map that would land on it with longitude and latitude exchanged.
  auto swapped_fits = [&](Vec2 ll) {
    return plausible_lonlat({ll.y, ll.x}) &&
           map_bounds.contains(proj.to_metric({ll.y, ll.x}), opt.outside_margin_m);
  };
  for (auto& f : *layer) {
    // A CSV record's row is the scanner's (records set aside above keep their numbers).
    const uint64_t index = csv && row < csv_rows.size() ? csv_rows[row] : row;
    ++row;
    for (int i = 0; i < def.GetFieldCount(); ++i)
      values[i] = f->IsFieldSetAndNotNull(i) ? to_utf8(f->GetFieldAsString(i), enc) : std::string();
    // A blank spreadsheet row (formatting left below the data) holds no record.
    if (sheet_driver &&
        std::all_of(values.begin(), values.end(), [](const std::string& v) { return v.empty(); }))
      continue;
    ++rep.read;
    const std::string fid = id_idx >= 0 ? values[id_idx] : std::to_string(index + 1);
    OGRGeometry* g = f->GetGeometryRef();
    OGRPoint cell_point;
    if (sheet_driver) {
      const auto x = parse_decimal(values[x_idx]), y = parse_decimal(values[y_idx]);
      if (!x || !y) {
        rep.drop(index, fid, {NAN, NAN}, RawCoordinates::classify(values[x_idx], values[y_idx]));
        continue;
      }
      cell_point.setX(*x), cell_point.setY(*y);
      g = &cell_point;
    }
    if (!g || g->IsEmpty()) {
      rep.drop(index, fid, {NAN, NAN}, raw ? raw->reason(f->GetFID()) : "missing coordinates");
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
        rep.drop(index, fid, {NAN, NAN}, Msg::drop_invalid_geometry);
        continue;
      }
      pt.setX(inside.x), pt.setY(inside.y);
    } else if (t == wkbMultiPoint && g->toMultiPoint()->getNumGeometries() > 0) {
      pt = *g->toMultiPoint()->getGeometryRef(0);
    } else {
      rep.drop(index, fid, {NAN, NAN}, Msg::drop_not_point);
      continue;
    }
    Vec2 ll{pt.getX(), pt.getY()};
    if (!std::isfinite(ll.x) || !std::isfinite(ll.y)) {
      rep.drop(index, fid, {NAN, NAN},
               std::isnan(ll.x) || std::isnan(ll.y) ? Msg::drop_nan_coordinates
                                                    : Msg::drop_infinite_coordinates);
      continue;
    }
    const Vec2 given = ll;
    if (!crs.to_wgs84(ll)) {
      rep.drop(index, fid, {NAN, NAN}, Msg::drop_not_transformable);
      continue;
    }
    if (!plausible_lonlat(ll)) {
      // Latitude > 90 with a plausible swap (all of China: lon > 90) still earns the hint.
      ++outside;
      const bool swapped = swapped_fits(ll);
      swapped_inside += swapped;
      rep.drop(index, fid, {NAN, NAN}, swapped ? Msg::drop_swapped : Msg::drop_not_lonlat,
               "given " + std::to_string(given.x) + ", " + std::to_string(given.y));
      continue;
    }
    const Vec2 xy = proj.to_metric(ll);
    if (!map_bounds.contains(xy, opt.outside_margin_m)) {
      ++outside;
      const bool swapped = swapped_fits(ll);
      swapped_inside += swapped;
      rep.drop(index, fid, ll, swapped ? Msg::drop_swapped : Msg::drop_outside_map);
      continue;
    }
    double w = 1;
    if (w_idx >= 0) {
      const auto v = f->IsFieldSetAndNotNull(w_idx) ? parse_decimal(values[w_idx]) : std::nullopt;
      if (!v) {
        rep.drop(index, fid, ll, Msg::drop_weight_missing, values[w_idx]);
        continue;
      }
      if (*v < 0) {
        rep.drop(index, fid, ll, Msg::drop_weight_negative, values[w_idx]);
        continue;
      }
      // Absurd counts are a mistake in the file, not data to drop quietly: refuse the file.
      if (*v > kMaxPointWeight)
        throw CodedError(path, id_idx >= 0 ? Msg::weight_too_large_id : Msg::weight_too_large,
                         {{"row", index + 1},
                          {"id", fid},
                          {"value", values[w_idx]},
                          {"column", cols[w_idx].utf8},
                          {"max", static_cast<long long>(kMaxPointWeight)}});
      w = *v;
      weight_sum += w;
    }
    SiteInfo info;
    if (opt.site_attributes) {
      const size_t before = unrecognised.size();
      const std::string why = read_site_info(site_cols, values, info, unrecognised, opt.candidates);
      if (!why.empty()) {
        unrecognised.resize(before);
        rep.drop(index, fid, ll, why,
                 why.find("cost") != std::string::npos ? values[site_cols.cost]
                                                       : values[site_cols.capacity]);
        continue;
      }
      if (unrecognised.size() > before) {
        ++unrecognised_rows;
        // "row 7 (id S7): area '一间房'": which row, for the planner to fix.
        std::string what_row = "row " + std::to_string(index + 1) +
                               (id_idx >= 0 ? " (id " + fid + ")" : std::string()) + ": ";
        for (size_t u = before; u < unrecognised.size(); ++u)
          what_row += (u > before ? ", " : "") + unrecognised[u];
        unrecognised.resize(before);
        unrecognised.push_back(std::move(what_row));
      }
    }
    if (id_idx >= 0 && opt.unique_ids && !ids.insert(fid).second) {
      rep.drop(index, fid, ll, Msg::drop_duplicate_id);
      continue;
    }
    ps.add(ll, xy, w, fid, name_idx >= 0 ? values[name_idx] : "");
    ps.set_row(index);
    if (!ps.attr_names.empty()) ps.attr_values.back() = values;
    if (opt.site_attributes) ps.info.push_back(std::move(info));
  }
  if (csv) {
    // Every record GDAL was not given or did not return is named, never lost silently.
    for (size_t k = 0; k < bad_records.size(); ++k) {
      const BadRecord& b = bad_records[k];
      ++rep.read;
      rep.drop(b.row, std::to_string(b.row + 1), {NAN, NAN}, b.reason, b.detail);
      // Said where the planner sees it, not only in the dropped layer (rows count from 1).
      if (k < 5)
        rep.notes.push_back("row " + std::to_string(b.row + 1) + ": " + b.reason + " (" + b.detail +
                            ")");
      else if (k == 5)
        rep.notes.push_back(std::to_string(bad_records.size() - 5) +
                            " more unreadable rows (listed in the dropped layer)");
    }
    for (size_t k = row; k < csv_rows.size(); ++k) {
      ++rep.read;
      rep.drop(csv_rows[k], std::to_string(csv_rows[k] + 1), {NAN, NAN}, Msg::drop_not_read_by_gdal,
               "line " + std::to_string(records[csv_rows[k] + 1].line));
    }
    if (row > csv_rows.size())
      rep.notes.push_back("GDAL's CSV reader returned " + std::to_string(row) +
                          " rows where the file holds " + std::to_string(csv_rows.size()) +
                          " readable records: check the quoting");
    std::stable_sort(rep.dropped.begin(), rep.dropped.end(),
                     [](const DroppedItem& a, const DroppedItem& b) { return a.index < b.index; });
  }
  rep.kept = ps.size();
  if (weight_sum > kMaxTotalDemand)
    throw CodedError(path, Msg::weights_too_large,
                     {{"column", cols[w_idx].utf8}, {"value", std::to_string(weight_sum)}});
  if (rep.read == 0)
    throw CodedError(path, Msg::layer_empty_of, {MsgArg("what", kind_message(what))});
  if (ps.size() == 0 && swapped_inside > 0 && swapped_inside * 2 >= outside)
    throw CodedError(path, Msg::none_on_map_swapped, {MsgArg("what", kind_message(what))});
  if (ps.size() == 0) {
    // A record the CSV scanner set aside says where (the row and line a stray quote opened on).
    const DroppedItem& first = rep.dropped.front();
    const auto bad = std::find_if(bad_records.begin(), bad_records.end(),
                                  [&](const BadRecord& b) { return b.row == first.index; });
    const bool record_problem = bad != bad_records.end();
    Message why = record_problem
                      ? Message(Msg::row_reason_detail, {{"row", first.index + 1},
                                                         MsgArg("reason", first.why),
                                                         MsgArg("detail", bad->detail_msg)})
                      : first.why;
    throw CodedError(
        path, rep.dropped.size() > 1 ? Msg::none_usable_more : Msg::none_usable,
        {{"count", rep.read}, MsgArg("what", kind_message(what)), MsgArg("why", std::move(why))});
  }
  if (w_idx < 0 && !opt.site_attributes)
    rep.notes.push_back("no weight column: every point counts 1");
  if (!crs.recorded() || web_shift) rep.notes.push_back(crs.note());
  if (enc == TextEncoding::gb18030)
    rep.notes.push_back("text decoded as GB18030/GBK (Excel's Chinese CSV)" +
                        (file_enc.why.empty() || !csv ? std::string() : ": " + file_enc.why));
  if (!unrecognised.empty()) {
    // Every such row is listed (up to 20): the station is kept, those values are unknown.
    std::string rows;
    for (size_t u = 0; u < unrecognised.size() && u < 20; ++u)
      rows += (u ? "; " : "") + unrecognised[u];
    if (unrecognised.size() > 20)
      rows += "; and " + std::to_string(unrecognised.size() - 20) + " more rows";
    rep.notes.push_back(std::to_string(unrecognised_rows) + " " + what +
                        " kept, with values not understood left unknown (an unknown "
                        "capacity counts as unlimited): " +
                        rows);
  }
  return ps;
}

}  // namespace yz
