#pragma once
// The desktop window: GLFW + OpenGL 3.3 + ImGui frame loop over the map view and panels, files
// dropped on the window, the close prompt, autosave; and a headless mode for tests and docs
// (load, wait for the background work, render N frames, write a PNG and a UI report, exit) and a
// frame/edit benchmark.
#include <string>

#include "app/text/strings.hpp"

namespace yz::app {

struct AppOptions {
  // What to open (at most one of session / map; neither = the demo city).
  std::string session, map, stations, candidates, demand;
  // Where each layer's coordinates come from ("wgs84", "gcj02", "bd09", "EPSG:4547"); empty = the
  // file's own CRS, else ask (headless without an input script: WGS-84, with a notice).
  std::string stations_crs, candidates_crs, demand_crs;
  // Mobile stations' schedule to show on the map (as coverage --mobile-schedule reads it).
  std::string mobile_schedule, mobile_schedule_crs, mobile_schedule_layer;
  bool from_map = false;  // once loaded: candidate sites and workers from the map itself
  int suggest_k = 0;      // run a suggestion for k new stations once loaded
  std::string tab;        // stations | suggest | scenarios | layers | districts
  std::string districts, district_name_field;  // a polygon layer to report by, or "map"
  int district_level = 8;  // --districts map: the OSM admin_level (8 = 街道/乡镇)
  int select = -1;        // select this station slot once loaded
  int compare = -1;       // compare the active scenario with this one on the map
  int scenario = -1;      // make this scenario active
  bool lang_given = false;
  Lang lang = Lang::en;
  int width = 1280, height = 800;
  // Headless: render `frames` frames once everything is loaded, save the PNG and exit.
  std::string screenshot;
  int frames = 5;
  std::string ui_report;  // JSON: windows and their rectangles, figures shown, notices
  std::string
      input_script;  // headless: mouse and key steps replayed once loaded (input_script.hpp)
  std::string save_session;  // headless: save the session here before exiting (after the script)
  // Benchmark: render this many frames while panning and zooming, then time what-if edits; prints.
  int bench_frames = 0;
  bool recover_prompt = true;  // offer an autosave left by a crash (off in tests by default)
};

// Returns a process exit code; throws std::runtime_error when no window/GL context can be made.
int run_app(const AppOptions& opt);

}  // namespace yz::app
