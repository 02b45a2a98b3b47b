#pragma once
// A linked GLSL program from two files in shaders/ (read with read_shader); throws
// std::runtime_error with the compiler's log when a shader does not build.
#include <string>

namespace yz::app {

class GlProgram {
 public:
  GlProgram(const std::string& vert_file, const std::string& frag_file);
  ~GlProgram();
  GlProgram(const GlProgram&) = delete;
  GlProgram& operator=(const GlProgram&) = delete;

  unsigned id() const { return id_; }
  int uniform(const char* name) const;  // -1 when the compiler dropped it
  void use() const;

 private:
  unsigned id_ = 0;
};

}  // namespace yz::app
