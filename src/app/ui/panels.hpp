#pragma once
// The desktop app's ImGui parts, one file each: the menu bar, the sidebar (coverage figures on top,
// then tabs for stations, suggestions, scenarios and layers), the map toolbar, the status bar and
// the dialogs. Each reads and edits AppState; long work goes through app_actions.
#include <nlohmann/json_fwd.hpp>

#include "app/app_state.hpp"

namespace yz::app {

void draw_menu_bar(AppState& st);
void draw_sidebar(AppState& st);
void coverage_section(AppState& st);
// The time of day inside the Coverage panel (time_panel.cpp): control, 24-hour chart, and the
// by-hour figures kept current (refresh_time) while an hour is chosen or the section is open.
void time_section(AppState& st);
void refresh_time(AppState& st);
// Covered share under c at the chosen hour; false when no hour is chosen (all day).
bool hour_percent(const AppState& st, Criterion c, double& pct);
void stations_tab(AppState& st);
void suggest_tab(AppState& st);
void scenarios_tab(AppState& st);
void layers_tab(AppState& st);
void districts_tab(AppState& st);
// Reads a district polygon layer in the map's projection (errors become a notice).
// `path` "map": the map's OpenStreetMap administrative boundaries at `level` (admin_level).
void load_districts(AppState& st, const std::string& path, const std::string& name_field,
                    int level = 8);
// District outlines coloured by coverage, the picked one highlighted (map overlay).
void draw_district_outlines(const AppState& st);
void draw_map_toolbar(AppState& st);
void draw_status_bar(AppState& st);
void draw_dialogs(AppState& st);
// The time control's state and figures for the headless UI report (key "time").
void time_report(const AppState& st, nlohmann::json& j);
// The rider-reach line in the Coverage panel (rider_panel.cpp) and its figure for the UI report.
void rider_section(AppState& st);
void rider_report(const AppState& st, nlohmann::json& j);

// Shared widgets.
// A percentage bar with its figure in a column of its own (a full bar would hide overlaid text),
// and the change since the baseline in points when `delta` is finite.
void percent_row(const char* label, double pct, double delta_pts, const char* overlay = "");
// Where the workers' figures come from: counted by the planner, or estimated (street length, map
// POIs): estimates are labelled as such wherever a figure is shown.
enum class DemandKind { counted, street_length, map_proxies };
DemandKind demand_kind(const Workspace& ws);
// Combo over kHostTypes / kSizeClasses / kStatuses (canonical English values; shown translated).
bool host_combo(const char* id, std::string& value, Lang L);
bool size_combo(const char* id, std::string& value, Lang L);
bool status_combo(const char* id, std::string& value, Lang L);

}  // namespace yz::app
