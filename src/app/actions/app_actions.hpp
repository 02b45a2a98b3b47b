#pragma once
// What the menus, panels, keys and dropped files ask for, in one place: opening maps, sessions and
// layers, saving, exporting, suggesting, accepting suggestions, new walking parameters, undo,
// autosave and quitting. Long work goes to the background job; the session is changed only here,
// on the UI thread, when a job hands its result back.
#include <optional>
#include <string>
#include <vector>

#include "app/app_state.hpp"
#include "engine/export/plan_export.hpp"

namespace yz::app {

// Runs `then` now, or after the planner answered "save changes?" (Save / Don't save).
void guard_unsaved(AppState& st, std::function<void(AppState&)> then);

void open_demo(AppState& st);
void open_map(AppState& st, const std::string& path);
void open_session(AppState& st, const std::string& path, bool recovered_from = false);
// `crs`: where the coordinates come from ("wgs84", "gcj02", "bd09", "EPSG:4547", as
// PointReadOptions::crs). Without it a file that records its CRS is read in it, and for one that
// records none (CSV, spreadsheets) the planner is asked first (a headless run without an input
// script reads it as WGS-84 and says so). The layer's file and CRS are kept in the session.
void open_layer(AppState& st, const std::string& path, LayerKind kind,
                std::optional<std::string> crs = std::nullopt);
// How a layer's coordinates were read, for the Layers tab: "WGS-84", "GCJ-02 → WGS-84",
// "EPSG:4547 → WGS-84", or "not recorded" (a session saved before this was kept).
std::string crs_label(const LayerOrigin& o, Lang L);
LayerOrigin& layer_origin(SessionSettings& s, LayerKind kind);
// For a planner with nothing but a map: candidate sites from its POIs (all categories of
// data/candidate_categories.json) plus a free grid every `grid_m` metres of street; and workers
// from the map proxies of data/demand_profile.json (riders, couriers, sanitation, drivers,
// construction), aggregated to 50 m cells. Both undoable.
void candidates_from_map(AppState& st, double grid_m);
void demand_from_map(AppState& st);
// A dropped or chosen file: sessions and maps open directly; point layers ask what they hold.
void open_any(AppState& st, const std::string& path);

void save(AppState& st, const std::string& path, std::function<void(AppState&)> then = {});
void save_or_ask(AppState& st, std::function<void(AppState&)> then = {});  // Save: path or dialog
void export_plan_to(AppState& st, ExportOptions opt);

void apply_params(AppState& st, const CoverageParams& p);
void run_suggest(AppState& st);
bool suggestion_current(const AppState& st);  // computed from the active plan as it is now
// The rider-reach test over the active plan's stations, in the background (the riding network is
// built on first use and kept for the city).
void compute_rider_reach(AppState& st);
void accept_suggestions(AppState& st, const std::vector<int>& which);  // indices into run sites
void add_candidate_as_station(AppState& st, int candidate);

void undo(AppState& st);
void redo(AppState& st);
void request_quit(AppState& st);
void tick_autosave(AppState& st, double now_s);

// The Layers panel's and view's state kept in the session's settings (saved with it).
void store_view_settings(AppState& st);

// A new station placed by hand: the defaults chosen in the What-if panel, a running name.
PlanStation hand_station(const AppState& st, Vec2 xy);

}  // namespace yz::app
