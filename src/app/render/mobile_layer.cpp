#include "app/render/mobile_layer.hpp"

#include "app/render/app_palette.hpp"

namespace yz::app {

MobileLayer::~MobileLayer() {
  free_buffer(routes_);
  free_buffer(stops_);
}

void MobileLayer::reset() {
  routes_.count = stops_.count = 0;
}

void MobileLayer::set(const MapScene& scene, Vec2 origin) {
  if (scene.mobile.empty() && routes_.count == 0 && stops_.count == 0) return;  // none: no GL
  if (!routes_.vao) routes_ = line_buffer();
  if (!stops_.vao) stops_ = marker_buffer();
  mesh_.clear();
  mesh_.origin = origin;
  marks_.clear();
  marks_.origin = origin;
  constexpr Rgba kWhite{255, 255, 255};
  for (const SceneRound& r : scene.mobile) {
    if (r.stops.size() >= 2)
      mesh_.line(r.stops, app_style::mobile_route_px, app_style::mobile_route);
    for (size_t i = 0; i < r.stops.size(); ++i)
      if (static_cast<int>(i) != r.current)
        marks_.add(r.stops[i], MarkerShape::circle, app_style::mobile_stop_px, kWhite,
                   app_style::mobile_stop, 2, kEdge);
  }
  // The current stops last, on top of the others.
  for (const SceneRound& r : scene.mobile)
    if (r.current >= 0 && static_cast<size_t>(r.current) < r.stops.size())
      marks_.add(r.stops[static_cast<size_t>(r.current)], MarkerShape::circle,
                 app_style::mobile_current_px, app_style::mobile_current, kWhite, 2, kEdge);
  upload(routes_, mesh_);
  upload(stops_, marks_);
}

void MobileLayer::draw(const LayerStyle& look, MapPainter& p) {
  if (routes_.count > 0) {
    p.use_lines(look.color, look.opacity);  // no vertex takes the layer colour
    p.draw_triangles(routes_);
  }
  p.draw_markers(stops_, look.color, look.opacity);
}

}  // namespace yz::app
