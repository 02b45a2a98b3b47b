#pragma once
// Draws the map with OpenGL 3.3: water and parks, streets by class, demand density, demand points
// by walk cover count with the uncovered and disagreement highlights, walk areas, 1 km circles,
// joins, candidates, scenario differences, mobile stations' rounds, stations (shape by host
// type, fill by status) and suggestions. The map is uploaded once (set_map), the plan on every
// edit (set_scene, each layer family re-uploading only what changed), and each layer's
// visibility, opacity and colour are uniforms at draw time, so restyling never rebuilds a buffer.
//
// MapView only owns the pieces: one object per layer family (render/*_layer.hpp, each with
// set(...) to upload and draw(...) to paint), the programs and view transform they share
// (MapPainter) and the compositor that keeps the cached pictures and decides what to redraw
// (MapCompositor). A new layer is a new family or a new MapLayer of one, not state here.
#include <chrono>

#include "app/render/base_map_layer.hpp"
#include "app/render/circle_layer.hpp"
#include "app/render/demand_layer.hpp"
#include "app/render/join_layer.hpp"
#include "app/render/map_compositor.hpp"
#include "app/render/map_painter.hpp"
#include "app/render/marker_layers.hpp"
#include "app/render/mobile_layer.hpp"
#include "app/render/walk_area_layer.hpp"
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
// outline; scenario_diff: what this plan gains (losses stay red); stations: built stations' fill
// (mobile rounds keep their colours); suggestions: the star.
class MapView {
 public:
  MapView();  // needs a current OpenGL 3.3 core context (its caches bring their own stencil)
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

  // How long the last set_scene took (every family's upload), for the status bar.
  double last_set_scene_ms() const { return set_scene_ms_; }
  bool density_supported() const { return demand_.density_supported(); }

 private:
  void draw_layer(MapLayer l, const LayerStyle& look);

  MapPainter painter_;
  BaseMapLayer base_;
  DemandLayer demand_;
  WalkAreaLayer walk_;
  CircleLayer circles_;
  JoinLayer joins_;
  MobileLayer mobile_;
  MarkerLayers markers_;
  MapCompositor compositor_;

  // Map metres are stored relative to this (the map's centre) for float precision.
  Vec2 origin_{0, 0};
  bool have_origin_ = false;
  double set_scene_ms_ = 0;
};

}  // namespace yz::app
