// yizhan export: hand a plan over — GIS layers in every common format, station lists for Chinese
// web maps, the accessibility GeoTIFF, a PNG map and a PDF report (engine: export_plan).
#include <cstdio>
#include <iostream>
#include <limits>
#include <optional>

#include <fmt/format.h>

#include "cli/cli_common.hpp"
#include "cli/district_input.hpp"
#include "cli/hours_options.hpp"
#include "cli/mobile_options.hpp"
#include "cli/rider_options.hpp"
#include "engine/coverage/rider_report.hpp"
#include "engine/export/plan_export.hpp"
#include "engine/inputs/demo_city.hpp"
#include "engine/inputs/drop_messages.hpp"
#include "engine/inputs/point_reader.hpp"
#include "engine/inputs/street_length_demand.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/msg_codes.hpp"
#include "engine/util/number_format.hpp"

namespace yz::cli {
namespace {

constexpr const char* kHelp = R"(Outputs (in --out-dir; --formats picks them, default all):
  gpkg     plan.gpkg: every layer below in one GeoPackage, plus the yizhan_settings table
  kml      plan.kml: the same layers as KML folders (Google Earth; station names as labels)
  geojson  geojson/<layer>.geojson, one file per layer
  shp      shp/<layer>.shp (+ .dbf .shx .prj, and .cpg = UTF-8 so Chinese names survive)
  csv      csv/<layer>.csv (points as X/Y, polygons as WKT), and stations_webmap.csv: each
           station in WGS-84 (GPS/OpenStreetMap), GCJ-02 (Amap/Gaode, Tencent) and BD-09 (Baidu)
           coordinates for marking on Chinese web maps (points outside China unshifted); the same
           list as stations_webmap.xlsx. With --lang zh the CSVs start with a UTF-8 byte-order
           mark (Excel/WPS on Chinese Windows need it); --no-bom leaves it out
  tif      accessibility.tif: walking minutes from each cell to the nearest station (band 1) and
           the second-nearest (band 2, double coverage), from the network search, in the map's
           metric projection; cells off the network or beyond --max-minutes are no data (-1)
  png      map.png: streets, walk areas, circles, demand by cover count, stations by type,
           suggested sites, legend, scale bar, north arrow, data licence
  pdf      report.pdf: the map, coverage before/after, station table, suggestions with their
           gains and proven gap, and the settings used; field_check.pdf: one page per site to
           visit (--field-check): the street and crossing it is on, WGS-84/GCJ-02/BD-09
           coordinates, QR codes and links opening it on Amap and Baidu Maps, a map with street
           names and the alternatives, what it adds, and a checklist for the visit
Layers: stations (all input columns, workers covered by walk/radius/both/either), candidates,
  suggestions (rank, gain, alternatives), walk_areas (per station), walk_areas_dissolved,
  walk_areas_nearest (each street piece to the station that reaches it first; no overlaps),
  radius_circles, demand (cover counts, status, joined off a small disconnected street piece),
  joins (those pieces and each straight connecting segment, with its length: see --island-m),
  coverage_gaps (clusters of workers no station reaches on foot, biggest first), dropped (input
  rows not used). All WGS-84 (EPSG:4326).)";

struct ExportCommand {
  DistrictInput districts;
  MobileOptions mobile;  // --mobile-schedule: vans' stops in place of their stations
  MapOptions map;
  CoverageOptions cov;
  OutputGuard outg;
  bool demo = false, bom = false, no_bom = false, by_hour = false;
  HoursOptions hours;
  RiderOptions rider;  // --rider: the rider-reach test's columns and PDF section
  PointInput stations{PointInputKind::stations}, candidates{PointInputKind::candidates},
      demand{PointInputKind::demand};
  std::string demand_weight, out_dir, formats = "all", png_size = "1600x1200", lang = "zh", title,
                                      criterion = "both", cost_field = "cost", capacity_field,
                                      field_check = "suggested";
  static constexpr int64_t kNotGiven = std::numeric_limits<int64_t>::min();
  int64_t k = kNotGiven;
  std::string min_gain_text = "0.5%";  // with --k: the coverage curve's "adds almost nothing"
  double cell_m = 50, max_minutes = 60, dpi = 150, half_width_m = kDefaultStreetHalfWidthM, gap_m = 150,
         time_limit_s = 10;

