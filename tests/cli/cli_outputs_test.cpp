// What the CLI promises about its outputs: an output that is an input is refused, an existing file
// is replaced only with --overwrite, `export` reruns leave exactly the new run's files (manifest),
// and SIGINT/SIGTERM at any moment leave no partial file and no temporary (exit 130/143).
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "engine/export/export_folder.hpp"
#include "support/test_data.hpp"

extern char** environ;

using namespace yz::test;
namespace fs = std::filesystem;

namespace {
std::string fresh(const std::string& name) {
  const std::string d = temp_dir() + "/" + name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}
std::string get(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
// Every regular file under dir with its content (hidden ones included).
std::map<std::string, std::string> snapshot(const std::string& dir) {
  std::map<std::string, std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).generic_string()] = get(e.path());
  return out;
}
bool has_temporaries(const std::string& dir) {
  if (!fs::exists(dir)) return false;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const std::string n = e.path().filename().string();
    if (n.starts_with(".yizhan-tmp-") || n.starts_with(".tmp-") || n.ends_with("-journal"))
      return true;
  }
  return false;
}
std::set<std::string> manifest_files(const std::string& dir) {
  std::vector<std::string> v;
  REQUIRE(yz::ExportFolder::read_manifest(dir + "/yizhan_manifest.json", v));
  return {v.begin(), v.end()};
}
std::set<std::string> keys(const std::map<std::string, std::string>& m) {
  std::set<std::string> out;
  for (const auto& [k, v] : m) out.insert(k);
  return out;
}

// Starts the CLI with args (output to log), sends `sig` after `after`, returns the exit code
// (128 + signal when it died of one unhandled).
int run_and_signal(const std::vector<std::string>& args, std::chrono::milliseconds after, int sig,
                   const std::string& log) {
  std::vector<std::string> all{cli_exe()};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  pid_t pid = 0;
  REQUIRE(posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&fa);
  std::this_thread::sleep_for(after);
  kill(pid, sig);
  int st = 0;
  waitpid(pid, &st, 0);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
}  // namespace

TEST_CASE("An output that is one of the inputs is refused, naming both; the input is untouched",
          "[cli][outputs]") {
  const std::string d = fresh("same");
  std::string out;
  REQUIRE(run_command(cli_exe() + " demo-city --out-dir " + d, out) == 0);
  const auto before = snapshot(d);
  const std::string map = d + "/roads.gpkg", st = d + "/stations.gpkg";
  // --out is the stations file, spelt another way; then the map; with --overwrite too.
  CHECK(run_command(cli_exe() + " coverage --map " + map + " --sites " + st + " --out " + d +
                        "/./stations.gpkg --overwrite",
                    out) == 2);
  CHECK(out.find("stations.gpkg") != std::string::npos);
  CHECK(out.find("is also an input") != std::string::npos);
  CHECK(run_command(cli_exe() + " coverage --map " + map + " --sites " + st + " --out " + map,
                    out) == 2);
  CHECK(out.find("is also an input") != std::string::npos);
  // sites --layer X --out X
  CHECK(run_command(cli_exe() + " sites --map " + map + " --layer " + d +
                        "/candidates.gpkg --out " + d + "/candidates.gpkg --overwrite",
                    out) == 2);
  CHECK(out.find("is also an input") != std::string::npos);
  // export into the folder that holds its inputs, where plan files would not clash: allowed;
  // but not when an output name is an input's.
  fs::copy_file(st, d + "/plan.gpkg");
  const auto with_plan = snapshot(d);
  CHECK(run_command(cli_exe() + " export --map " + map + " --stations " + d +
                        "/plan.gpkg --formats gpkg --out-dir " + d + " --overwrite",
                    out) == 2);
  CHECK(out.find("is also an input") != std::string::npos);
  CHECK(snapshot(d) == with_plan);
  fs::remove(d + "/plan.gpkg");
  CHECK(snapshot(d) == before);
}

TEST_CASE("An existing output is replaced only with --overwrite", "[cli][outputs]") {
  const std::string d = fresh("overwrite");
  const std::string gpkg = d + "/cov.gpkg";
  std::string out;
  REQUIRE(run_command(cli_exe() + " demo --out " + gpkg, out) == 0);
  const std::string first = get(gpkg);
  CHECK(run_command(cli_exe() + " demo --minutes 10 --out " + gpkg, out) == 2);
  CHECK(out.find("already exists") != std::string::npos);
  CHECK(out.find("--overwrite") != std::string::npos);
  CHECK(get(gpkg) == first);
  CHECK(run_command(cli_exe() + " demo --minutes 10 --out " + gpkg + " --overwrite", out) == 0);
  CHECK(get(gpkg) != first);
  CHECK(fs::directory_iterator(d) != fs::directory_iterator());
  CHECK(!has_temporaries(d));
  // demo-city into a folder that has its files.
  CHECK(run_command(cli_exe() + " demo-city --out-dir " + d + "/city", out) == 0);
  CHECK(run_command(cli_exe() + " demo-city --out-dir " + d + "/city", out) == 2);
  CHECK(run_command(cli_exe() + " demo-city --out-dir " + d + "/city --overwrite", out) == 0);
}

