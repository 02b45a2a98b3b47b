#pragma once
// Screen-space map furniture drawn with ImGui's background list over the map area: suggestion
// ranks and station labels (placed so they do not overlap), a scale bar, a north arrow (the local
// projection has north up), the data credit and the legend.
#include "app/app_state.hpp"
#include "app/render/map_scene.hpp"

namespace yz::app {

void draw_map_overlay(const AppState& st, const MapScene& scene);
// Scale-bar length: the largest 1/2/5 x 10^k metres not longer than `max_px` on screen.
double nice_scale_m(double m_per_px, double max_px);

}  // namespace yz::app
