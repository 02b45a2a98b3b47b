#include "engine/export/plan_export.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <filesystem>

#include "engine/coverage/walk_area_split.hpp"
#include "engine/export/accessibility_raster.hpp"
#include "engine/export/coverage_gaps.hpp"
#include "engine/export/coverage_layers.hpp"
#include "engine/export/curve_chart.hpp"
#include "engine/export/district_layer.hpp"
#include "engine/export/export_folder.hpp"
#include "engine/export/field_check_sheet.hpp"
#include "engine/export/hour_layers.hpp"
#include "engine/export/layer_styles.hpp"
#include "engine/export/map_render.hpp"
#include "engine/export/pdf_report.hpp"
#include "engine/export/kml_styles.hpp"
#include "engine/export/rider_layers.hpp"
#include "engine/export/station_webmap_csv.hpp"
#include "engine/export/station_webmap_xlsx.hpp"
#include "engine/export/vector_writer.hpp"
#include "engine/inputs/site_attributes.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/ascii_case.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"
#include "engine/util/output_file.hpp"
#include "engine/util/param_range.hpp"

namespace yz {

namespace fs = std::filesystem;

namespace {
constexpr ExportFormat kAll[] = {ExportFormat::gpkg, ExportFormat::geojson, ExportFormat::kml,
                                 ExportFormat::shp,  ExportFormat::csv,     ExportFormat::tif,
                                 ExportFormat::png,  ExportFormat::pdf};

bool has(const ExportOptions& o, ExportFormat f) {
  return std::find(o.formats.begin(), o.formats.end(), f) != o.formats.end();
}

std::string fmt_num(double v) {
  return fmt::format("{:g}", v);
}

// Each point's site info: as read with the station schema, else recognised from its columns (the
// demo city, a layer read without the schema), so the map, report and station list always see the
// canonical host type.
std::vector<SiteInfo> site_infos(const PointSet& ps) {
  if (ps.info.size() == ps.size()) return ps.info;
  std::vector<SiteInfo> out(ps.size());
  const SiteColumns cols = SiteColumns::find(ps.attr_names);
  if (!cols.any()) return out;
  std::vector<std::string> unrecognised;
  for (size_t i = 0; i < ps.size() && i < ps.attr_values.size(); ++i)
    read_site_info(cols, ps.attr_values[i], out[i], unrecognised);  // for display: keep every row
  return out;
}
}  // namespace

std::string_view to_string(ExportFormat f) {
  switch (f) {
    case ExportFormat::gpkg:
      return "gpkg";
    case ExportFormat::geojson:
      return "geojson";
    case ExportFormat::kml:
      return "kml";
    case ExportFormat::shp:
      return "shp";
    case ExportFormat::csv:
      return "csv";
    case ExportFormat::tif:
      return "tif";
    case ExportFormat::png:
      return "png";
    case ExportFormat::pdf:
      return "pdf";
  }
  return "?";
}

std::vector<ExportFormat> parse_formats(std::string_view list) {
  std::vector<ExportFormat> out;
  size_t pos = 0;
  while (pos <= list.size()) {
    const size_t end = std::min(list.find(',', pos), list.size());
    std::string w(list.substr(pos, end - pos));
    w.erase(std::remove_if(w.begin(), w.end(), [](unsigned char c) { return std::isspace(c); }),
            w.end());
    w = ascii_lower(w);
    pos = end + 1;
    if (w.empty()) continue;
    if (w == "all") {
      out.assign(std::begin(kAll), std::end(kAll));
      continue;
    }
    if (w == "geotiff" || w == "tiff") w = "tif";
    if (w == "json") w = "geojson";
    bool found = false;
    for (ExportFormat f : kAll)
      if (to_string(f) == w) {
        if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
        found = true;
      }
    if (!found) throw CodedParamError("formats", Msg::unknown_format, {{"value", w}});
  }
  if (out.empty()) throw CodedParamError("formats", Msg::no_format);
  return out;
}

const std::string& site_host_type(const PointSet& sites, size_t i) {
  static const std::string unknown;
  return i < sites.info.size() ? sites.info[i].host_type : unknown;
}

CoverageStudy plan_study(const CityNetwork& city, const PointSet& stations,
                         const PointSet* candidates, const siting::SuggestRun* run, PointSet demand,
                         bool demand_is_proxy, const CoverageParams& params,
                         const Progress& progress) {
  PointSet sites;
  sites.source = stations.source;
  // Input columns called like ours keep their values under "<name>_input".
  auto renamed = [](const std::string& a) {
    return a == "plan" || a == "suggested_rank" ? a + "_input" : a;
  };
  for (const PointSet* ps : {&stations, candidates})
    if (ps)
      for (const auto& a : ps->attr_names)
        if (std::find(sites.attr_names.begin(), sites.attr_names.end(), renamed(a)) ==
            sites.attr_names.end())
          sites.attr_names.push_back(renamed(a));
  const size_t plan_col = sites.attr_names.size();
  sites.attr_names.push_back("plan");
  sites.attr_names.push_back("suggested_rank");
  auto copy_attrs = [&](const PointSet& from, size_t i) {
    auto& row = sites.attr_values.back();
    for (size_t a = 0; a < from.attr_names.size(); ++a) {
      const size_t k =
          std::find(sites.attr_names.begin(), sites.attr_names.end(), renamed(from.attr_names[a])) -
          sites.attr_names.begin();
      if (i < from.attr_values.size() && a < from.attr_values[i].size())
        row[k] = from.attr_values[i][a];
    }
  };
  const std::vector<SiteInfo> station_info = site_infos(stations);
  const std::vector<SiteInfo> candidate_info =
      candidates ? site_infos(*candidates) : std::vector<SiteInfo>{};
  for (size_t i = 0; i < stations.size(); ++i) {
    sites.add(stations.lonlat[i], stations.xy[i], stations.weight[i], stations.id[i],
              stations.name[i]);
    sites.info.push_back(station_info[i]);
    copy_attrs(stations, i);
    sites.attr_values.back()[plan_col] = "existing";
    sites.attr_values.back()[plan_col + 1] = "";
  }
  if (run)
    for (const auto& s : run->result.sites) {
      const uint32_t i = s.site;
      sites.add(run->sites.lonlat[i], run->sites.xy[i], 1, run->sites.id[i], run->sites.name[i]);
      const bool from_candidates =
          candidates && i >= run->fixed && i - run->fixed < candidates->size();
      sites.info.push_back(i < run->sites.info.size() ? run->sites.info[i]
                           : from_candidates          ? candidate_info[i - run->fixed]
                                                      : SiteInfo{});
      if (from_candidates) copy_attrs(*candidates, i - run->fixed);
      sites.attr_values.back()[plan_col] = "suggested";
      sites.attr_values.back()[plan_col + 1] = std::to_string(s.rank);
    }
  return run_coverage(city, std::move(sites), std::move(demand), demand_is_proxy, params, progress);
}

PlanLayers plan_layers(const PlanExport& plan, const ExportOptions& opt, const Progress& progress,
                       const std::vector<MultiPolygon>* walk_areas) {
  const CoverageStudy& st = *plan.study;
  const auto& proj = st.city->projection();
  CoverageExportOptions co;
  co.area = opt.area;
  co.areas = walk_areas;
  CoverageLayers cl = coverage_layers(st, plan.drops, co, progress);
  if (plan.hours) add_hour_columns(cl.layers, *plan.hours, st.covers, st.demand.size());
  if (plan.rider) {
    add_rider_columns(cl.layers, *plan.rider);
    for (auto& row : rider_settings(*plan.rider)) cl.settings.push_back(row);
  }
  PlanLayers out;
  out.settings = std::move(cl.settings);
  out.settings.insert(out.settings.end(), plan.settings.begin(), plan.settings.end());
  for (auto& l : cl.layers) {
    if (l.name == "sites") l.name = "stations";
    if (l.name == "dropped") continue;  // appended last
    out.layers.push_back(std::move(l));
  }
  if (plan.districts)
    out.layers.push_back(
        district_layer(district_summary(st, *plan.districts, plan.existing, plan.criterion),
                       *plan.districts, st.sites));
  // Candidates (with the rank when suggested).
  if (plan.candidates) {
    const PointSet& c = *plan.candidates;
    Layer l{"candidates",
            GeomKind::point,
            {{"site_id", FieldType::text},
             {"name", FieldType::text},
             {"suggested_rank", FieldType::integer}},
            {}};
    for (const auto& a : c.attr_names) l.fields.push_back({a, FieldType::text});
    std::vector<int64_t> rank(c.size(), 0);
    if (plan.suggest)
      for (const auto& s : plan.suggest->result.sites)
        if (s.site >= plan.suggest->fixed && s.site - plan.suggest->fixed < c.size())
          rank[s.site - plan.suggest->fixed] = s.rank;
    for (size_t i = 0; i < c.size(); ++i) {
      std::vector<FieldValue> v{c.id[i], c.name[i], rank[i]};
      for (size_t a = 0; a < c.attr_names.size(); ++a)
        v.push_back(i < c.attr_values.size() && a < c.attr_values[i].size() ? c.attr_values[i][a]
                                                                            : std::string());
      l.features.push_back({c.lonlat[i], std::move(v)});
    }
    type_number_columns(l, 3);  // the input's columns: numbers as numbers
    out.layers.push_back(std::move(l));
  }
  // Suggestions: rank order, what each adds, nearby alternatives.
  if (plan.suggest) {
    const auto& run = *plan.suggest;
    Layer l{"suggestions",
            GeomKind::point,
            {{"rank", FieldType::integer},
             {"site_id", FieldType::text},
             {"name", FieldType::text},
             {"gain", FieldType::real},
             {"marginal", FieldType::real},
             {"covers", FieldType::real},
             {"unique", FieldType::real},
             {"shared", FieldType::real},
             {"cost", FieldType::real},
             {"alt1_id", FieldType::text},
             {"alt1_m", FieldType::real},
             {"alt2_id", FieldType::text},
             {"alt2_m", FieldType::real},
             {"alt3_id", FieldType::text},
             {"alt3_m", FieldType::real},
             {"adds_little", FieldType::integer}},
            {}};
    for (const auto& s : run.result.sites) {
      std::vector<FieldValue> v{int64_t{s.rank},
                                run.sites.id[s.site],
                                run.sites.name[s.site],
                                s.gain,
                                s.marginal,
                                s.covers,
                                s.unique,
                                s.shared,
                                s.cost};
      for (size_t t = 0; t < 3; ++t) {
        if (t < s.alternatives.size())
          v.insert(v.end(), {run.sites.id[s.alternatives[t].site], s.alternatives[t].distance_m});
        else
          v.insert(v.end(), {std::string(), 0.0});
      }
      v.push_back(int64_t{s.adds_little ? 1 : 0});
      l.features.push_back({run.sites.lonlat[s.site], std::move(v)});
    }
    // Hours of the suggested hosts (their own, else their category's typical hours, assumed).
    if (plan.hours) add_suggestion_hour_columns(l, *plan.hours, plan.existing);
    out.layers.push_back(std::move(l));
    out.settings.insert(out.settings.end(),
                        {{"suggest_goal", siting::to_string(run.problem.options.goal)},
                         {"suggest_criterion", std::string(to_string(plan.criterion))},
                         {"suggest_new_stations", std::to_string(run.result.count)},
                         {"suggest_objective", fmt_num(run.result.objective)},
                         {"suggest_bound", fmt_num(run.result.bound)},
                         {"suggest_gap", fmt_num(run.result.gap)},
                         {"suggest_optimal", run.result.optimal ? "yes" : "no"},
                         {"min_gain", run.curve.min_gain_setting.text()}});
  }
  progress(0.5, "plan walk areas");
  // Dissolved walk area and the split by nearest station.
  {
    const PlanWalkAreas pw = plan_walk_areas(st, opt.area);
    double walk_covered = st.state.summary().walk.covered;
    Layer d{"walk_areas_dissolved",
            GeomKind::polygon,
            {{"minutes", FieldType::real},
             {"speed_kmh", FieldType::real},
             {"stations", FieldType::integer},
             {"walk_workers", FieldType::real},
             {"area_km2", FieldType::real}},
            {}};
    if (!pw.dissolved.empty())
      d.features.push_back(
          {to_lonlat(proj, pw.dissolved),
           {st.params.minutes, st.params.speed_kmh, static_cast<int64_t>(st.sites.size()),
            walk_covered, multipolygon_area(pw.dissolved) / 1e6}});
    out.layers.push_back(std::move(d));
    Layer n{"walk_areas_nearest",
            GeomKind::polygon,
            {{"site_id", FieldType::text},
             {"name", FieldType::text},
             {"minutes", FieldType::real},
             {"area_km2", FieldType::real}},
            {}};
    for (uint32_t i = 0; i < st.sites.size(); ++i)
      if (!pw.nearest[i].empty())
        n.features.push_back({to_lonlat(proj, pw.nearest[i]),
                              {st.sites.id[i], st.sites.name[i], st.params.minutes,
                               multipolygon_area(pw.nearest[i]) / 1e6}});
    out.layers.push_back(std::move(n));
  }
  progress(0.8, "coverage gaps");
  out.layers.push_back(coverage_gap_layer(st, opt.gap_radius_m));
  for (const Layer& l : plan.extra_layers) out.layers.push_back(l);
  for (auto& l : cl.layers)
    if (l.name == "dropped") out.layers.push_back(std::move(l));
  out.settings.push_back({"gap_radius_m", fmt_num(opt.gap_radius_m)});
  out.settings.push_back({"walk_area_half_width_m", fmt_num(opt.area.half_width_m)});
  return out;
}

namespace {

void write_text(const std::string& staged, const std::string& final_path, const std::string& text) {
  FileSink sink(staged, final_path);
  sink.write(text);
  sink.close();
}

std::string xml_text(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : std::string(1, c);
  return out;
}

// ESRI world file: pixel width, two rotations, pixel height (negative: rows go south), then the
// centre of the top-left pixel, in the map's metric CRS.
std::string world_file(const MapFrame& f) {
  const double px = 1 / f.scale;
  char buf[256];
  std::snprintf(buf, sizeof buf, "%.10f\n0.0\n0.0\n%.10f\n%.4f\n%.4f\n", px, -px,
                f.origin.x + (0.5 - f.x0) * px, f.origin.y + (f.y1 - 0.5) * px);
  return buf;
}

std::vector<std::pair<std::string, std::string>> qgis_styles(const std::vector<Layer>& layers,
                                                             ReportLang lang) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& l : layers)
    if (std::string qml = layer_qml(l, lang); !qml.empty()) out.emplace_back(l.name, std::move(qml));
  return out;
}

}  // namespace

