#pragma once
// The island rule's joins (MapLayer::joins): every street of each small disconnected piece a
// worker or station was joined off, and the straight connecting lines, as one line mesh.
#include <vector>

#include "app/render/map_painter.hpp"
#include "app/render/scene_changes.hpp"

namespace yz::app {

class JoinLayer {
 public:
  JoinLayer() = default;
  ~JoinLayer() { free_buffer(buf_); }
  JoinLayer(const JoinLayer&) = delete;
  JoinLayer& operator=(const JoinLayer&) = delete;

  void reset();  // a new origin
  void set(const MapScene& scene, Vec2 origin, SceneChanges& changed);
  void draw(const LayerStyle& look, MapPainter& p);

 private:
  GlBuffer buf_;
  std::vector<std::vector<Vec2>> lines_;
  Box box_;
  MeshBuilder mesh_;
};

}  // namespace yz::app
