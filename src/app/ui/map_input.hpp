#pragma once
// Mouse and keys on the map: pan (drag the empty map, right or middle drag), zoom about the
// cursor (wheel), select, drag a station to move it (one undo step), add (Add tool or click with
// the Add tool), remove (Remove tool, Delete key), double-click a candidate to build there, hover
// tooltips for stations, candidates, suggestions and workers; the app's shortcuts.
#include "app/app_state.hpp"

namespace yz::app {

class MapInput {
 public:
  void update(AppState& st);

 private:
  void hover_tooltip(AppState& st, Vec2 world, float mx, float my);
  void shortcuts(AppState& st);
  int drag_slot_ = -1;
  bool drag_moved_ = false;
  PlanStation drag_before_;
  bool pressed_on_map_ = false;
};

// Fits the camera so `b` fills the map area.
void fit_view(AppState& st, const Box& b);

}  // namespace yz::app
