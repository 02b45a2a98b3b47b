// An installed or relocated yizhan (<prefix>/bin/yizhan) reads its data files from
// <prefix>/share/yizhan before the source tree it was built from, so a package works wherever it
// is installed; `yizhan --version` prints the version help2man and the package take.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "engine/util/data_files.hpp"
#include "support/test_data.hpp"

namespace fs = std::filesystem;
using namespace yz::test;

namespace {

// A copy of the built program in prefix/bin with the source tree's data files in
// prefix/share/yizhan.
std::string relocated_copy(const std::string& prefix) {
  fs::create_directories(prefix + "/bin");
  fs::create_directories(prefix + "/share/yizhan");
  fs::copy_file(cli_exe(), prefix + "/bin/yizhan", fs::copy_options::overwrite_existing);
  const fs::path walk = yz::data_file("walk_profile.json");
  for (const auto& e : fs::directory_iterator(walk.parent_path()))
    if (e.is_regular_file())
      fs::copy_file(e.path(), prefix + "/share/yizhan/" + e.path().filename().string(),
                    fs::copy_options::overwrite_existing);
  return prefix + "/bin/yizhan";
}

}  // namespace

TEST_CASE("a relocated yizhan reads the data beside it first", "[cli][install]") {
  const std::string prefix = temp_dir() + "/prefix";
  const std::string exe = relocated_copy(prefix);
  std::string built, moved;
  REQUIRE(run_command("env -u YIZHAN_DATA " + cli_exe() + " demo --json", built) == 0);
  REQUIRE(run_command("cd / && env -u YIZHAN_DATA " + exe + " demo --json", moved) == 0);
  CHECK(nlohmann::json::parse(moved) == nlohmann::json::parse(built));

  // Spoil the installed copy only: the relocated program must be reading it (and name it), not
  // the source tree's good one.
  std::ofstream(prefix + "/share/yizhan/demo_city.json") << "{ not json";
  std::string out;
  CHECK(run_command("cd / && env -u YIZHAN_DATA " + exe + " demo", out) != 0);
  CHECK_THAT(out, Catch::Contains(prefix + "/share/yizhan/demo_city.json"));
}

TEST_CASE("data_dirs tries $YIZHAN_DATA, then beside the executable", "[cli][install]") {
  ::setenv("YIZHAN_DATA", "/nowhere/data", 1);
  const auto dirs = yz::data_dirs();
  ::unsetenv("YIZHAN_DATA");
  REQUIRE(dirs.size() >= 3);
  CHECK(dirs[0] == fs::path("/nowhere/data"));
  const fs::path exe_dir = fs::read_symlink("/proc/self/exe").parent_path();
  CHECK(dirs[1] == (exe_dir.parent_path() / "share" / "yizhan").lexically_normal());
}

TEST_CASE("yizhan --version prints the project version", "[cli][install]") {
  std::string out;
  REQUIRE(run_command(cli_exe() + " --version", out) == 0);
  CHECK(std::regex_match(out, std::regex("yizhan [0-9]+\\.[0-9]+\\.[0-9]+\n")));
}
