#include "app/render/shader_files.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "engine/util/data_files.hpp"

namespace yz::app {

std::string read_shader(const std::string& name) {
  namespace fs = std::filesystem;
  // Same order as data files: $YIZHAN_SHADERS, beside the installed executable, the source tree,
  // the configured install prefix.
  std::vector<fs::path> dirs;
  if (const char* env = std::getenv("YIZHAN_SHADERS")) dirs.emplace_back(env);
  if (auto d = installed_data_dir(); !d.empty()) dirs.push_back(d / "shaders");
  dirs.emplace_back(YIZHAN_SOURCE_SHADER_DIR);
  dirs.emplace_back(YIZHAN_INSTALL_SHADER_DIR);
  for (const auto& d : dirs) {
    std::ifstream in(d / name);
    if (!in) continue;
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  throw std::runtime_error("Yizhan shader '" + name +
                           "' not found (set YIZHAN_SHADERS to the shaders/ folder)");
}

}  // namespace yz::app
