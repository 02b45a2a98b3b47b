#include "app/render/map_style.hpp"

#include "app/render/map_scene.hpp"

namespace yz::app {

LayerStyles LayerStyles::defaults() {
  LayerStyles s;
  auto set = [&s](MapLayer l, Rgba c, bool visible = true, float opacity = 1) {
    s[l] = LayerStyle{visible, opacity, c};
  };
  set(MapLayer::areas, style::water);
  set(MapLayer::streets, {255, 255, 255});
  // Off by default: the points already show where workers are; the surface is for reading
  // concentrations on a whole-city view.
  set(MapLayer::demand_density, style::density_high, false, 0.85f);
  set(MapLayer::demand_points, style::demand0);
  set(MapLayer::uncovered, style::demand0);
  // Half strength: a fifth of the workers can sit inside a circle yet beyond the walk, and full
  // rings would bury the cover colours under them.
  set(MapLayer::disagreement, style::disagreement, true, 0.5f);
  // Orange: street pieces the island rule joined points off, and the straight connecting lines.
  set(MapLayer::joins, {235, 120, 0, 230});
  set(MapLayer::walk_areas, style::walk_area);
  set(MapLayer::circles, style::circle);
  set(MapLayer::candidates, style::candidate);
  set(MapLayer::scenario_diff, style::diff_gained);
  set(MapLayer::stations, style::station);
  set(MapLayer::suggestions, style::suggestion);
  return s;
}

}  // namespace yz::app
