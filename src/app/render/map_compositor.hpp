#pragma once
// The map's cached pictures (layer_cache.hpp) and what to redraw of them. Layers are drawn in
// three groups: the base map (areas, streets), redrawn when the view or their looks change; the
// plan's overlay (density, walk areas, circles, demand, joins), redrawn in part after an edit
// (only around what the layer families said changed); and live markers, drawn on top every
// frame. The first two are composed into one picture, so a still frame is one copy plus markers.
// It draws nothing itself: it calls back with a group, a camera and a framebuffer size.
#include <cmath>
#include <cstdint>
#include <functional>
#include <vector>

#include "app/render/camera.hpp"
#include "app/render/layer_cache.hpp"
#include "app/render/map_scene.hpp"
#include "app/render/scene_changes.hpp"

namespace yz::app {

class MapCompositor {
 public:
  enum class Group { base, overlay, live };
  // kDrawOrder (map_view.hpp) split into the groups.
  static const std::vector<MapLayer>& layers(Group g);
  using DrawGroup = std::function<void(Group, const Camera&, int fb_w, int fb_h)>;

  void map_changed();  // a new map: both pictures are stale
  void scene_changed(const SceneChanges& c);
  // Draws into the framebuffer bound at the call; `preview` as MapView::draw.
  void draw(const Camera& cam, const LayerStyles& styles, int fb_width, int fb_height, bool preview,
            const DrawGroup& draw_group);

 private:
  LayerCache base_, overlay_, frame_;  // frame_: the two composed
  uint64_t map_version_ = 0, overlay_version_ = 0;
  Box overlay_dirty_;             // changed since the last draw
  Box pending_;                   // changed off screen, redrawn when the view moves
  LayerCache::Rect frame_stale_;  // overlay parts not yet composed into frame_
  Vec2 last_centre_{NAN, NAN};
};

}  // namespace yz::app
