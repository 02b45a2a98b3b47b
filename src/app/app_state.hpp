#pragma once
// What the panels, the map and the actions share: the session being edited, the view, the
// selection, the background job, dialogs and notices. One instance, owned by the frame loop.
#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/actions/background_job.hpp"
#include "app/render/camera.hpp"
#include "app/render/map_scene.hpp"
#include "app/rider_view.hpp"
#include "app/text/strings.hpp"
#include "app/time_control.hpp"
#include "app/ui/file_dialog.hpp"
#include "engine/geo/china_coords.hpp"
#include "engine/inputs/districts.hpp"
#include "engine/inputs/mobile_schedule.hpp"
#include "engine/session/autosave.hpp"
#include "engine/session/session.hpp"
#include "engine/siting/suggest_run.hpp"

namespace yz::app {

enum class Tool : uint8_t { select, add, remove };
enum class LayerKind : uint8_t { stations, candidates, demand };
enum class Tab : uint8_t { stations, suggest, scenarios, layers, districts, count };

struct Selection {
  int station = -1;     // slot in the active scenario
  int candidate = -1;   // row of the candidate layer
  int suggestion = -1;  // index into the last suggestion's sites
};

// The Suggest panel's settings and its last result.
struct SuggestPanel {
  int goal =
      0;  // 0 k stations, 1 budget, 2 fewest stations for a target, 3 least cost for a target
  int k = 10;
  double budget = 50000;
  double target_pct = 90;
  Criterion criterion = Criterion::both;
  bool rider = false;  // optimise for rider reach (骑行可达) instead of `criterion`
  int objective = 0;  // 0 single, 1 double, 2 single then double
  double spacing_m = 0;
  bool spacing_on_foot = false;  // spacing measured along the streets instead of straight
  double time_limit_s = 10;
  double min_gain_pct = 0.5;  // coverage curve: a station adding less is "adds almost nothing"
  // Last run and what it was computed from.
  std::shared_ptr<const siting::SuggestRun> run;
  bool run_rider = false;  // the last run optimised rider reach (its figures are riders')
  uint32_t scenario_id = 0;
  uint64_t scenario_version = 0;
  size_t candidates_size = 0;
  double seconds = 0;
  std::vector<char> picked;    // per suggested site: ticked for "accept selected"
  std::vector<char> accepted;  // per suggested site: already in the plan
};

struct Notice {
  std::string text;
  bool error = false;
  double until_s = 0;
};

// Timings shown in the debug overlay (what-if target: an edit under 16 ms end to end).
struct Timings {
  double edit_ms = 0;    // engine: search + coverage update
  double scene_ms = 0;   // building the map scene
  double upload_ms = 0;  // GPU buffers
  double frame_ms = 0;
};

struct AppState {
  std::unique_ptr<Session> session;
  Lang lang = Lang::en;
  LayerStyles styles = LayerStyles::defaults();
  Selection sel;
  Tool tool = Tool::select;
  Tab tab = Tab::stations;
  bool tab_forced = false;  // select `tab` on the next frame
  Camera cam;
  bool fit_requested = true;
  float sidebar_px = 410;
  // The map's part of the window this frame (right of the sidebar, between menu and status bar).
  float map_x0 = 410, map_y0 = 22, map_x1 = 1280, map_y1 = 774;

  BackgroundJob job;       // loading, recomputing, suggesting, exporting (one at a time)
  bool job_locks = false;  // the running job will replace the plan: edits wait
  BackgroundJob autosave;  // writes a snapshot; never blocks edits
  double autosave_every_s = 180;
  double last_autosave_s = 0;
  uint64_t autosaved_revision = 0;
  bool autosave_enabled = true;

  SuggestPanel suggest;
  std::shared_ptr<const Workspace> suggest_workspace;  // the workspace the last run used
  Criterion view_criterion = Criterion::walk;  // what the Coverage panel and the map colour by
  int compare_with = -1;  // scenario index shown as a difference on the map (-1 none)
  // Coverage when each scenario was opened or created (by scenario id): the "before" of what-if.
  std::map<uint32_t, CoverageSummary> baseline;
  CoverageParams edit_params;  // the Coverage panel's fields until applied
  PlanStation new_station;     // defaults for stations added by hand (host type, status)
  TimeControl time;            // the Coverage panel's hour: closed stations grey, figures by hour
  RiderView rider;             // the rider-reach test (骑行可达): its figure and riding network

  FileDialog dialog;
  std::optional<Recovery> recovery;             // offer to recover an autosave
  bool unsaved_prompt = false;                  // "save changes?" is open
  std::function<void(AppState&)> after_prompt;  // what the prompt was guarding
  std::string dropped_file;                     // a dropped point layer: ask what it is
  // A point file that records no CRS (CSV, spreadsheet), waiting for the planner to say where its
  // coordinates come from (WGS-84, Amap/Tencent GCJ-02, Baidu BD-09, an EPSG code).
  struct CrsQuestion {
    std::string path;
    LayerKind kind = LayerKind::stations;
  };
  std::optional<CrsQuestion> crs_question;
  // A layer whose points fit the streets far better in another web-map datum (engine
  // web_shift_check): the planner is offered to read it again that way.
  struct ShiftOffer {
    std::string path;
    LayerKind kind = LayerKind::stations;
    WebDatum better = WebDatum::gcj02;
    uint32_t points = 0;
    WebDatum read_as = WebDatum::wgs84;
    double as_read_low_m = 0, as_read_high_m = 0, better_low_m = 0, better_high_m = 0;
  };
  std::optional<ShiftOffer> shift_offer;
  // Ask it at all: headless runs without an input script read such files as WGS-84 and say so.
  bool ask_crs = true;
  // Dialog items drawn this frame (name -> x, y, w, h), for the headless UI report.
  std::map<std::string, std::array<float, 4>> ui_items;
  bool quit = false;
  bool export_dialog = false;

  // Districts the plan is reported by (gui --districts FILE), and the one picked in their tab.
  std::shared_ptr<const Districts> districts;
  // Mobile stations' schedules shown on the map (actions/mobile_rounds.hpp); null = none.
  std::shared_ptr<const MobileSchedule> mobile;
  int district_sel = -1;

  std::vector<Notice> notices;
  Timings timings;
  uint64_t scene_revision = 0;  // session revision the map scene was built from
  bool scene_dirty = true;
  bool fonts_dirty = false;  // new names loaded: rebuild the font's glyphs before the next frame
  float fps = 0;
  bool headless = false;
  bool show_debug = true;
  bool show_legend = false;  // off at first: it would cover the map's lower right corner

  bool edits_locked() const { return !session || (job.running() && job_locks); }
  void notify(std::string text, bool error = false);
};

}  // namespace yz::app
