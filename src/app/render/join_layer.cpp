#include "app/render/join_layer.hpp"

namespace yz::app {

void JoinLayer::reset() {
  buf_.count = 0;
  lines_.clear();
  box_ = Box{};
}

void JoinLayer::set(const MapScene& scene, Vec2 origin, SceneChanges& changed) {
  if (scene.join_lines == lines_) return;
  changed.mark(box_);
  lines_ = scene.join_lines;
  if (!buf_.vao) buf_ = line_buffer();
  mesh_.clear();
  mesh_.origin = origin;
  box_ = Box{};
  for (const auto& l : lines_) {
    mesh_.line(l, style::walk_width_px, Rgba{255, 255, 255}, true);
    for (Vec2 p : l) box_.add(p);
  }
  upload(buf_, mesh_);
  changed.mark(box_);
}

void JoinLayer::draw(const LayerStyle& look, MapPainter& p) {
  if (!buf_.vao || buf_.count == 0) return;
  p.use_lines(look.color, look.opacity);
  p.draw_triangles(buf_);
}

}  // namespace yz::app
