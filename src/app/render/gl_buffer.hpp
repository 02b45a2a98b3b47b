#pragma once
// A vertex array with its one vertex buffer, in the two layouts the map shaders read: line
// meshes (MapVertex: map.vert.glsl) and markers (MarkerVertex: marker.vert.glsl). Every layer
// family keeps its geometry in these.
#include <cstddef>

#include "app/render/mesh_builder.hpp"

namespace yz::app {

struct GlBuffer {
  unsigned vao = 0, vbo = 0;
  int count = 0;
  size_t capacity = 0;  // bytes allocated on the GPU
};

GlBuffer line_buffer();
GlBuffer marker_buffer();
void free_buffer(GlBuffer& b);
// `grow`: keep spare room so the next edit's upload fits without reallocating.
void upload(GlBuffer& b, const void* data, size_t bytes, int count, bool grow = true);
inline void upload(GlBuffer& b, const MeshBuilder& m, bool grow = true) {
  upload(b, m.v.data(), m.v.size() * sizeof(MapVertex), static_cast<int>(m.v.size()), grow);
}
inline void upload(GlBuffer& b, const MarkerBuilder& m) {
  upload(b, m.v.data(), m.v.size() * sizeof(MarkerVertex), static_cast<int>(m.v.size()));
}

}  // namespace yz::app
