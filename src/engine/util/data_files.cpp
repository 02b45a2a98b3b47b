#include "engine/util/data_files.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/msg_codes.hpp"

#include <cstdlib>
#include <stdexcept>
#include <system_error>

namespace yz {

std::filesystem::path installed_data_dir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec || exe.empty()) return {};
  // YIZHAN_RELATIVE_DATA_DIR is the install's data folder relative to its bin folder
  // (GNUInstallDirs).
  return (exe.parent_path() / YIZHAN_RELATIVE_DATA_DIR).lexically_normal();
}

std::vector<std::filesystem::path> data_dirs() {
  std::vector<std::filesystem::path> dirs;
  if (const char* env = std::getenv("YIZHAN_DATA")) dirs.emplace_back(env);
  if (auto d = installed_data_dir(); !d.empty()) dirs.push_back(std::move(d));
  dirs.emplace_back(YIZHAN_SOURCE_DATA_DIR);
  dirs.emplace_back(YIZHAN_INSTALL_DATA_DIR);
  return dirs;
}

std::string data_file(const std::string& name) {
  for (const auto& d : data_dirs()) {
    auto p = d / name;
    std::error_code ec;
    if (std::filesystem::exists(p, ec)) return p.string();
  }
  throw CodedError("", Msg::data_file_missing, {{"name", name}});
}

}  // namespace yz
