#pragma once
// Draws the map with OpenGL 3.3: water and parks (stencil-filled polygons, any shape, holes kept),
// streets by class, demand density, demand points by walk cover count with the uncovered and
// disagreement highlights, walk areas, 1 km circles, candidates, scenario differences, stations
// (shape by host type, fill by status) and suggestions. The map is uploaded once (set_map), the
// plan on every edit (set_scene, re-uploading only what changed), and each layer's visibility,
// opacity and colour are uniforms at draw time, so restyling never rebuilds a buffer.
#include <array>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "app/render/camera.hpp"
#include "app/render/density_layer.hpp"
#include "app/render/gl_program.hpp"
#include "app/render/layer_cache.hpp"
#include "app/render/map_scene.hpp"
#include "app/render/mesh_builder.hpp"
#include "app/render/street_mesh.hpp"
#include "engine/map/road_lines.hpp"

namespace yz::app {

// The first app's on/off toggles (AppState::layers), until the Layers panel uses LayerStyles.
struct MapLayers {
  bool walk_areas = true, circles = true, demand = true;
};

// The order layers are painted in (MapLayer's order is the Layers panel's): walk areas and circles
// go under the demand points so the workers' cover colours stay exact and readable on top.
inline constexpr MapLayer kDrawOrder[] = {
    MapLayer::areas,      MapLayer::streets,       MapLayer::demand_density, MapLayer::walk_areas,
    MapLayer::circles,    MapLayer::demand_points, MapLayer::uncovered,      MapLayer::disagreement,
    MapLayer::joins,      MapLayer::candidates,    MapLayer::scenario_diff,  MapLayer::stations,
    MapLayer::suggestions};

// What each layer's colour (LayerStyle::color) recolours: areas: water; streets: the white
// (minor) streets; demand_density: the ramp's high end; demand_points: workers no station
// reaches on foot; uncovered, disagreement: the highlight; walk_areas, circles: the lines (their
// alpha is the layer's translucency; the selected station's stays stronger); candidates: the
// outline; scenario_diff: what this plan gains (losses stay red); stations: built stations' fill;
// suggestions: the star.
class MapView {
 public:
  MapView();  // needs a current OpenGL 3.3 core context (its caches bring their own stencil)
  ~MapView();
  MapView(const MapView&) = delete;
  MapView& operator=(const MapView&) = delete;

  void set_map(const RoadLines& lines);   // static: areas and streets
  void set_scene(const MapScene& scene);  // dynamic layers; keeps no pointer into `scene`
  // Draws into the framebuffer bound at the call (the window, or an offscreen one in tests), all
  // of it: no clear needed. A still frame is one copy of a cached picture plus the markers.
  // `preview`: while the planner is zooming or panning fast, show the last finished picture
  // scaled and shifted (plus the live markers) instead of redrawing every street each frame; the
  // caller draws once more without it when the view rests.
  void draw(const Camera& cam, const LayerStyles& styles, int fb_width, int fb_height,
            bool preview = false);

  double last_set_scene_ms() const { return set_scene_ms_; }
  bool density_supported() const { return density_.supported(); }

 private:
  struct Buffer {
    unsigned vao = 0, vbo = 0;
    int count = 0;
    size_t capacity = 0;  // bytes allocated on the GPU
  };
  struct WalkMesh {
    uint64_t hash = 0;  // of the station's reached pieces
    Buffer buf;
    Box bounds;  // metres
    bool used = false;
  };

  Buffer line_buffer();
  Buffer marker_buffer();
  void free_buffer(Buffer& b);
  // `grow`: keep spare room so the next edit's upload fits without reallocating.
  void upload(Buffer& b, const void* data, size_t bytes, int count, bool grow = true);
  void upload(Buffer& b, const MeshBuilder& m, bool grow = true) {
    upload(b, m.v.data(), m.v.size() * sizeof(MapVertex), static_cast<int>(m.v.size()), grow);
  }
  void upload(Buffer& b, const MarkerBuilder& m) {
    upload(b, m.v.data(), m.v.size() * sizeof(MarkerVertex), static_cast<int>(m.v.size()));
  }

  void set_demand(const MapScene& scene);
  void set_walk_areas(const MapScene& scene);
  void set_circles(const MapScene& scene);
  void set_joins(const MapScene& scene);
  void set_markers(const MapScene& scene);

