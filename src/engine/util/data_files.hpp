#pragma once
// Where Yizhan's own data files (data/: tag profiles, configs) live: $YIZHAN_DATA, the source
// tree's data/ (build from source), or the install prefix.
#include <string>

namespace yz {

// Full path of a file in data/, e.g. data_file("walk_profile.json"); throws if not found.
std::string data_file(const std::string& name);

}  // namespace yz
