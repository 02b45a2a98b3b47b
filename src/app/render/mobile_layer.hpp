#pragma once
// Mobile stations' rounds (流动驿站: a van's schedule of stops, engine/inputs/mobile_schedule):
// each round's stops linked in order by a line, each stop a small disc, and the stop the van
// stands at in the hour chosen in the time control drawn large and filled. Shown and faded with
// the stations layer, in fixed colours (app_palette.hpp) the legend explains; drawn live under
// the station markers (a handful of vertices, and the hour changes without an edit).
#include "app/render/map_painter.hpp"

namespace yz::app {

class MobileLayer {
 public:
  MobileLayer() = default;
  ~MobileLayer();
  MobileLayer(const MobileLayer&) = delete;
  MobileLayer& operator=(const MobileLayer&) = delete;

  void reset();  // a new origin
  void set(const MapScene& scene, Vec2 origin);
  // With the stations layer's look (visibility and opacity; the colours stay).
  void draw(const LayerStyle& look, MapPainter& p);

 private:
  GlBuffer routes_, stops_;
  MeshBuilder mesh_;
  MarkerBuilder marks_;
};

}  // namespace yz::app
