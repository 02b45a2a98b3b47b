#pragma once
// Street names on the map at street zoom levels: each named street once per view, along its
// longest straight piece on screen that holds the name, turned to read left to right, with a
// white halo; never over a station mark or label. From the map's `name` tags (`name:en` in the
// English interface where tagged), so Chinese and Latin names alike.
#include <imgui.h>

#include "app/app_state.hpp"
#include "engine/export/label_placement.hpp"

namespace yz::app {

// Names are drawn below this many metres per pixel (about 1:10 000 on screen).
inline constexpr double kStreetNamesMaxMPerPx = 3.0;

// Returns the number of names drawn.
int draw_street_names(const AppState& st, ImDrawList* dl, LabelPlacer& placer);

}  // namespace yz::app
