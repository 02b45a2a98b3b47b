#pragma once
// Each station's 1 km circle (MapLayer::circles), the selected one last in the fixed highlight
// colour; an edit redraws only the circles that came, went or changed selection.
#include <array>
#include <vector>

#include "app/render/map_painter.hpp"
#include "app/render/scene_changes.hpp"

namespace yz::app {

class CircleLayer {
 public:
  CircleLayer() : buf_(line_buffer()) {}
  ~CircleLayer() { free_buffer(buf_); }
  CircleLayer(const CircleLayer&) = delete;
  CircleLayer& operator=(const CircleLayer&) = delete;

  void reset();  // a new origin
  void set(const MapScene& scene, Vec2 origin, SceneChanges& changed);
  void draw(const LayerStyle& look, MapPainter& p);

 private:
  GlBuffer buf_;
  std::vector<int> first_;   // circle i = vertices [first_[i], first_[i+1])
  std::vector<double> key_;  // x, y, selected per station, then the radius
  std::vector<std::array<double, 3>> old_, new_, changed_;
  MeshBuilder mesh_;
};

}  // namespace yz::app
