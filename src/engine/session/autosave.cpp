#include "engine/session/autosave.hpp"

#include <cstdlib>
#include <filesystem>
#include <functional>

#include "engine/session/session_file.hpp"

namespace yz {
namespace fs = std::filesystem;

std::string state_dir() {
  fs::path d;
  if (const char* e = std::getenv("YIZHAN_STATE_DIR"); e && *e)
    d = e;
  else if (const char* x = std::getenv("XDG_STATE_HOME"); x && *x)
    d = fs::path(x) / "yizhan";
  else if (const char* h = std::getenv("HOME"); h && *h)
    d = fs::path(h) / ".local" / "state" / "yizhan";
  else
    d = fs::temp_directory_path() / "yizhan";
  std::error_code ec;
  fs::create_directories(d, ec);
  return d.string();
}

std::string autosave_path(const std::string& session_path) {
  const fs::path dir = fs::path(state_dir()) / "autosave";
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (session_path.empty()) return (dir / "untitled.autosave.gpkg").string();
  const std::string abs = fs::absolute(session_path).lexically_normal().string();
  // FNV-1a: stable across runs and builds (std::hash need not be).
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : abs) h = (h ^ c) * 1099511628211ull;
  char tag[17];
  std::snprintf(tag, sizeof tag, "%016llx", static_cast<unsigned long long>(h));
  return (dir / (fs::path(abs).stem().string() + "-" + tag + ".autosave.gpkg")).string();
}

std::optional<Recovery> find_recovery(const std::string& session_path) {
  const std::string a = autosave_path(session_path);
  std::error_code ec;
  if (!fs::is_regular_file(a, ec)) return std::nullopt;
  if (!session_path.empty() && fs::exists(session_path, ec) &&
      fs::last_write_time(a, ec) <= fs::last_write_time(session_path, ec))
    return std::nullopt;
  try {
    SessionFile f = read_session_file(a);
    return Recovery{a, f.saved_at, session_path};
  } catch (const std::exception&) {
    return std::nullopt;  // a damaged autosave is not offered (and not deleted: nothing is lost)
  }
}

void discard_autosave(const std::string& session_path) {
  std::error_code ec;
  fs::remove(autosave_path(session_path), ec);
}

}  // namespace yz
