#include "app/render/map_view.hpp"

namespace yz::app {
namespace {

constexpr double kOriginResetM = 50'000;  // a map this far from the origin gets a new origin

}  // namespace

MapView::MapView() = default;

void MapView::set_map(const RoadLines& lines) {
  const Box bounds = lines.bounds();
  if (!bounds.empty() && (!have_origin_ || distance(bounds.centre(), origin_) > kOriginResetM)) {
    // A new place: buffers relative to the old origin are dropped until the next set_scene.
    origin_ = bounds.centre();
    have_origin_ = true;
    demand_.reset();
    walk_.reset();
    circles_.reset();
    joins_.reset();
    mobile_.reset();
    markers_.reset();
  }
  compositor_.map_changed();
  base_.set(lines, origin_);
}

void MapView::set_scene(const MapScene& scene) {
  const auto t0 = std::chrono::steady_clock::now();
  if (!have_origin_) {
    if (!scene.stations.empty())
      origin_ = scene.stations[0].xy, have_origin_ = true;
    else if (!scene.demand_xy.empty())
      origin_ = scene.demand_xy[0], have_origin_ = true;
  }
  SceneChanges changed;
  demand_.set(scene, origin_, changed);
  walk_.set(scene, origin_, changed);
  circles_.set(scene, origin_, changed);
  joins_.set(scene, origin_, changed);
  mobile_.set(scene, origin_);
  markers_.set(scene, origin_);
  compositor_.scene_changed(changed);
  set_scene_ms_ =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

void MapView::draw_layer(MapLayer l, const LayerStyle& look) {
  switch (l) {
    case MapLayer::areas:
    case MapLayer::streets:
      base_.draw(l, look, painter_);
      break;
    case MapLayer::demand_density:
    case MapLayer::demand_points:
    case MapLayer::uncovered:
    case MapLayer::disagreement:
      demand_.draw(l, look, painter_);
      break;
    case MapLayer::walk_areas:
      walk_.draw(look, painter_);
      break;
    case MapLayer::circles:
      circles_.draw(look, painter_);
      break;
    case MapLayer::joins:
      joins_.draw(look, painter_);
      break;
    case MapLayer::stations:
      mobile_.draw(look, painter_);  // rounds under the station markers
      markers_.draw(l, look, painter_);
      break;
    case MapLayer::candidates:
    case MapLayer::scenario_diff:
    case MapLayer::suggestions:
      markers_.draw(l, look, painter_);
      break;
    case MapLayer::count:
      break;
  }
}

void MapView::draw(const Camera& cam, const LayerStyles& styles, int fb_width, int fb_height,
                   bool preview) {
  compositor_.draw(cam, styles, fb_width, fb_height, preview,
                   [&](MapCompositor::Group g, const Camera& c, int w, int h) {
                     painter_.begin(c, origin_, w, h);
                     for (MapLayer l : MapCompositor::layers(g)) {
                       const LayerStyle& look = styles[l];
                       if (!look.visible || look.opacity <= 0) continue;  // hidden: costs nothing
                       draw_layer(l, look);
                     }
                   });
}

}  // namespace yz::app
