#include "app/render/gl_program.hpp"

#include <stdexcept>

#include "app/render/gl.hpp"
#include "app/render/shader_files.hpp"

namespace yz::app {
namespace {

unsigned compile(GLenum type, const std::string& name) {
  const std::string src = read_shader(name);
  unsigned s = glCreateShader(type);
  const char* p = src.c_str();
  glShaderSource(s, 1, &p, nullptr);
  glCompileShader(s);
  int ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[2048];
    glGetShaderInfoLog(s, sizeof log, nullptr, log);
    glDeleteShader(s);
    throw std::runtime_error("shader " + name + ": " + log);
  }
  return s;
}

}  // namespace

GlProgram::GlProgram(const std::string& vert_file, const std::string& frag_file) {
  unsigned vs = compile(GL_VERTEX_SHADER, vert_file);
  unsigned fs = 0;
  try {
    fs = compile(GL_FRAGMENT_SHADER, frag_file);
  } catch (...) {
    glDeleteShader(vs);
    throw;
  }
  id_ = glCreateProgram();
  glAttachShader(id_, vs);
  glAttachShader(id_, fs);
  glLinkProgram(id_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  int ok = 0;
  glGetProgramiv(id_, GL_LINK_STATUS, &ok);
  if (!ok) {
    char log[2048];
    glGetProgramInfoLog(id_, sizeof log, nullptr, log);
    glDeleteProgram(id_);
    throw std::runtime_error("shader program " + vert_file + " + " + frag_file + ": " + log);
  }
}

GlProgram::~GlProgram() {
  glDeleteProgram(id_);
}

int GlProgram::uniform(const char* name) const {
  return glGetUniformLocation(id_, name);
}

void GlProgram::use() const {
  glUseProgram(id_);
}

}  // namespace yz::app
