#include "app/render/gl_buffer.hpp"

#include "app/render/gl.hpp"

namespace yz::app {

GlBuffer line_buffer() {
  GlBuffer b;
  glGenVertexArrays(1, &b.vao);
  glGenBuffers(1, &b.vbo);
  glBindVertexArray(b.vao);
  glBindBuffer(GL_ARRAY_BUFFER, b.vbo);
  const auto at = [](size_t off) { return reinterpret_cast<const void*>(off); };
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(MapVertex), at(offsetof(MapVertex, x)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(MapVertex), at(offsetof(MapVertex, ox)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(MapVertex),
                        at(offsetof(MapVertex, r)));
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 1, GL_UNSIGNED_BYTE, GL_FALSE, sizeof(MapVertex),
                        at(offsetof(MapVertex, main)));
  glBindVertexArray(0);
  return b;
}

GlBuffer marker_buffer() {
  GlBuffer b;
  glGenVertexArrays(1, &b.vao);
  glGenBuffers(1, &b.vbo);
  glBindVertexArray(b.vao);
  glBindBuffer(GL_ARRAY_BUFFER, b.vbo);
  const auto at = [](size_t off) { return reinterpret_cast<const void*>(off); };
  const auto stride = static_cast<GLsizei>(sizeof(MarkerVertex));
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(MarkerVertex, x)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, at(offsetof(MarkerVertex, fill)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, at(offsetof(MarkerVertex, line)));
  glEnableVertexAttribArray(3);
  glVertexAttribIPointer(3, 4, GL_UNSIGNED_BYTE, stride, at(offsetof(MarkerVertex, shape)));
  glBindVertexArray(0);
  return b;
}

void free_buffer(GlBuffer& b) {
  if (b.vbo) glDeleteBuffers(1, &b.vbo);
  if (b.vao) glDeleteVertexArrays(1, &b.vao);
  b = GlBuffer{};
}

void upload(GlBuffer& b, const void* data, size_t bytes, int count, bool grow) {
  glBindBuffer(GL_ARRAY_BUFFER, b.vbo);
  if (bytes > b.capacity || (!grow && bytes != b.capacity)) {
    b.capacity = grow ? bytes + bytes / 4 : bytes;
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(b.capacity), nullptr,
                 grow ? GL_DYNAMIC_DRAW : GL_STATIC_DRAW);
  }
  if (bytes > 0) glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(bytes), data);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  b.count = count;
}

}  // namespace yz::app
