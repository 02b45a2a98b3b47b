#include "engine/export/province_summary.hpp"

#include <cairo-pdf.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>

#include "engine/export/map_render.hpp"
#include "engine/export/vector_writer.hpp"
#include "engine/map/gdal_session.hpp"
#include "engine/util/error.hpp"
#include "engine/util/output_file.hpp"

namespace yz {

namespace {

struct Column {
  const char* key;  // field name in the GIS/CSV/XLSX outputs
  const char* zh;   // heading in the PDF
  const char* en;
  FieldType type;
};

// One list of columns for every output, so the four files cannot disagree.
const Column kColumns[] = {
    {"city", "城市", "City", FieldType::text},
    {"status", "状态", "Status", FieldType::text},
    {"stations", "站点数", "Stations", FieldType::integer},
    {"workers", "劳动者", "Workers", FieldType::real},
    {"workers_kind", "劳动者数据", "Worker data", FieldType::text},
    {"walk_pct", "步行覆盖%", "Walk %", FieldType::real},
    {"radius_pct", "半径覆盖%", "Radius %", FieldType::real},
    {"both_pct", "双15%", "Both %", FieldType::real},
    {"either_pct", "任一%", "Either %", FieldType::real},
    {"walk_uncovered", "步行未覆盖", "Not reached on foot", FieldType::real},
    {"inside_radius_not_walk", "1公里内步行不达", "In 1 km, not on foot", FieldType::real},
    {"suggested", "建议新站", "Suggested", FieldType::integer},
    {"suggested_gain", "新增覆盖", "Added", FieldType::real},
    {"seconds", "用时秒", "Seconds", FieldType::real},
    {"peak_mb", "内存MB", "Peak MB", FieldType::real},
    {"folder", "文件夹", "Folder", FieldType::text},
    {"message", "说明", "Message", FieldType::text},
};

double round_to(double v, double step) {
  return std::round(v / step) * step;
}

std::string status_word(const std::string& s, ReportLang lang) {
  if (lang == ReportLang::en) return s;
  if (s == "ok") return "完成";
  if (s == "failed") return "失败";
  return "未运行";
}

// The row's values in kColumns order (numbers rounded as printed: 0.1 % and whole workers).
std::vector<FieldValue> values(const ProvinceCity& c, ReportLang lang) {
  const bool ok = c.status == "ok";
  auto num = [&](double v, double step) -> FieldValue {
    return ok ? FieldValue(round_to(v, step)) : FieldValue(std::string());
  };
  return {
      c.name,
      status_word(c.status, lang),
      ok ? FieldValue(static_cast<int64_t>(std::llround(c.stations))) : FieldValue(std::string()),
      num(c.workers, 1),
      ok ? FieldValue(std::string(
               c.proxy ? (lang == ReportLang::zh ? "估算（街道长度）" : "estimate (street length)")
                       : (lang == ReportLang::zh ? "人数" : "counts")))
         : FieldValue(std::string()),
      num(c.walk_pct, 0.1),
      num(c.radius_pct, 0.1),
      num(c.both_pct, 0.1),
      num(c.either_pct, 0.1),
      num(c.walk_uncovered, 1),
      num(c.inside_radius_not_walk, 1),
      ok && c.suggested >= 0 ? FieldValue(static_cast<int64_t>(c.suggested))
                             : FieldValue(std::string()),
      ok && c.suggested >= 0 ? FieldValue(round_to(c.suggested_gain, 1))
                             : FieldValue(std::string()),
      FieldValue(round_to(c.seconds, 0.1)),
      FieldValue(round_to(c.peak_mb, 1)),
      c.folder,
      c.message};
}

std::string text_of(const FieldValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  const double d = std::get<double>(v);
  char buf[64];
  if (std::fabs(d - std::round(d)) < 1e-9)
    std::snprintf(buf, sizeof buf, "%.0f", d);
  else
    std::snprintf(buf, sizeof buf, "%.1f", d);
  return buf;
}

std::vector<FieldDef> field_defs() {
  std::vector<FieldDef> f;
  for (const auto& c : kColumns)
    // Blank figures of a failed city are text-free: numbers stay numbers in GIS.
    f.push_back({c.key, c.type});
  return f;
}

// GIS and CSV keep numeric columns numeric: a failed city's figures are left unset.
std::vector<FieldValue> typed(std::vector<FieldValue> v) {
  for (size_t i = 0; i < v.size(); ++i)
    if (kColumns[i].type != FieldType::text && std::holds_alternative<std::string>(v[i]))
      v[i] = std::nan("");
  return v;
}

void write_gpkg(const std::string& path, const std::vector<ProvinceCity>& cities, ReportLang lang) {
  VectorWriter w(path);
  w.begin_layer("province_summary", GeomKind::polygon, field_defs());
  for (const auto& c : cities) {
    const auto v = typed(values(c, lang));
    MultiPolygon extent;  // none for a city that did not run
    if (c.lonlat_extent && !c.lonlat_extent->empty()) {
      const Box& b = *c.lonlat_extent;
      Polygon p;
      p.rings.push_back({b.min, {b.max.x, b.min.y}, b.max, {b.min.x, b.max.y}, b.min});
      extent.push_back(p);
    }
    w.add_polygon(extent, v);
  }
  w.close();
}

// RFC 4180 CSV without geometry columns (a table for spreadsheets).
void write_csv(const std::string& path, const std::vector<ProvinceCity>& cities, ReportLang lang,
               bool bom) {
  auto quoted = [](const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  for (size_t i = 0; i < std::size(kColumns); ++i)
    out += (i ? "," : "") + std::string(kColumns[i].key);
  out += "\r\n";
  for (const auto& c : cities) {
    const auto v = values(c, lang);
    for (size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + quoted(text_of(v[i]));
    out += "\r\n";
  }
  OutputFile f(path);
  FileSink sink(f.path(), path);
  sink.write(out);
  sink.close();
  f.commit();
}

void write_xlsx(const std::string& path, const std::vector<ProvinceCity>& cities, ReportLang lang) {
  GDALAllRegister();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("XLSX");
  if (!drv) throw InputError(path, "cannot be written: this GDAL has no XLSX writer");
  OutputFile out(path);
  GdalErrorCapture cap;
  {
    GDALDatasetUniquePtr ds(drv->Create(out.path().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw_write_error(path, 0, cap.first_error());
    OGRLayer* l = ds->CreateLayer("province_summary", nullptr, wkbNone, nullptr);
    if (!l) throw_write_error(path, 0, cap.first_error());
    for (const auto& c : kColumns) {
      OGRFieldDefn fd(lang == ReportLang::zh ? c.zh : c.key, c.type == FieldType::text ? OFTString
                                                             : c.type == FieldType::integer
                                                                 ? OFTInteger64
                                                                 : OFTReal);
      if (l->CreateField(&fd) != OGRERR_NONE) throw_write_error(path, 0, cap.first_error());
    }
    for (const auto& city : cities) {
      const auto v = values(city, lang);
      OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
      for (size_t i = 0; i < v.size(); ++i) {
        if (const auto* s = std::get_if<std::string>(&v[i])) {
          if (!s->empty()) f->SetField(static_cast<int>(i), s->c_str());
        } else if (const auto* n = std::get_if<int64_t>(&v[i])) {
          f->SetField(static_cast<int>(i), static_cast<GIntBig>(*n));
        } else {
          f->SetField(static_cast<int>(i), std::get<double>(v[i]));
        }
      }
      if (l->CreateFeature(f.get()) != OGRERR_NONE) throw_write_error(path, 0, cap.first_error());
    }
    ds->FlushCache();
  }  // the workbook is written when the dataset closes
  if (!cap.errors().empty()) throw_write_error(path, 0, cap.first_error());
  out.commit();
}

// One A4 landscape page: totals, then the table (a second page when the cities do not fit).
void write_pdf(const std::string& path, const std::vector<ProvinceCity>& cities, ReportLang lang) {
  const bool zh = lang == ReportLang::zh;
  const double W = 842, H = 595, margin = 36;
  OutputFile out(path);
  FileSink sink(out.path(), path);
  cairo_surface_t* surf = cairo_pdf_surface_create_for_stream(
      [](void* s, const unsigned char* data, unsigned int n) {
        return static_cast<FileSink*>(s)->write(data, n) ? CAIRO_STATUS_SUCCESS
                                                         : CAIRO_STATUS_WRITE_ERROR;
      },
      &sink, W, H);
  cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, "Yizhan");
  cairo_t* cr = cairo_create(surf);
  const ProvinceTotals t = province_totals(cities);
  // Columns shown in the PDF (the files carry all of them).
  const int shown[] = {0, 1, 2, 3, 5, 6, 7, 9, 10, 11, 12};
  const double widths[] = {0.16, 0.07, 0.07, 0.10, 0.08, 0.08, 0.08, 0.10, 0.11, 0.07, 0.08};
  const double tw = W - 2 * margin, row_h = 15;
  double y = 0;
  auto header = [&] {
    y = margin + 6;
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
    set_map_font(cr, 16, true);
    cairo_move_to(cr, margin, y + 12);
    cairo_show_text(cr, zh ? "全省驿站覆盖汇总" : "Province summary: station coverage by city");
    y += 30;
    set_map_font(cr, 9.5);
    char line[512];
    const double walk_pct = t.workers > 0 ? 100 * t.walk_covered / t.workers : 0;
    const double both_pct = t.workers > 0 ? 100 * t.both_covered / t.workers : 0;
    bool any_proxy = false;
    for (const auto& c : cities) any_proxy |= c.status == "ok" && c.proxy;
    if (zh)
      std::snprintf(line, sizeof line,
                    "%d 个城市完成，%d 个失败；站点 %.0f 个；%s %.0f（步行覆盖 %.1f%%，双15 "
                    "%.1f%%，步行未覆盖 %.0f）；建议新站 %d 个",
                    t.ok, t.failed, t.stations, any_proxy ? "劳动者（含估算）" : "劳动者",
                    t.workers, walk_pct, both_pct, t.walk_uncovered, t.suggested);
    else
      std::snprintf(line, sizeof line,
                    "%d cities done, %d failed; %.0f stations; %.0f %s (walk %.1f %%, both "
                    "tests %.1f %%, %.0f not reached on foot); %d new stations suggested",
                    t.ok, t.failed, t.stations, t.workers,
                    any_proxy ? "workers (partly estimated)" : "workers", walk_pct, both_pct,
                    t.walk_uncovered, t.suggested);
    cairo_move_to(cr, margin, y);
    cairo_show_text(cr, line);
    y += 14;
    cairo_move_to(cr, margin, y);
    cairo_show_text(
        cr, zh ? "劳动者为估算值（街道长度）的城市已在“劳动者”栏注明；各城市的详细结果见其文件夹。"
               : "Cities whose workers are a street-length estimate are marked (est.); "
                 "each city's details are in its folder.");
    y += 16;
    set_map_font(cr, 8.5, true);
    double x = margin;
    for (size_t k = 0; k < std::size(shown); ++k) {
      const Column& c = kColumns[shown[k]];
      cairo_move_to(cr, x + 2, y + 10);
      cairo_show_text(cr, fit_text(cr, zh ? c.zh : c.en, widths[k] * tw - 4).c_str());
      x += widths[k] * tw;
    }
    y += row_h;
    cairo_set_line_width(cr, 0.6);
    cairo_move_to(cr, margin, y);
    cairo_line_to(cr, W - margin, y);
    cairo_stroke(cr);
  };
  header();
  for (const auto& city : cities) {
    if (y + row_h > H - margin) {
      cairo_show_page(cr);
      header();
    }
    auto v = values(city, lang);
    if (city.status == "ok" && city.proxy) v[3] = text_of(v[3]) + (zh ? "（估）" : " (est.)");
    set_map_font(cr, 8.5);
    cairo_set_source_rgb(cr, city.status == "failed" ? 0.7 : 0.1, 0.1, 0.1);
    double x = margin;
    for (size_t k = 0; k < std::size(shown); ++k) {
      std::string s = text_of(v[shown[k]]);
      if (city.status == "failed" && shown[k] == 3) s = city.message;  // the reason, in the row
      const double w =
          shown[k] == 3 && city.status == "failed" ? tw - (x - margin) : widths[k] * tw;
      cairo_move_to(cr, x + 2, y + 10);
      cairo_show_text(cr, fit_text(cr, s, w - 4).c_str());
      if (city.status == "failed" && shown[k] == 3) break;
      x += w;
    }
    y += row_h;
  }
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surf);
  const cairo_status_t status = cairo_surface_status(surf);
  cairo_surface_destroy(surf);
  sink.close();
  if (status != CAIRO_STATUS_SUCCESS)
    throw InputError(path,
                     std::string("writing the PDF failed: ") + cairo_status_to_string(status));
  out.commit();
}

}  // namespace

std::optional<Box> gpkg_lonlat_extent(const std::string& path, const std::string& layer) {
  GDALAllRegister();
  GdalErrorCapture cap;
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                            nullptr, nullptr, nullptr));
  if (!ds) return std::nullopt;
  OGRLayer* l = ds->GetLayerByName(layer.c_str());
  OGREnvelope e;
  if (!l || l->GetExtent(&e, TRUE) != OGRERR_NONE) return std::nullopt;
  Box b;  // Yizhan's GIS outputs are WGS-84 longitude/latitude
  b.add({e.MinX, e.MinY});
  b.add({e.MaxX, e.MaxY});
  return b;
}

ProvinceTotals province_totals(const std::vector<ProvinceCity>& cities) {
  ProvinceTotals t;
  for (const auto& c : cities) {
    if (c.status != "ok") {
      t.failed += c.status == "failed";
      continue;
    }
    ++t.ok;
    t.stations += c.stations;
    t.workers += c.workers;
    t.walk_covered += c.workers * c.walk_pct / 100;
    t.both_covered += c.workers * c.both_pct / 100;
    t.walk_uncovered += c.walk_uncovered;
    if (c.suggested > 0) t.suggested += c.suggested;
  }
  return t;
}

std::vector<std::string> write_province_summary(const std::string& folder,
                                                const std::vector<ProvinceCity>& cities,
                                                ReportLang lang, bool csv_bom) {
  namespace fs = std::filesystem;
  const std::string base = (fs::path(folder) / "province_summary").string();
  write_gpkg(base + ".gpkg", cities, lang);
  write_csv(base + ".csv", cities, lang, csv_bom);
  write_xlsx(base + ".xlsx", cities, lang);
  write_pdf(base + ".pdf", cities, lang);
  return {base + ".gpkg", base + ".csv", base + ".xlsx", base + ".pdf"};
}

}  // namespace yz
