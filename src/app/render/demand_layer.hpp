#pragma once
// The workers: points coloured by how many stations reach them (MapLayer::demand_points), those
// no walk reaches highlighted (uncovered), those inside a circle but beyond the walk ringed
// (disagreement), and the density surface (demand_density, density_layer.hpp). Positions and
// weights are uploaded only when they change; cover counts only in the range an edit changed.
#include <cstdint>
#include <vector>

#include "app/render/density_layer.hpp"
#include "app/render/map_painter.hpp"
#include "app/render/scene_changes.hpp"

namespace yz::app {

class DemandLayer {
 public:
  DemandLayer();
  ~DemandLayer();
  DemandLayer(const DemandLayer&) = delete;
  DemandLayer& operator=(const DemandLayer&) = delete;

  void reset();  // a new origin: everything is uploaded again
  void set(const MapScene& scene, Vec2 origin, SceneChanges& changed);
  void draw(MapLayer l, const LayerStyle& look, MapPainter& p);
  bool density_supported() const { return density_.supported(); }

 private:
  DensityLayer density_;
  unsigned demand_vao_ = 0, uncovered_vao_ = 0, disagree_vao_ = 0;
  unsigned pos_vbo_ = 0, count_vbo_ = 0, uncovered_ibo_ = 0, disagree_ibo_ = 0;
  int demand_n_ = 0, uncovered_n_ = 0, disagree_n_ = 0;
  std::vector<Vec2> xy_;
  std::vector<float> w_;
  std::vector<uint8_t> counts_;  // walk, radius per point
  std::vector<uint32_t> uncovered_, disagree_;
  uint64_t version_ = 0;
  // Reused between calls so edits do not allocate.
  std::vector<float> floats_;
  std::vector<uint8_t> bytes_;
  std::vector<uint32_t> indices_;
};

}  // namespace yz::app
