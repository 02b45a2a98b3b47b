// yizhan gui: the desktop planner (map, coverage, stations, suggestions, scenarios, what-if
// editing, sessions). --screenshot renders once everything is loaded and exits (for tests and
// docs; run under xvfb-run without a display); --bench-frames prints frame and edit timings.
#ifdef YIZHAN_WITH_APP
#include <memory>
#include <tuple>

#include "app/app_window.hpp"
#include "cli/cli_common.hpp"
#include "engine/session/session_file.hpp"
#include "engine/siting/siting_problem.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz::cli {
namespace {

struct GuiCommand {
  app::AppOptions opt;
  std::string lang, size, file;
  bool recover = false;

  int run() {
    // A file given on its own (`yizhan gui %f` from the desktop entry): a Yizhan session opens as
    // the session, anything else (.osm, .osm.pbf, a road layer) as the map.
    if (!file.empty()) {
      if (!opt.session.empty() || !opt.map.empty()) throw CodedError(file, Msg::cli_gui_file_alone);
      (is_session_file(file) ? opt.session : opt.map) = file;
    }
    if (!lang.empty() && lang != "en" && lang != "zh")
      throw CodedError("--lang", Msg::cli_lang_zh_en);
    if (opt.frames < 1) throw CodedError("--frames", Msg::cli_frames);
    if (opt.suggest_k != 0)
      check_param("suggest_k", opt.suggest_k, siting::Options::kK);  // 0 = no suggestion
    if (!opt.session.empty() && !opt.map.empty())
      throw CodedError("--session", Msg::cli_session_or_map);
    if ((!opt.stations.empty() || !opt.candidates.empty() || !opt.demand.empty()) &&
        opt.map.empty() && opt.session.empty())
      throw CodedError("--stations", Msg::cli_layers_need_map);
    for (auto [crs, layer, name, layer_name] :
         {std::tuple{&opt.stations_crs, &opt.stations, "--stations-crs", "--stations"},
          std::tuple{&opt.candidates_crs, &opt.candidates, "--candidates-crs", "--candidates"},
          std::tuple{&opt.demand_crs, &opt.demand, "--demand-crs", "--demand"}})
      if (!crs->empty() && layer->empty())
        throw CodedError(name, Msg::cli_crs_without_layer, {{"option", layer_name}});
    if (!opt.save_session.empty() && opt.screenshot.empty())
      throw CodedError("--save", Msg::cli_save_needs_screenshot);
    if (!opt.tab.empty() && opt.tab != "stations" && opt.tab != "suggest" &&
        opt.tab != "scenarios" && opt.tab != "layers" && opt.tab != "districts")
      throw CodedError("--tab", Msg::cli_tab);
    if (opt.district_level < 1 || opt.district_level > 11)
      throw CodedError("--district-level", Msg::cli_district_level);
    if (!size.empty() && std::sscanf(size.c_str(), "%dx%d", &opt.width, &opt.height) != 2)
      throw CodedError("--size", Msg::cli_size);
    if (opt.width < 640 || opt.height < 480) throw CodedError("--size", Msg::cli_size_min);
    opt.lang_given = !lang.empty();
    opt.lang = lang == "zh" ? app::Lang::zh : app::Lang::en;
    opt.recover_prompt = opt.screenshot.empty() || recover;
    return app::run_app(opt);
  }
};

const RegisterCommand reg("gui", [](CLI::App& app, std::function<int()>& run) {
  auto cmd = std::make_shared<GuiCommand>();
  auto& o = cmd->opt;
  auto* sub = app.add_subcommand(
      "gui",
      "Desktop planner: map, coverage, stations, suggestions, scenarios, what-if editing "
      "(the demo city without --map/--session)");
  sub->add_option("file", cmd->file,
                  "A session (.yizhan.gpkg) or a map (.osm, .osm.pbf, ...) to open, as the desktop "
                  "entry passes it");
  sub->add_option("--session", o.session, "Open a saved session (.gpkg written by Yizhan)");
  sub->add_option("--map", o.map,
                  "City map: OpenStreetMap .osm/.osm.pbf/.osm.bz2/.osm.gz, or a road line layer");
  sub->add_option("--stations,--sites", o.stations,
                  "Existing stations: any GDAL point layer, or CSV with lon/lat");
  sub->add_option("--candidates", o.candidates,
                  "Candidate sites (as written by yizhan sites, or your own layer)");
  sub->add_option("--demand", o.demand, "Outdoor workers; default: the street-length proxy");
  const char* crs_help =
      " come from: wgs84, gcj02 (copied from Amap/Tencent), bd09 (Baidu) or an EPSG code. "
      "Default: the file's own CRS; a CSV or spreadsheet records none, so the window asks "
      "(a --screenshot run reads it as WGS-84 and says so)";
  sub->add_option("--stations-crs,--sites-crs", o.stations_crs,
                  std::string("Where the --stations coordinates") + crs_help);
  sub->add_option("--candidates-crs", o.candidates_crs,
                  std::string("Where the --candidates coordinates") + crs_help);
  sub->add_option("--demand-crs", o.demand_crs,
                  std::string("Where the --demand coordinates") + crs_help);
  sub->add_option("--mobile-schedule", o.mobile_schedule,
                  "Mobile stations' stops to show on the map (as coverage --mobile-schedule "
                  "reads them): each round linked in order, the van's stop at the chosen hour "
                  "highlighted");
  sub->add_option("--mobile-schedule-crs", o.mobile_schedule_crs,
                  "CRS of --mobile-schedule's coordinates (default: the stations')");
  sub->add_option("--mobile-schedule-layer", o.mobile_schedule_layer,
                  "Layer of --mobile-schedule to read (default: the first layer with points)");
  sub->add_option("--lang", cmd->lang, "UI language: en or zh (default: the session's, else en)");
  sub->add_flag("--from-map", o.from_map,
                "Once loaded, make candidate sites (POIs + 200 m grid) and workers (map proxies) from the map");
  sub->add_option("--suggest-k", o.suggest_k, "Once loaded, suggest this many new stations");
  sub->add_option("--tab", o.tab,
                  "Sidebar tab to show: stations, suggest, scenarios, layers, districts");
  sub->add_option("--districts", o.districts,
                  "A polygon layer of districts (区/街道) to report coverage by (Districts tab), "
                  "or 'map' for the map's OpenStreetMap administrative boundaries");
  sub->add_option("--district-level", o.district_level,
                  "OpenStreetMap admin_level of --districts map (China: 6 = 区/县, 8 = 街道/乡镇)")
      ->capture_default_str();
  sub->add_option("--district-name-field", o.district_name_field,
                  "Column of --districts holding the district's name");
  sub->add_option("--select", o.select, "Select this station (slot number) once loaded");
  sub->add_option("--scenario", o.scenario, "Make this scenario (0-based) active");
  sub->add_option("--compare", o.compare, "Compare the active scenario with this one on the map");
  sub->add_option("--size", cmd->size, "Window size WIDTHxHEIGHT (default 1280x800)");
  sub->add_option("--screenshot", o.screenshot, "Render, save this PNG once loaded, and exit");
  sub->add_option("--frames", o.frames, "Frames to render before the screenshot")
      ->capture_default_str();
  sub->add_option("--ui-report", o.ui_report, "With --screenshot: write what was shown as JSON");
  sub->add_option("--input-script", o.input_script,
                  "With --screenshot: replay mouse and key steps once loaded (see "
                  "src/app/input_script.hpp), then take the shot");
  sub->add_option("--save", o.save_session,
                  "With --screenshot: save the session to this file before exiting (tests)");
  sub->add_flag("--recover", cmd->recover,
                "With --screenshot: still offer an autosave left by a crash");
  sub->add_option("--bench-frames", o.bench_frames,
                  "Benchmark: render N frames while panning/zooming, then time 100 what-if edits");
  sub->callback([cmd, &run] { run = [cmd] { return cmd->run(); }; });
});

}  // namespace
}  // namespace yz::cli
#endif  // YIZHAN_WITH_APP
