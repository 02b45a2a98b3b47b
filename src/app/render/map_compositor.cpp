#include "app/render/map_compositor.hpp"

#include <algorithm>
#include <bit>

#include "app/render/gl.hpp"

namespace yz::app {
namespace {

const std::vector<MapLayer> kBaseLayers = {MapLayer::areas, MapLayer::streets};
const std::vector<MapLayer> kOverlayLayers = {
    MapLayer::demand_density, MapLayer::walk_areas,   MapLayer::circles, MapLayer::demand_points,
    MapLayer::uncovered,      MapLayer::disagreement, MapLayer::joins};
const std::vector<MapLayer> kLiveLayers = {MapLayer::candidates, MapLayer::scenario_diff,
                                           MapLayer::stations, MapLayer::suggestions};

uint64_t looks_key(const LayerStyles& styles, const std::vector<MapLayer>& layers,
                   uint64_t version) {
  uint64_t h = 0xcbf29ce484222325ull ^ version;
  for (MapLayer l : layers) {
    const LayerStyle& s = styles[l];
    const uint64_t v = uint64_t{s.visible} | uint64_t{std::bit_cast<uint32_t>(s.opacity)} << 1 |
                       uint64_t{s.color.r} << 33 | uint64_t{s.color.g} << 41 |
                       uint64_t{s.color.b} << 49 | uint64_t{s.color.a} << 57;
    h = (h ^ v) * 0x100000001b3ull;
    h ^= h >> 31;
  }
  return h;
}

// Into a cache: colour blended as usual, alpha accumulated so the picture is premultiplied.
void premultiplied_blend() {
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

}  // namespace

const std::vector<MapLayer>& MapCompositor::layers(Group g) {
  return g == Group::base ? kBaseLayers : g == Group::overlay ? kOverlayLayers : kLiveLayers;
}

void MapCompositor::map_changed() {
  ++map_version_;
  ++overlay_version_;
}

void MapCompositor::scene_changed(const SceneChanges& c) {
  if (c.overlay_all) ++overlay_version_;
  if (!c.overlay.empty()) overlay_dirty_.add(c.overlay.min), overlay_dirty_.add(c.overlay.max);
}

void MapCompositor::draw(const Camera& cam, const LayerStyles& styles, int fb_width, int fb_height,
                         bool preview, const DrawGroup& draw_group) {
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glDisable(GL_SCISSOR_TEST);
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glEnable(GL_PROGRAM_POINT_SIZE);
  premultiplied_blend();
  const Rgba bg = style::background;
  const float opaque_bg[4] = {bg.r / 255.f, bg.g / 255.f, bg.b / 255.f, 1};
  const float clear[4] = {0, 0, 0, 0};
  int w = 0, h = 0;
  auto finish = [] {
    glDisable(GL_PROGRAM_POINT_SIZE);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glBindVertexArray(0);
    glUseProgram(0);
  };

  // Both caches share one view (the base's): a pan or zoom redraws both, a change of the plan's
  // layers only the overlay, an edit only around what it changed.
  const uint64_t base_key = looks_key(styles, kBaseLayers, map_version_);
  const uint64_t overlay_key = looks_key(styles, kOverlayLayers, overlay_version_);
  bool compose = false, compose_part = false;
  Camera c;
  const bool new_view = !base_.covers(cam, fb_width, fb_height, base_key);
  if (new_view && preview && frame_.valid() && overlay_dirty_.empty()) {
    glViewport(0, 0, fb_width, fb_height);
    glClearColor(opaque_bg[0], opaque_bg[1], opaque_bg[2], 1);
    glClear(GL_COLOR_BUFFER_BIT);
    frame_.composite(cam);
    premultiplied_blend();
    draw_group(Group::live, cam, fb_width, fb_height);
    finish();
    return;
  }
  if (new_view) {
    c = base_.begin(cam, fb_width, fb_height, base_key, opaque_bg, w, h);
    draw_group(Group::base, c, w, h);
    base_.end();
  }
  // An edit redraws what it changed on screen now and the rest of it (in the cache's margin)
  // once the view moves: zoomed in, a station's area spans more than the screen.
  const bool moved = !(cam.centre == last_centre_);
  last_centre_ = cam.centre;
  Box todo;
  if (new_view || !overlay_.covers(cam, fb_width, fb_height, overlay_key)) {
    c = overlay_.begin_like(base_, overlay_key, clear, w, h);
    draw_group(Group::overlay, c, w, h);
    overlay_.end();
    compose = true;
    pending_ = Box{};
  } else if (!overlay_dirty_.empty() || (moved && !pending_.empty())) {
    const double grow = 24 * cam.m_per_px;
    const Vec2 half{cam.width_px / 2 * cam.m_per_px + grow,
                    cam.height_px / 2 * cam.m_per_px + grow};
    const Box view{cam.centre - half, cam.centre + half};
    todo = overlay_dirty_;
    if (moved) {
      if (!pending_.empty()) todo.add(pending_.min), todo.add(pending_.max);
      pending_ = Box{};
    } else if (!todo.empty() && !(view.contains(todo.min) && view.contains(todo.max))) {
      pending_.add(todo.min), pending_.add(todo.max);
      todo = {{std::max(todo.min.x, view.min.x), std::max(todo.min.y, view.min.y)},
              {std::min(todo.max.x, view.max.x), std::min(todo.max.y, view.max.y)}};
    }
  }
  if (!todo.empty() && overlay_.begin_part(todo, 24, clear, c, w, h)) {
    // Lines and rings reach 24 px past their points.
    draw_group(Group::overlay, c, w, h);
    overlay_.end();
    compose_part = true;
  }
  overlay_dirty_ = Box{};
  // The two composed once per change, so a still frame is one copy. While edits keep coming (a
  // station dragged) they are drawn straight to the screen and composed once the plan rests.
  glViewport(0, 0, fb_width, fb_height);
  if (compose || !frame_.valid()) {
    frame_.begin_like(base_, 0, opaque_bg, w, h);
    frame_.copy_from(base_);
    overlay_.composite(frame_.camera());
    frame_.end();
    frame_stale_ = LayerCache::Rect{};
  } else if (compose_part) {
    const LayerCache::Rect& r = overlay_.last_part();
    if (frame_stale_.w == 0) {
      frame_stale_ = r;
    } else {
      const int x1 = std::max(frame_stale_.x + frame_stale_.w, r.x + r.w);
      const int y1 = std::max(frame_stale_.y + frame_stale_.h, r.y + r.h);
      frame_stale_.x = std::min(frame_stale_.x, r.x),
      frame_stale_.y = std::min(frame_stale_.y, r.y);
      frame_stale_.w = x1 - frame_stale_.x, frame_stale_.h = y1 - frame_stale_.y;
    }
    base_.blit(cam, fb_width, fb_height);
    overlay_.composite(cam);
  } else if (frame_stale_.w > 0) {
    frame_.begin_rect(frame_stale_);
    frame_.copy_from(base_);
    overlay_.composite(frame_.camera());
    frame_.end();
    frame_stale_ = LayerCache::Rect{};
  }
  if (!compose_part) frame_.blit(cam, fb_width, fb_height);
  premultiplied_blend();
  draw_group(Group::live, cam, fb_width, fb_height);
  finish();
}

}  // namespace yz::app
