#include "engine/util/data_files.hpp"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace yz {

std::string data_file(const std::string& name) {
  namespace fs = std::filesystem;
  std::vector<fs::path> dirs;
  if (const char* env = std::getenv("YIZHAN_DATA")) dirs.emplace_back(env);
  dirs.emplace_back(YIZHAN_SOURCE_DATA_DIR);
  dirs.emplace_back(YIZHAN_INSTALL_DATA_DIR);
  for (const auto& d : dirs) {
    auto p = d / name;
    if (fs::exists(p)) return p.string();
  }
  throw std::runtime_error("Yizhan data file '" + name + "' not found (set YIZHAN_DATA to the data/ folder)");
}

}  // namespace yz
