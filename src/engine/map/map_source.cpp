#include "engine/map/map_source.hpp"

#include <filesystem>

namespace yz {

std::string MapSource::label() const {
  return demo() ? "demo city (synthetic)" : std::filesystem::path(path).filename().string();
}

}  // namespace yz
