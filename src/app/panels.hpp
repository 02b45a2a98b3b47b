#pragma once
// The ImGui panels: Coverage, Stations, What-if, the language switch and the debug overlay.
#include "app/app_state.hpp"

namespace yz::app {

void coverage_panel(AppState& st);
void stations_panel(AppState& st);
void what_if_panel(AppState& st);
void language_panel(AppState& st);
void debug_overlay(const AppState& st, float fps);

}  // namespace yz::app
