#pragma once
// Screen-space map furniture drawn with ImGui's background list: station labels, a scale bar and
// a north arrow (the map's local projection has north up).
#include "app/app_state.hpp"
#include "app/camera.hpp"

namespace yz::app {

void draw_map_overlay(const AppState& st, const Camera& cam);
// Scale-bar length: the largest 1/2/5 x 10^k metres not longer than `max_px` on screen.
double nice_scale_m(double m_per_px, double max_px);

}  // namespace yz::app