  int run() {
    cov.validate();
    rider.validate();
    ExportOptions eo;
    eo.out_dir = out_dir;
    eo.formats = parse_formats(formats);
    eo.cell_m = cell_m;
    eo.max_minutes = max_minutes;
    if (std::sscanf(png_size.c_str(), "%dx%d", &eo.png_width, &eo.png_height) != 2)
      throw CodedError("--png-size", Msg::cli_png_size);
    eo.dpi = dpi;
    if (lang != "zh" && lang != "en") throw CodedError("--lang", Msg::cli_lang_zh_en);
    eo.lang = lang == "zh" ? ReportLang::zh : ReportLang::en;
    if (bom && no_bom) throw CodedError("--no-bom", Msg::cli_bom_both);
    eo.csv_bom = bom || (lang == "zh" && !no_bom);  // Chinese spreadsheet software needs the mark
    eo.title = title;
    eo.field_check = parse_field_check(field_check);
    eo.area.half_width_m = half_width_m;
    eo.gap_radius_m = gap_m;
    eo.overwrite = outg.overwrite;  // an earlier export's files (its manifest) are replaced anyway
    eo.inputs = {map.map,       map.profile,
                 stations.path, candidates.path,
                 demand.path,   districts.from_map() ? std::string() : districts.path,
                 mobile.schedule};
    eo.validate();
    if (k != kNotGiven) check_param("k", static_cast<double>(k), siting::Options::kK);
    check_param("time_limit_s", time_limit_s, siting::Options::kTimeLimitS);
    const Criterion crit = criterion_option(criterion);
    if (demo == !map.map.empty()) throw CodedError("--map/--demo", Msg::cli_map_or_demo);
    if (!demo && !stations.given()) throw CodedError("--stations", Msg::cli_give_stations);
    const Progress progress = terminal_progress();

    CityNetwork city;
    siting::SuggestRequest req;
    std::vector<DropReport> drops;
    if (demo) {
      DemoCity d = generate_demo_city(DemoCitySettings::load_default());
      city = city_from_lines(std::move(d.lines), progress);
      req.stations = std::move(d.stations);
      req.candidates = std::move(d.candidates);
      req.demand = std::move(d.demand);
    } else {
      city = map.open(progress);
    }
    // Read exactly as `yizhan suggest` reads them (station schema, automatic cost column).
    const PointReadOptions so = site_read_options(cost_field, capacity_field);
    if (stations.given()) {
      drops.emplace_back();
      req.stations = stations.read(city, so, cov.params.snap, drops.back());
    }
    const auto mob = mobile.apply(city, req.stations, stations.crs_value());
    if (mob) req.stations = mob->sites.sites;
    if (candidates.given()) {
      drops.emplace_back();
      PointReadOptions co = so;
      co.candidates = true;
      req.candidates = candidates.read(city, co, cov.params.snap, drops.back());
    }
    if (demand.given()) {
      drops.emplace_back();
      PointReadOptions dopt;
      dopt.weight_field = demand_weight;
      req.demand = demand.read(city, dopt, cov.params.snap, drops.back());
    } else if (!demo) {
      req.demand = street_length_demand(city);
      req.demand_is_proxy = true;
    }
    const std::optional<Districts> dist = districts.read(city, map.map);
    std::vector<std::string> district_notes;
    if (dist) {
      district_notes = dist->notes;
      check_station_districts(districts, req.stations, *dist, district_notes);
    }
    req.params = cov.params;
    req.criterion = crit;
    req.cost_field = cost_field;
    req.capacity_field = capacity_field;
    std::unique_ptr<siting::SuggestRun> run;
    if (k != kNotGiven) {
      if (req.candidates.size() == 0) throw CodedError("--candidates", Msg::cli_k_needs_candidates);
      req.options.goal = siting::Goal::max_cover_k;
      req.options.k = static_cast<uint32_t>(k);
      req.options.time_limit_s = time_limit_s;
      req.min_gain = siting::parse_min_gain(min_gain_text);
      run = std::make_unique<siting::SuggestRun>(siting::run_suggest(city, req, progress));
    }
    const bool with_candidates = req.candidates.size() > 0;
    CoverageStudy study =
        plan_study(city, req.stations, with_candidates ? &req.candidates : nullptr, run.get(),
                   req.demand, req.demand_is_proxy, cov.params, progress);
    PlanExport plan;
    plan.study = &study;
    plan.existing = static_cast<uint32_t>(req.stations.size());
    plan.candidates = with_candidates ? &req.candidates : nullptr;
    plan.suggest = run.get();
    plan.criterion = crit;
    plan.drops = drops;
    plan.settings = {{"formats", formats}, {"cell_m", fmt::format("{:g}", cell_m)}, {"lang", lang}};
    if (run) plan.settings.push_back({"k", std::to_string(k)});
    if (mob) {
      plan.extra_layers = mob->layers();
      plan.settings.push_back({"mobile_schedule", mob->schedule.source});
      for (const auto& l : mob->lines()) std::cout << "Mobile: " << l << "\n";
    }
    if (dist) {
      plan.districts = &*dist;
      plan.settings.push_back({"districts", dist->source});
    }
    // Coverage by hour when the stations carry hours (or --by-hour): the PDF's by-hour section.
    std::optional<HourStudy> hs;
    bool hours_known = by_hour;
    for (size_t i = 0; i < study.sites.size() && !hours_known; ++i)
      hours_known = !site_hours_text(study.sites, i).empty();
    if (hours_known) {
      const WorkerProfiles wp = hours.profiles();
      // Suggested sites without hours of their own: their category's typical hours, assumed.
      std::optional<CategoryHours> cats;
      if (run) cats = hours.categories();
      hs = hour_study(study.covers, study.sites, study.demand, wp, cats ? &*cats : nullptr,
                      plan.existing);
      plan.hours = &*hs;
      plan.settings.push_back(
          {"worker_profiles", hours.worker_profiles.empty() ? "default" : wp.source});
      if (cats)
        plan.settings.push_back(
            {"category_hours", hours.category_hours.empty() ? "default" : cats->source});
    }
    std::optional<RiderStudy> rs;
    if (rider.wanted()) {
      const RideNetwork ride = RiderOptions::ride_network(map, city, progress);
      rs = run_rider_reach(city, ride, study.sites, study.demand, rider.params, cov.params.snap,
                           progress);
      plan.rider = &*rs;
    }
    const ExportResult res = export_plan(plan, eo, progress);
    const bool Z = eo.lang == ReportLang::zh;  // the summary in the report's language
    for (const auto& d : drops)
      std::cout << render(summary_message(d), Z ? MsgLang::zh : MsgLang::en) << "\n";
    const auto& S = study.state.summary();
    const double walk = S.total > 0 ? S.of(Criterion::walk).covered : 0,
                 both = S.total > 0 ? S.of(Criterion::both).covered : 0;
    if (Z)
      std::cout << fmt::format(
          "{} 个驿站（其中建议新站 {} 个），{} {:.0f}：{:g} 分钟步行可达 {}，两项都满足 {}\n",
          study.sites.size(), study.sites.size() - plan.existing,
          req.demand_is_proxy      ? "估算劳动者（按街道长度估算，并非实际人数）"
          : study.demand_estimated() ? "估算劳动者（由地图数据推算，并非实际人数）"
                                     : "劳动者",
          round_shown(S.total, 0), cov.params.minutes, percent_text(walk, S.total),
          percent_text(both, S.total));
    else
      std::cout << fmt::format(
          "{} stations ({} suggested), {:.0f} {}: {} within a {:g}-minute walk, {} meet both "
          "tests\n",
          study.sites.size(), study.sites.size() - plan.existing, round_shown(S.total, 0),
          req.demand_is_proxy        ? "estimated workers (street-length proxy)"
          : study.demand_estimated() ? "estimated workers (" + study.demand.estimate + ")"
                                     : std::string("workers"),
          percent_text(walk, S.total), cov.params.minutes, percent_text(both, S.total));
    if (rs)
      std::cout << rider_text(*rs, study.sites, req.demand_is_proxy ? "street-m" : "workers", Z);
    if (dist) {
      std::cout << districts_text(district_summary(study, *dist, plan.existing, crit),
                                  req.demand_is_proxy ? "street-m" : "workers", Z);
      for (const auto& n : district_notes) std::cout << "Note: " << n << "\n";
    }
    std::cout << (Z ? fmt::format("已写出 {} 个文件：\n", res.files.size())
                    : fmt::format("Wrote {} files:\n", res.files.size()));
    for (const auto& f : res.files) std::cout << "  " << f << "\n";
    if (!res.removed.empty()) {
      std::cout << (Z ? fmt::format("已删除上次导出留下、本次未写出的 {} 个文件：\n",
                                    res.removed.size())
                      : fmt::format("Removed {} files of the earlier export there that this one "
                                    "does not write:\n",
                                    res.removed.size()));
      for (const auto& f : res.removed) std::cout << "  " << f << "\n";
    }
    return kExitOk;
  }
};

const RegisterCommand reg("export", [](CLI::App& app, std::function<int()>& run) {
  auto cmd = std::make_shared<ExportCommand>();
  auto* sub =
      app.add_subcommand("export",
                         "Hand a plan over: GIS layers (GeoPackage, GeoJSON, KML, Shapefile, CSV), "
                         "web-map station lists, accessibility GeoTIFF, PNG map, PDF report");
  sub->footer(kHelp);
  cmd->map.add(*sub, false);
  sub->add_flag("--demo", cmd->demo,
                "Use the built-in SYNTHETIC demo city (its stations, candidates and workers)");
  cmd->stations.add(*sub);
  cmd->stations.add_deprecated_sites_crs(*sub);
  cmd->candidates.add(*sub, "for new stations (with --k)");
  sub->add_option("--min-gain", cmd->min_gain_text,
                  "With --k: a station adding fewer workers than this is flagged 'adds almost "
                  "nothing' (coverage curve): a share of all workers (0.5%) or a count (20)")
      ->capture_default_str();
  sub->add_option("--k", cmd->k,
                  "Also suggest N new stations among the candidates (as `yizhan suggest --k N`)");
  add_criterion(*sub, cmd->criterion, "the suggestions maximise");
  add_site_columns(*sub, cmd->cost_field, cmd->capacity_field);
  sub->add_option("--time-limit", cmd->time_limit_s,
                  "Seconds for the suggestions' bound and exact search")
      ->capture_default_str();
  cmd->demand.add(*sub, "default: street-length proxy (demo: its workers)");
  add_demand_weight(*sub, cmd->demand_weight);
  cmd->cov.add(*sub);
  cmd->districts.add(*sub);
  sub->add_flag("--by-hour", cmd->by_hour,
                "Coverage by hour in the report (also without --by-hour when the stations carry "
                "opening hours): only stations open then count");
  cmd->hours.add(*sub);
  cmd->rider.add(*sub);
  cmd->mobile.add(*sub);
  sub->add_option("--out-dir", cmd->out_dir, "Folder to write into (created if missing)")
      ->required();
  sub->add_flag("--overwrite", cmd->outg.overwrite,
                "Replace files in --out-dir that an earlier `yizhan export` did not write");
  sub->add_option("--formats", cmd->formats,
                  "Comma-separated: gpkg,geojson,kml,shp,csv,tif,png,pdf or all")
      ->capture_default_str();
  sub->add_option("--cell-m", cmd->cell_m, "Accessibility GeoTIFF cell size (metres)")
      ->capture_default_str();
  sub->add_option("--max-minutes", cmd->max_minutes,
                  "Accessibility GeoTIFF: no data beyond this walk")
      ->capture_default_str();
  sub->add_option("--png-size", cmd->png_size, "PNG map size in pixels, WIDTHxHEIGHT")
      ->capture_default_str();
  sub->add_option("--dpi", cmd->dpi, "PNG map resolution: sizes lines and text (96 = as on screen)")
      ->capture_default_str();
  sub->add_option("--lang", cmd->lang, "Map and report language: zh or en")->capture_default_str();
  sub->add_flag("--bom", cmd->bom,
                "Start CSV files with a UTF-8 byte-order mark (Excel/WPS then read Chinese right; "
                "the default with --lang zh)");
  sub->add_flag("--no-bom", cmd->no_bom,
                "CSV files without the byte-order mark, also with --lang zh");
  sub->add_option("--field-check", cmd->field_check,
                  "Sites that get a page in field_check.pdf (with the pdf format): suggested, "
                  "candidates, stations, all or none")
      ->capture_default_str();
  sub->add_option("--title", cmd->title, "Map and report title (default: from the language)");
  sub->add_option("--area-half-width-m", cmd->half_width_m,
                  "Walk-area polygons: metres either side of a reached street")
      ->capture_default_str();
  sub->add_option("--gap-m", cmd->gap_m,
                  "Coverage gaps: unreached workers within this distance form one gap")
      ->capture_default_str();
  sub->callback([cmd, &run] { run = [cmd] { return cmd->run(); }; });
});

}  // namespace
}  // namespace yz::cli
