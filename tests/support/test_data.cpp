#include "support/test_data.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace yz::test {

namespace fs = std::filesystem;

std::string data_dir() {
  if (const char* e = std::getenv("YIZHAN_DATA_DIR")) return e;
  if (const char* e = std::getenv("YIZHAN_DATA_DIR_DEFAULT")) return e;
  return YIZHAN_TEST_DATA_DIR;
}

std::string require_file(const std::string& path, const std::string& why) {
  if (!fs::exists(path)) {
    std::printf("SKIPPED: %s not found (%s)\n", path.c_str(), why.c_str());
    std::fflush(stdout);
    std::_Exit(4);
  }
  return path;
}

std::string require_data_dir() {
  const std::string d = data_dir();
  require_file(d + "/osm", "real OSM extracts; set YIZHAN_DATA_DIR to the folder holding osm/");
  return d;
}

std::vector<std::string> osm_extracts() {
  std::vector<std::string> out;
  const fs::path dir = fs::path(data_dir()) / "osm";
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string n = e.path().filename().string();
    if (n.ends_with(".osm") || n.ends_with(".pbf") || n.ends_with(".osm.bz2") || n.ends_with(".osm.gz"))
      out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string cli_exe() { return YIZHAN_CLI_EXE; }

int run_command(const std::string& cmd, std::string& output) {
  output.clear();
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return -1;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) output.append(buf.data(), n);
  const int st = pclose(p);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

std::string temp_dir() {
  static std::string dir = [] {
    std::string t = (fs::temp_directory_path() / ("yizhan-test-" + std::to_string(::getpid()))).string();
    // Fresh: a folder left by an earlier process with the same (recycled) PID would hold its
    // outputs, and a command writing one without --overwrite would fail.
    std::error_code ec;
    fs::remove_all(t, ec);
    fs::create_directories(t);
    return t;
  }();
  return dir;
}

std::vector<std::string> xvfb_run_argv(const std::string& name) {
  const std::string auth = temp_dir() + "/" + name + ".xauth";
  std::ofstream{auth};  // xauth warns about a missing file
  return {"xvfb-run", "-a", "-f", auth, "-s", "-screen 0 1280x800x24"};
}

}  // namespace yz::test