TEST_CASE("export twice into one folder: exactly the second run's files, listed in the manifest",
          "[cli][outputs]") {
  const std::string d = fresh("rerun");
  const std::string common = " export --demo --png-size 400x300 --cell-m 200 --time-limit 2 ";
  std::string out;
  REQUIRE(run_command(cli_exe() + common + "--k 1 --out-dir " + d, out) == 0);
  INFO(out);
  auto files = snapshot(d);
  CHECK(files.count("geojson/suggestions.geojson"));
  CHECK(files.count("shp/suggestions.dbf"));
  files.erase("yizhan_manifest.json");
  CHECK(manifest_files(d) == keys(files));
  // Second run without --k: no suggestions; the first run's suggestion files must go.
  REQUIRE(run_command(cli_exe() + common + "--out-dir " + d, out) == 0);
  files = snapshot(d);
  for (const auto& [f, text] : files) CHECK(f.find("suggestions") == std::string::npos);
  files.erase("yizhan_manifest.json");
  CHECK(manifest_files(d) == keys(files));
  CHECK((out.find("Removed") != std::string::npos || out.find("已删除") != std::string::npos));
  // A foreign file with an output's name stops the export before it writes anything ...
  const std::string foreign = d + "/../foreign";
  fs::create_directories(foreign);
  std::ofstream(foreign + "/map.png") << "not ours";
  CHECK(run_command(cli_exe() + common + "--formats png,pdf --out-dir " + foreign, out) == 2);
  CHECK(out.find("map.png") != std::string::npos);
  CHECK(out.find("--overwrite") != std::string::npos);
  CHECK(keys(snapshot(foreign)) == std::set<std::string>{"map.png"});
  // ... and --overwrite replaces it.
  CHECK(run_command(cli_exe() + common + "--formats png,pdf --out-dir " + foreign + " --overwrite",
                    out) == 0);
  CHECK(keys(snapshot(foreign)) ==
        std::set<std::string>{"map.png", "map.pgw", "map.png.aux.xml", "report.pdf",
                              "yizhan_manifest.json"});
}

TEST_CASE(
    "SIGINT/SIGTERM during export: exit 130/143, no partial file, no temporary; a folder "
    "holding an earlier export stays as it was",
    "[cli][outputs][signals]") {
  const std::vector<std::string> args{"export",       "--demo", "--k",        "1",
                                      "--time-limit", "1",      "--png-size", "800x600",
                                      "--formats",    "all"};
  // How long a whole run takes, to spread the signals over it.
  const std::string full = fresh("sig_full");
  auto with_dir = [&](const std::string& d) {
    auto a = args;
    a.insert(a.end(), {"--out-dir", d});
    return a;
  };
  const auto t0 = std::chrono::steady_clock::now();
  REQUIRE(run_and_signal(with_dir(full), std::chrono::milliseconds(0), 0, full + ".log") == 0);
  const auto total =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
  const auto complete = snapshot(full);
  REQUIRE(complete.size() > 20);
  int interrupted = 0;
  for (int i = 1; i <= 4; ++i) {
    const int sig = i % 2 ? SIGINT : SIGTERM;
    const auto at = total * i / 5;
    // A fresh folder: nothing at all may be left.
    const std::string d = fresh("sig_" + std::to_string(i));
    const int rc = run_and_signal(with_dir(d), at, sig, d + ".log");
    INFO("signal " << sig << " after " << at.count() << " ms of " << total.count() << " ms; exit "
                   << rc << "; log: " << get(d + ".log"));
    CHECK(!has_temporaries(d));
    if (rc == 0) {
      CHECK(snapshot(d).size() == complete.size());  // it finished first: complete
    } else {
      ++interrupted;
      CHECK(rc == 128 + sig);
      CHECK(snapshot(d).empty());
    }
    // A folder holding a complete earlier export: unchanged unless the new run completed.
    const std::string again = fresh("sig_again_" + std::to_string(i));
    fs::copy(full, again, fs::copy_options::recursive);
    const auto before = snapshot(again);
    auto a = with_dir(again);
    a.insert(a.end(), {"--minutes", "12"});
    const int rc2 = run_and_signal(a, at, sig, again + ".log");
    CHECK(!has_temporaries(again));
    if (rc2 != 0) {
      CHECK(rc2 == 128 + sig);
      CHECK(snapshot(again) == before);
    }
  }
  CHECK(interrupted >= 2);  // most signals land while it works
}

TEST_CASE("SIGINT/SIGTERM during export on a real extract (heidelberg_region_roads)",
          "[cli][outputs][signals]") {
  const std::string map = require_file(data_dir() + "/osm/heidelberg_region_roads.osm.pbf",
                                       "a real extract whose export takes several seconds");
  const std::string st = fresh("hd_in") + "/stations.csv";
  std::ofstream(st) << "id,lon,lat\ns1,8.6724,49.4093\ns2,8.6940,49.4120\ns3,8.7050,49.4030\n";
  // While the map loads (no cancellation point there: the 2 s grace ends it) and while working.
  const std::pair<int, int> points[] = {{4000, SIGINT}, {12000, SIGTERM}};
  for (const auto& [ms, sig] : points) {
    const std::string d = fresh("hd_" + std::to_string(ms));
    const auto t0 = std::chrono::steady_clock::now();
    const int rc = run_and_signal(
        {"export", "--map", map, "--stations", st, "--formats", "all", "--out-dir", d},
        std::chrono::milliseconds(ms), sig, d + ".log");
    const double after_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() - ms / 1e3;
    INFO("signal " << sig << " at " << ms << " ms; exit " << rc << " " << after_s
                   << " s later; log: " << get(d + ".log"));
    CHECK(!has_temporaries(d));
    if (rc != 0) {
      CHECK(rc == 128 + sig);
      CHECK(snapshot(d).empty());
      CHECK(after_s < 5);  // cancelled, or ended by the grace period
    }
  }
}