  void use_lines(Rgba main, float opacity, float width_scale = 1);
  void draw_triangles(const Buffer& b, int first = 0, int count = -1) const;
  void fill_areas(const Buffer& fan, const Buffer& box) const;
  void draw_streets(const Camera& cam, const LayerStyle& look);
  // Draws the ranges of `first`/`count` (per pass and tile) whose tile is on screen.
  void draw_tiles(const Buffer& b, const std::vector<int>& first, const std::vector<int>& count,
                  const std::vector<uint8_t>& tile_visible);
  void draw_markers(const Buffer& b, Rgba main, float opacity);
  void draw_demand(unsigned vao, int count, bool indexed, int mode, const LayerStyle& look,
                   float size_px);
  void draw_layer(MapLayer l, const Camera& cam, const LayerStyle& look, int fb_w, int fb_h);
  // Sets the camera uniforms and draws `layers` (in drawing order) that are visible.
  void draw_layers(const std::vector<MapLayer>& layers, const Camera& cam,
                   const LayerStyles& styles, int fb_w, int fb_h);
  void mark_dirty(Box world);  // the overlay cache must redraw this (metres)

  GlProgram lines_, markers_, demand_;
  struct {
    int scale, shift, pixel, width_scale, main, opacity;
  } ul_{};
  struct {
    int scale, shift, fb_scale, main, opacity, edge;
  } um_{};
  struct {
    int scale, shift, size, cover, mode, main, opacity;
  } ud_{};
  DensityLayer density_;
  // Layers are drawn through two cached pictures (layer_cache.hpp): the base map (areas, streets),
  // redrawn when the view or their looks change, and the plan's overlay (density, walk areas,
  // circles, demand), redrawn in part after an edit; markers are drawn live on top every frame.
  LayerCache base_, overlay_, frame_;  // frame_: the two composed
  uint64_t map_version_ = 0, overlay_version_ = 0;
  Box overlay_dirty_;             // changed since the last draw
  Box pending_;                   // changed off screen, redrawn when the view moves
  LayerCache::Rect frame_stale_;  // overlay parts not yet composed into frame_
  Vec2 last_centre_{NAN, NAN};

  // Map metres are stored relative to this (the map's centre) for float precision.
  Vec2 origin_{0, 0};
  bool have_origin_ = false;
  float scale_[2] = {1, 1}, shift_[2] = {0, 0}, fb_scale_ = 1;

  Buffer water_fan_, water_box_, park_fan_, park_box_;
  // Streets by level of detail, each with vertex ranges per (pass, tile) (street_mesh.hpp).
  struct StreetGpu {
    double from_m_per_px = 0;
    Buffer streets, casings;
    std::vector<int> street_first, street_count, casing_first, casing_count;
    std::vector<Box> tile_box;
  };
  std::vector<StreetGpu> street_levels_;
  std::vector<int> multi_first_, multi_count_;  // scratch for glMultiDrawArrays

  // Walk areas: one buffer per distinct reached-piece set, reused across edits (an edit rebuilds
  // only the station it touched); drawn in scene order with the selected one last.
  std::vector<WalkMesh> walk_pool_;
  std::unordered_map<uint64_t, uint32_t> walk_index_;  // hash -> pool entry
  std::vector<uint64_t> walk_hash_;                    // per scene station (0 = no area)
  std::vector<uint32_t> walk_draw_, old_walk_draw_;
  std::vector<int> walk_delta_;
  int walk_selected_ = -1;  // index into walk_draw_ of the selected station's area

  Buffer circles_;
  Buffer joins_;  // join_lines as a line mesh
  std::vector<std::vector<Vec2>> join_lines_;
  Box joins_box_;
  std::vector<int> circle_first_;   // circle i = vertices [circle_first_[i], circle_first_[i+1])
  std::vector<double> circle_key_;  // x, y, selected per station, then the radius
  std::vector<std::array<double, 3>> old_circles_, new_circles_, changed_circles_;

  Buffer stations_, candidates_, suggestions_, diff_;

  // Demand: positions and weights (re-uploaded only when they change), cover counts (only the
  // changed range), and index lists of the highlighted workers.
  unsigned demand_vao_ = 0, uncovered_vao_ = 0, disagree_vao_ = 0;
  unsigned demand_pos_vbo_ = 0, demand_count_vbo_ = 0, uncovered_ibo_ = 0, disagree_ibo_ = 0;
  int demand_n_ = 0, uncovered_n_ = 0, disagree_n_ = 0;
  std::vector<Vec2> demand_xy_;
  std::vector<float> demand_w_;
  std::vector<uint8_t> demand_counts_;  // walk, radius per point
  std::vector<uint32_t> uncovered_, disagree_;
  uint64_t demand_version_ = 0;

  // Reused between calls so edits do not allocate.
  MeshBuilder mesh_;
  MarkerBuilder marks_;
  std::vector<float> floats_;
  std::vector<uint8_t> bytes_;
  std::vector<uint32_t> indices_;
  std::vector<uint8_t> tile_visible_;

  double set_scene_ms_ = 0;
};

}  // namespace yz::app
