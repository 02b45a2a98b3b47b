#pragma once
// Finds and reads the GLSL sources in shaders/ (source tree, install tree, or $YIZHAN_SHADERS).
#include <string>

namespace yz::app {

std::string read_shader(const std::string& name);  // throws std::runtime_error when missing

}  // namespace yz::app
