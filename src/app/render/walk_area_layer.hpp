#pragma once
// Each station's 15-minute walk (its reached streets), MapLayer::walk_areas: one buffer per
// distinct reached-piece set, reused across edits (an edit rebuilds only the station it
// touched); drawn in scene order with the selected one last, stronger and wider. A stencil lets
// every station tint a pixel once, so an area reads as one even wash and overlaps still show.
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "app/render/map_painter.hpp"
#include "app/render/scene_changes.hpp"

namespace yz::app {

class WalkAreaLayer {
 public:
  WalkAreaLayer() = default;
  ~WalkAreaLayer();
  WalkAreaLayer(const WalkAreaLayer&) = delete;
  WalkAreaLayer& operator=(const WalkAreaLayer&) = delete;

  void reset();  // a new origin: every area is built again
  void set(const MapScene& scene, Vec2 origin, SceneChanges& changed);
  void draw(const LayerStyle& look, MapPainter& p);

 private:
  struct WalkMesh {
    uint64_t hash = 0;  // of the station's reached pieces
    GlBuffer buf;
    Box bounds;  // metres
    bool used = false;
  };
  std::vector<WalkMesh> pool_;
  std::unordered_map<uint64_t, uint32_t> index_;  // hash -> pool entry
  std::vector<uint64_t> hash_;                    // per scene station (0 = no area)
  std::vector<uint32_t> draw_, old_draw_;
  std::vector<int> delta_;
  int selected_ = -1;  // index into draw_ of the selected station's area
  MeshBuilder mesh_;
};

}  // namespace yz::app
