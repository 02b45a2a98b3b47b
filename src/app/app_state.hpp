#pragma once
// What the panels and the map share: the plan, the selection, the language and view toggles.
#include "app/map_view.hpp"
#include "app/scenario.hpp"
#include "app/strings.hpp"

namespace yz::app {

struct AppState {
  explicit AppState(Scenario s) : scenario(std::move(s)) {}
  Scenario scenario;
  int selected = -1;  // station slot, -1 = none
  Lang lang = Lang::en;
  MapLayers layers;
  bool add_on_click = true;
  CoverageParams edit_params;  // what the Coverage panel's fields hold until recomputed
  bool plan_dirty = true;      // map buffers need rebuilding (selection, layers)
  bool fit_requested = true;
};

}  // namespace yz::app
