// Writing to a full disk or a read-only folder: every output kind (GeoPackage, PNG, PDF, GeoTIFF,
// CSV, Shapefile, GeoJSON, KML) exits 2 with "cannot write FILE: no space left on device" /
// "read-only file system", prints no raw library line before it, and leaves nothing behind.
// Needs to mount a small tmpfs (root); SKIPPED (exit 4) with the reason where that is not allowed.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "support/test_data.hpp"

using namespace yz::test;
namespace fs = std::filesystem;

namespace {
// A tmpfs mounted for one test case, unmounted after.
struct SmallDisk {
  std::string dir;
  bool ok = false;
  SmallDisk(const std::string& name, const std::string& options) {
    dir = temp_dir() + "/" + name;
    fs::create_directories(dir);
    ok = std::system(("mount -t tmpfs -o " + options + " tmpfs " + dir + " 2>/dev/null").c_str()) ==
         0;
  }
  ~SmallDisk() {
    if (ok) std::system(("umount " + dir).c_str());
  }
};

bool mount_allowed() {
  SmallDisk probe("probe", "size=64k");
  return probe.ok;
}

size_t count_files(const std::string& dir) {
  size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) n += e.is_regular_file();
  return n;
}
}  // namespace

int skip_unless_mount = [] {
  if (!mount_allowed()) {
    std::cerr << "SKIPPED: cannot mount a small tmpfs here (needs root / CAP_SYS_ADMIN); "
                 "the full-disk and read-only cases need one\n";
    std::exit(4);
  }
  return 0;
}();

TEST_CASE(
    "Every output kind on a full disk: exit 2, the file and 'no space left on device', "
    "nothing left",
    "[cli][outputs][disk]") {
  const std::string common = cli_exe() + " export --demo --png-size 1600x1200 --cell-m 5 ";
  for (const char* fmt : {"gpkg", "png", "pdf", "tif", "csv", "shp", "geojson", "kml"}) {
    // 8 KiB: smaller than any of these outputs for the demo city.
    SmallDisk disk(std::string("full_") + fmt, "size=8k");
    REQUIRE(disk.ok);
    std::string out;
    const int rc = run_command(common + "--formats " + fmt + " --out-dir " + disk.dir, out);
    INFO(fmt << ": " << out);
    CHECK(rc == 2);
    CHECK(out.find("no space left on device") != std::string::npos);
    CHECK(out.find("cannot write") != std::string::npos);
    CHECK(out.find("ERROR ") == std::string::npos);  // no raw GDAL/SQLite line
    CHECK(out.find("internal error") == std::string::npos);
    CHECK(count_files(disk.dir) == 0);
    CHECK(fs::is_empty(disk.dir));
  }
  // Single-file outputs of the other commands.
  SmallDisk disk("full_single", "size=8k");
  REQUIRE(disk.ok);
  std::string out;
  CHECK(run_command(cli_exe() + " demo --out " + disk.dir + "/cov.gpkg", out) == 2);
  INFO(out);
  CHECK(out.find(disk.dir + "/cov.gpkg: cannot write: no space left on device") !=
        std::string::npos);
  CHECK(fs::is_empty(disk.dir));
}

TEST_CASE("A read-only folder: exit 2 naming the file and the reason, no raw library line",
          "[cli][outputs][disk]") {
  SmallDisk disk("readonly", "size=64k,ro");
  REQUIRE(disk.ok);
  std::string out;
  CHECK(run_command(cli_exe() + " demo --out " + disk.dir + "/cov.gpkg", out) == 2);
  INFO(out);
  CHECK(out.find(disk.dir + "/cov.gpkg: cannot write: read-only file system") != std::string::npos);
  CHECK(out.find("ERROR ") == std::string::npos);
  CHECK(run_command(cli_exe() + " export --demo --formats pdf --out-dir " + disk.dir, out) == 2);
  CHECK(out.find("cannot write: read-only file system") != std::string::npos);
  CHECK(out.find("ERROR ") == std::string::npos);
}
