#pragma once
// Where Yizhan's own data files (data/: tag profiles, configs) live: $YIZHAN_DATA, then beside the
// running executable (<bin>/../share/yizhan: an installed or relocated package), then the source
// tree's data/ (build from source), then the configured install prefix.
#include <filesystem>
#include <string>
#include <vector>

namespace yz {

// Full path of a file in data/, e.g. data_file("walk_profile.json"); throws if not found.
std::string data_file(const std::string& name);

// The folders data_file() tries, in order (some may not exist).
std::vector<std::filesystem::path> data_dirs();

// <folder of the running executable>/../share/yizhan (the GNU layout the package installs);
// empty when the executable's path is unknown.
std::filesystem::path installed_data_dir();

}  // namespace yz