std::vector<std::string> export_would_replace(const ExportOptions& opt) {
  const fs::path dir(opt.out_dir);
  std::vector<std::string> listed, out;
  ExportFolder::read_manifest((dir / ExportFolder::kManifest).string(), listed);
  std::error_code ec;
  auto consider = [&](const std::string& rel) {
    if (fs::is_regular_file(dir / rel, ec) &&
        std::find(listed.begin(), listed.end(), rel) == listed.end())
      out.push_back(rel);
  };
  const std::pair<ExportFormat, std::string> single[] = {
      {ExportFormat::gpkg, opt.base_name + ".gpkg"},
      {ExportFormat::kml, opt.base_name + ".kml"},
      {ExportFormat::csv, "stations_webmap.csv"},
      {ExportFormat::csv, "stations_webmap.xlsx"},
      {ExportFormat::tif, "accessibility.tif"},
      {ExportFormat::tif, "accessibility.qml"},
      {ExportFormat::png, "map.png"},
      {ExportFormat::png, "map.pgw"},
      {ExportFormat::png, "map.png.aux.xml"},
      {ExportFormat::pdf, "report.pdf"},
      {ExportFormat::pdf, "field_check.pdf"}};
  for (const auto& [f, name] : single)
    if (has(opt, f)) consider(name);
  // The per-layer folders: any file there may be a layer's (names depend on the plan).
  for (ExportFormat f : {ExportFormat::geojson, ExportFormat::shp, ExportFormat::csv}) {
    if (!has(opt, f)) continue;
    const std::string sub(to_string(f));
    for (auto it = fs::directory_iterator(dir / sub, ec); !ec && it != fs::end(it);
         it.increment(ec))
      consider(sub + "/" + it->path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void ExportOptions::validate() const {
  check_param("cell_m", cell_m, AccessibilityOptions::kCellM);
  check_param("max_minutes", max_minutes, AccessibilityOptions::kMaxMinutes);
  check_param("png_width", png_width, kPngWidth);
  check_param("png_height", png_height, kPngHeight);
  check_param("dpi", dpi, kPngDpi);
  area.validate();
  check_param("gap_m", gap_radius_m, kGapM);
}

ExportResult export_plan(const PlanExport& plan, const ExportOptions& opt,
                         const Progress& progress) {
  if (!plan.study || !plan.study->city) throw std::invalid_argument("export_plan: no study");
  opt.validate();
  if (opt.out_dir.empty()) throw CodedParamError("out_dir", Msg::give_output_folder);
  // Everything is staged and moved in at the end, with the manifest last (ExportFolder).
  ExportFolder folder(opt.out_dir, opt.overwrite, opt.inputs);
  ExportResult res;
  const bool vectors = has(opt, ExportFormat::gpkg) || has(opt, ExportFormat::geojson) ||
                       has(opt, ExportFormat::kml) || has(opt, ExportFormat::shp) ||
                       has(opt, ExportFormat::csv);
  const bool maps = has(opt, ExportFormat::png) || has(opt, ExportFormat::pdf);
  // Refuse what could not be replaced before any work (the layers' names come after).
  std::vector<std::string> fixed;
  if (has(opt, ExportFormat::gpkg)) fixed.push_back(opt.base_name + ".gpkg");
  if (has(opt, ExportFormat::kml)) fixed.push_back(opt.base_name + ".kml");
  if (has(opt, ExportFormat::csv)) {
    fixed.push_back("stations_webmap.csv");
    fixed.push_back("stations_webmap.xlsx");
  }
  if (has(opt, ExportFormat::tif)) {
    fixed.push_back("accessibility.tif");
    fixed.push_back("accessibility.qml");
  }
  if (has(opt, ExportFormat::png))
    for (const char* f : {"map.png", "map.pgw", "map.png.aux.xml"}) fixed.push_back(f);
  if (has(opt, ExportFormat::pdf)) fixed.push_back("report.pdf");
  const bool field_check =
      has(opt, ExportFormat::pdf) && field_check_count(plan, opt.field_check) > 0;
  if (field_check) fixed.push_back("field_check.pdf");
  const bool curve = plan.suggest && plan.suggest->curve.points.size() > 1;
  if (curve && has(opt, ExportFormat::csv)) fixed.push_back("coverage_curve.csv");
  if (curve && has(opt, ExportFormat::png)) fixed.push_back("coverage_curve.png");
  folder.check(fixed);
  // Each station's walk area once, for the layers and the map.
  std::vector<MultiPolygon> areas;
  if (vectors || maps) areas = walk_areas(*plan.study, opt.area, progress);
  PlanLayers pl;
  if (vectors || has(opt, ExportFormat::pdf)) pl = plan_layers(plan, opt, progress, &areas);
  std::vector<std::string> per_layer;
  for (ExportFormat f : {ExportFormat::geojson, ExportFormat::shp, ExportFormat::csv}) {
    if (!has(opt, f)) continue;
    const std::string ext(to_string(f));
    for (const auto& l : pl.layers) {
      if (l.features.empty()) continue;
      per_layer.push_back(ext + "/" + l.name + "." + ext);
      if (f != ExportFormat::csv && !layer_qml(l, opt.lang).empty())
        per_layer.push_back(ext + "/" + l.name + ".qml");
      if (f == ExportFormat::shp)
        for (const char* sib : {".shx", ".dbf", ".prj", ".cpg"})
          per_layer.push_back(ext + "/" + l.name + sib);
    }
  }
  folder.check(per_layer);
  progress.throw_if_cancelled();
  progress(0.6, "writing layers");
  const fs::path dir(opt.out_dir);
  auto done = [&](const std::string& rel) {
    res.files.push_back((dir / rel).string());
    progress.throw_if_cancelled();
  };
  if (has(opt, ExportFormat::gpkg)) {
    const std::string rel = opt.base_name + ".gpkg";
    VectorWriter w(folder.path(rel));
    for (const auto& l : pl.layers) write_layer(w, l);
    w.add_table("yizhan_settings", pl.settings);
    w.add_qgis_styles(qgis_styles(pl.layers, opt.lang));
    w.close();
    done(rel);
  }
  if (has(opt, ExportFormat::kml)) {
    const std::string rel = opt.base_name + ".kml";
    VectorWriter w(folder.path(rel));
    // GDAL's plain KML driver, styled by a pass over its file (kml_styles.hpp): its LIBKML
    // driver writes styles itself but took minutes on the demo plan.
    std::vector<std::string> hidden;
    for (const auto& l : pl.layers)
      if (kml_hidden_layer(l.name)) hidden.push_back(l.name);
    w.set_kml_hidden_layers(hidden);
    for (const auto& l : pl.layers)
      if (!l.features.empty())
        write_layer(w, l, [&l](const Feature& f) {
          const std::string id = kml_style_id(l, f);
          return id.empty() ? id : "@" + id;
        });
    w.close();
    done(rel);
  }
  // One file per layer for the single-layer formats.
  for (ExportFormat f : {ExportFormat::geojson, ExportFormat::shp, ExportFormat::csv}) {
    if (!has(opt, f)) continue;
    const std::string ext(to_string(f));
    for (const auto& l : pl.layers) {
      if (l.features.empty()) continue;
      const std::string rel = ext + "/" + l.name + "." + ext;
      VectorWriter w(folder.path(rel));
      w.set_csv_bom(opt.csv_bom);
      write_layer(w, l);
      w.close();
      done(rel);
      // QGIS opens NAME.shp / NAME.geojson with NAME.qml beside it as its style.
      const std::string qml = layer_qml(l, opt.lang);
      if (f != ExportFormat::csv && !qml.empty()) {
        const std::string qrel = ext + "/" + l.name + ".qml";
        write_text(folder.path(qrel), (dir / qrel).string(), qml);
        done(qrel);
      }
    }
  }
  if (has(opt, ExportFormat::csv)) {
    write_station_webmap_csv(folder.path("stations_webmap.csv"), *plan.study, opt.csv_bom, opt.lang);
    done("stations_webmap.csv");
    // The same list as a workbook: Excel/WPS open it with no encoding question.
    write_station_webmap_xlsx(folder.path("stations_webmap.xlsx"), *plan.study, opt.lang);
    done("stations_webmap.xlsx");
  }
  if (has(opt, ExportFormat::tif)) {
    progress(0.7, "accessibility surface");
    AccessibilityOptions ao;
    ao.cell_m = opt.cell_m;
    ao.max_minutes = opt.max_minutes;
    Progress cancel_only;  // its own stages are not shown, but it stops when asked
    cancel_only.cancel = progress.cancel;
    write_accessibility_tiff(folder.path("accessibility.tif"),
                             accessibility_grid(*plan.study, ao, cancel_only), *plan.study);
    done("accessibility.tif");
    // QGIS would show the two bands as a red/green composite: the style shows band 1's minutes.
    write_text(folder.path("accessibility.qml"), (dir / "accessibility.qml").string(),
               accessibility_qml(opt.max_minutes, opt.lang));
    done("accessibility.qml");
  }
  if (curve && has(opt, ExportFormat::csv)) {
    write_coverage_curve_csv(folder.path("coverage_curve.csv"), plan.suggest->curve, opt.csv_bom);
    done("coverage_curve.csv");
  }
  if (curve && has(opt, ExportFormat::png)) {
    write_coverage_curve_png(folder.path("coverage_curve.png"), plan.suggest->curve, opt.lang,
                             plan.study->demand_estimated());
    done("coverage_curve.png");
  }
  if (maps) {
    progress(0.85, "map");
    const MapScene scene = make_map_scene(plan, opt, std::move(areas));
    if (has(opt, ExportFormat::png)) {
      const MapFrame frame =
          write_png_map(folder.path("map.png"), scene, opt.png_width, opt.png_height, opt.dpi);
      done("map.png");
      // Placed in GIS: the world file (pixel size and corner in the map's metric CRS) and the CRS
      // beside it (GDAL reads map.png.aux.xml, QGIS both).
      write_text(folder.path("map.pgw"), (dir / "map.pgw").string(), world_file(frame));
      done("map.pgw");
      write_text(folder.path("map.png.aux.xml"), (dir / "map.png.aux.xml").string(),
                 "<PAMDataset>\n  <SRS>" + xml_text(plan.study->city->projection().wkt()) +
                     "</SRS>\n</PAMDataset>\n");
      done("map.png.aux.xml");
    }
    if (has(opt, ExportFormat::pdf)) {
      write_pdf_report(folder.path("report.pdf"), plan, scene, pl.settings, opt);
      done("report.pdf");
    }
    if (field_check) {
      write_field_check_pdf(folder.path("field_check.pdf"), plan, scene, opt);
      done("field_check.pdf");
    }
  }
  res.removed = folder.commit();
  progress(1.0, "exported");
  return res;
}

}  // namespace yz
