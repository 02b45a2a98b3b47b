#pragma once
// What a layer family's upload changed, for the compositor (map_compositor.hpp) to decide what
// of its cached overlay picture to redraw: a box in map metres (an edit touches one station's
// workers and walk), or everything (new demand, a new radius).
#include "engine/geo/vec2.hpp"

namespace yz::app {

struct SceneChanges {
  Box overlay;               // metres; empty = nothing
  bool overlay_all = false;  // the whole overlay picture is stale
  void mark(Box b) {
    if (b.empty()) return;
    overlay.add(b.min);
    overlay.add(b.max);
  }
};

}  // namespace yz::app
