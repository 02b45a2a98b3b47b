#pragma once
// The plan's markers, drawn live over the cached pictures every frame: stations (shape by host
// type, fill by status, grey while closed at the chosen hour), candidate sites, suggested sites
// and the scenario comparison (MapLayer::stations, candidates, suggestions, scenario_diff).
#include "app/render/map_painter.hpp"

namespace yz::app {

class MarkerLayers {
 public:
  MarkerLayers();
  ~MarkerLayers();
  MarkerLayers(const MarkerLayers&) = delete;
  MarkerLayers& operator=(const MarkerLayers&) = delete;

  void reset();  // a new origin
  void set(const MapScene& scene, Vec2 origin);
  void draw(MapLayer l, const LayerStyle& look, MapPainter& p);

 private:
  GlBuffer stations_, candidates_, suggestions_, diff_;
  MarkerBuilder marks_;
};

}  // namespace yz::app
