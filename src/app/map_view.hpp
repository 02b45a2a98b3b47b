#pragma once
// Draws the map with OpenGL: water and parks (stencil-filled polygons, any shape, holes kept),
// streets by class, walk areas, 1 km circles, demand by cover count, station markers.
#include <cstdint>

#include "app/camera.hpp"
#include "app/mesh_builder.hpp"
#include "engine/map/road_lines.hpp"

namespace yz::app {

class Scenario;

struct MapLayers {
  bool walk_areas = true, circles = true, demand = true;
};

class MapView {
 public:
  MapView();
  ~MapView();
  MapView(const MapView&) = delete;
  MapView& operator=(const MapView&) = delete;

  void set_map(const RoadLines& lines);                                      // static layers
  void set_plan(const Scenario& sc, int selected, const MapLayers& layers);  // dynamic layers
  void draw(const Camera& cam, int fb_width, int fb_height) const;

 private:
  struct Buffer {
    unsigned vao = 0, vbo = 0;
    int count = 0;
  };
  enum Layer {
    water_fan,
    water_box,
    park_fan,
    park_box,
    casing,
    streets,
    walk,
    circles,
    demand,
    stations,
    kLayers
  };
  void upload(Layer l, const MeshBuilder& m);
  void draw_layer(Layer l) const;
  void fill_areas(Layer fan, Layer box) const;

  unsigned program_ = 0;
  int u_scale_ = -1, u_shift_ = -1, u_pixel_ = -1;
  Buffer buf_[kLayers];
};

}  // namespace yz::app
