// yizhan batch MANIFEST: coverage (and optionally suggestions and the export) for many cities,
// each city's outputs in its own folder, and a province summary of them all.
//
// Each city runs as its own `yizhan` process (this executable, the same commands a planner types),
// so a city that fails or runs out of memory cannot take the others down, its peak memory is
// measured by the kernel, and the figures are exactly those of a single-city run. Cities run in
// parallel up to --jobs, and only while their estimated memory fits --max-memory.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "cli/cli_common.hpp"
#include "cli/interrupt.hpp"
#include "engine/export/province_summary.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/msg_codes.hpp"
#include "engine/util/output_file.hpp"

extern char** environ;

namespace yz::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

inline constexpr int kExitSomeCitiesFailed = 3;

// Keys a city (or the defaults) may carry; anything else is a typo and refused.
const std::set<std::string> kCityKeys = {
    "name",           "map",        "profile",    "stations",      "stations_crs", "candidates",
    "candidates_crs", "demand",     "demand_crs", "demand_weight", "minutes",      "speed_kmh",
    "radius_m",       "max_snap_m", "island_m",   "areas",         "suggest",      "export",
    "coverage_args"};
const std::set<std::string> kSuggestKeys = {"k",      "budget",     "target", "criterion",
                                            "grid_m", "time_limit", "args"};
const std::set<std::string> kExportKeys = {"formats", "lang", "args"};
// Manifest keys naming files, resolved against the manifest's folder.
const char* kFileKeys[] = {"map", "profile", "stations", "candidates", "demand"};

struct City {
  std::string name, folder;
  json cfg;                                     // defaults merged with the city's own keys
  std::vector<std::vector<std::string>> steps;  // argument lists for `yizhan`, run in order
  std::vector<std::string> step_names;
  double est_mb = 0;
  std::string fingerprint;
};

std::string where(const std::string& manifest, size_t i, const std::string& name) {
  return manifest + ": city " + std::to_string(i + 1) + (name.empty() ? "" : " (" + name + ")");
}

void check_keys(const json& o, const std::set<std::string>& keys, const std::string& manifest,
                const std::string& place) {
  if (!o.is_object()) throw CodedError(manifest, Msg::cli_manifest_object, {{"place", place}});
  for (const auto& [k, v] : o.items())
    if (!keys.count(k)) {
      std::string known;
      for (const auto& n : keys) known += (known.empty() ? "" : ", ") + n;
      throw CodedError(manifest, Msg::cli_manifest_unknown_key,
                       {{"place", place}, {"key", k}, {"known", known}});
    }
}

std::string text(const json& v, const std::string& manifest, const std::string& place) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number()) return v.dump();
  throw CodedError(manifest, Msg::cli_manifest_text, {{"place", place}});
}

// A folder name for a city: its name with path separators and control characters replaced.
std::string folder_name(const std::string& name) {
  std::string out;
  for (unsigned char c : name) out += (c < 0x20 || c == '/' || c == '\\' || c == ':') ? '_' : c;
  if (out.empty() || out == "." || out == "..") out = "_" + out;
  return out;
}

// Memory a city's run may need, from its map file's size: measured on the shared extracts at
// about 25× an .osm XML file and 150× a compressed one (.pbf, .bz2, .gz), plus the program.
double estimate_mb(const std::string& map) {
  std::error_code ec;
  const double mb = static_cast<double>(fs::file_size(map, ec)) / 1e6;
  if (ec) return 300;
  const std::string ext = fs::path(map).extension().string();
  const bool compressed = ext == ".pbf" || ext == ".bz2" || ext == ".gz";
  return 150 + mb * (compressed ? 150 : 25);
}

std::optional<double> parse_memory(const std::string& s) {
  if (s.empty()) return std::nullopt;
  size_t used = 0;
  double v = 0;
  try {
    v = std::stod(s, &used);
  } catch (...) {
    return std::nullopt;
  }
  std::string unit = s.substr(used);
  for (auto& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (unit == "" || unit == "M" || unit == "MB") return v;
  if (unit == "G" || unit == "GB") return v * 1000;
  if (unit == "T" || unit == "TB") return v * 1e6;
  return std::nullopt;
}

double available_memory_mb() {
  std::ifstream in("/proc/meminfo");
  std::string key;
  double kb = 0;
  std::string unit;
  while (in >> key >> kb >> unit)
    if (key == "MemAvailable:") return kb / 1000;
  return 4000;
}

struct Running {
  size_t city;
  size_t step = 0;
  pid_t pid = -1;
  std::chrono::steady_clock::time_point started;
  double seconds = 0, peak_mb = 0;
};

pid_t spawn(const std::string& exe, const std::vector<std::string>& args, const std::string& out,
            const std::string& err) {
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawnattr_t at;
  posix_spawnattr_init(&at);
  // This process takes its signals on a watcher thread (interrupt.cpp) with them blocked; a
  // child starts with them unblocked and at their defaults, so it handles its own interrupt.
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  for (int s : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&defaults, s);
  posix_spawnattr_setsigmask(&at, &none);
  posix_spawnattr_setsigdefault(&at, &defaults);
  posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(exe.c_str()));
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, exe.c_str(), &fa, &at, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  posix_spawnattr_destroy(&at);
  if (rc != 0) throw CodedError(exe, Msg::cli_cannot_start, {{"why", std::strerror(rc)}});
  return pid;
}

// What failed, as the summary says it (the reason itself is the command's own message).
std::string step_words(const std::string& step, bool zh) {
  if (!zh) return step + " failed: ";
  if (step == "coverage") return "覆盖计算失败：";
  if (step == "sites") return "生成候选点失败：";
  if (step == "suggest") return "选址建议失败：";
  return "导出失败：";
}

// Text as wide as `cols` terminal columns (a Chinese character takes two).
std::string pad(const std::string& s, size_t cols) {
  size_t w = 0;
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = s[i];
    const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    w += n >= 3 ? 2 : 1;
    i += n;
  }
  return s + std::string(w < cols ? cols - w : 1, ' ');
}

std::string last_error_line(const std::string& log) {
  std::ifstream in(log);
  std::string line, last;
  while (std::getline(in, line))
    if (line.rfind("yizhan: error: ", 0) == 0)
      last = line.substr(15);
    else if (line.rfind("yizhan: ", 0) == 0)
      last = line.substr(8);
  return last.empty() ? "failed (see " + log + ")" : last;
}

struct BatchCommand {
  std::string manifest, out_dir, max_memory, lang = "zh";
  int jobs = 0;
  bool force = false, bom = false;

  std::vector<City> read_manifest(const json& m, const fs::path& base) {
    check_keys(m, {"defaults", "cities", "out_dir"}, manifest, "the manifest");
    if (!m.contains("cities") || !m["cities"].is_array() || m["cities"].empty())
      throw CodedError(manifest, Msg::cli_manifest_no_cities);
    json defaults = m.value("defaults", json::object());
    check_keys(defaults, kCityKeys, manifest, "defaults");
    std::vector<City> cities;
    std::set<std::string> folders;
    for (size_t i = 0; i < m["cities"].size(); ++i) {
      const json& c = m["cities"][i];
      const std::string name = c.is_object() && c.contains("name") && c["name"].is_string()
                                   ? c["name"].get<std::string>()
                                   : std::string();
      const std::string place = where(manifest, i, name);
      check_keys(c, kCityKeys, manifest, "city " + std::to_string(i + 1));
      if (name.empty()) throw CodedError(place, Msg::cli_manifest_no_key, {{"key", "name"}});
      City city;
      city.name = name;
      city.cfg = defaults;
      for (const auto& [k, v] : c.items()) city.cfg[k] = v;
      for (const char* k : kFileKeys)
        if (city.cfg.contains(k)) {
          const fs::path p(text(city.cfg[k], manifest, place + ": " + k));
          city.cfg[k] = (p.is_absolute() ? p : base / p).lexically_normal().string();
        }
      for (const char* k : {"map", "stations"})
        if (!city.cfg.contains(k)) throw CodedError(place, Msg::cli_manifest_no_key, {{"key", k}});
      if (city.cfg.contains("suggest"))
        check_keys(city.cfg["suggest"], kSuggestKeys, manifest, place + ": suggest");
      if (city.cfg.contains("export"))
        check_keys(city.cfg["export"], kExportKeys, manifest, place + ": export");
      city.folder = folder_name(name);
      if (!folders.insert(city.folder).second) throw CodedError(place, Msg::cli_manifest_same_name);
      build_steps(city, place);
      city.est_mb = estimate_mb(city.cfg["map"].get<std::string>());
      cities.push_back(std::move(city));
    }
    return cities;
  }

  void build_steps(City& city, const std::string& place) {
    const json& c = city.cfg;
    const std::string dir = (fs::path(out_dir) / city.folder).string();
    auto s = [&](const char* k) { return text(c[k], manifest, place + ": " + k); };
    std::vector<std::string> map_args = {"--map", s("map")};
    if (c.contains("profile")) map_args.insert(map_args.end(), {"--profile", s("profile")});
    std::vector<std::string> params;
    for (const auto& [k, flag] :
         std::vector<std::pair<const char*, const char*>>{{"minutes", "--minutes"},
                                                          {"speed_kmh", "--speed-kmh"},
                                                          {"radius_m", "--radius-m"},
                                                          {"max_snap_m", "--max-snap-m"},
                                                          {"island_m", "--island-m"}})
      if (c.contains(k)) params.insert(params.end(), {flag, s(k)});
    std::vector<std::string> demand;
    if (c.contains("demand")) {
      demand = {"--demand", s("demand")};
      if (c.contains("demand_crs")) demand.insert(demand.end(), {"--demand-crs", s("demand_crs")});
      if (c.contains("demand_weight"))
        demand.insert(demand.end(), {"--demand-weight", s("demand_weight")});
    }
    auto extra = [&](const json& a, const std::string& what) {
      std::vector<std::string> out;
      if (!a.is_array()) throw CodedError(place, Msg::cli_manifest_args, {{"key", what}});
      for (const auto& v : a) out.push_back(text(v, manifest, place + ": " + what));
      return out;
    };
    auto add = [](std::vector<std::string>& to, const std::vector<std::string>& more) {
      to.insert(to.end(), more.begin(), more.end());
    };
    // 1. Coverage of the existing stations.
    std::vector<std::string> cov = {"coverage"};
    add(cov, map_args);
    add(cov, {"--sites", s("stations")});
    if (c.contains("stations_crs")) add(cov, {"--sites-crs", s("stations_crs")});
    add(cov, demand);
    add(cov, params);
    if (c.contains("areas") && c["areas"] == false) cov.push_back("--no-areas");
    if (c.contains("coverage_args")) add(cov, extra(c["coverage_args"], "coverage_args"));
    add(cov, {"--out", dir + "/coverage.gpkg", "--overwrite", "--json"});
    city.steps.push_back(cov);
    city.step_names.push_back("coverage");
    std::vector<std::string> stations = {"--stations", s("stations")};
    if (c.contains("stations_crs")) add(stations, {"--stations-crs", s("stations_crs")});
    std::vector<std::string> candidates;
    std::vector<std::string> goal;
    if (c.contains("suggest")) {
      const json& g = c["suggest"];
      auto gs = [&](const char* k) { return text(g[k], manifest, place + ": suggest." + k); };
      // 2. Candidates: the planner's list, or free ones along the streets.
      if (c.contains("candidates")) {
        candidates = {"--candidates", s("candidates")};
        if (c.contains("candidates_crs"))
          add(candidates, {"--candidates-crs", s("candidates_crs")});
      } else {
        std::vector<std::string> sites = {"sites"};
        add(sites, map_args);
        add(sites, {"--grid-m", g.contains("grid_m") ? gs("grid_m") : "300"});
        add(sites, stations);
        add(sites, {"--out", dir + "/candidates.gpkg", "--overwrite"});
        city.steps.push_back(sites);
        city.step_names.push_back("sites");
        candidates = {"--candidates", dir + "/candidates.gpkg"};
      }
      int goals = 0;
      for (const auto& [k, flag] : std::vector<std::pair<const char*, const char*>>{
               {"k", "--k"}, {"budget", "--budget"}, {"target", "--target"}})
        if (g.contains(k)) add(goal, {flag, gs(k)}), ++goals;
      if (goals != 1) throw CodedError(place, Msg::cli_manifest_one_goal);
      if (g.contains("criterion")) add(goal, {"--criterion", gs("criterion")});
      if (g.contains("time_limit")) add(goal, {"--time-limit", gs("time_limit")});
      // 3. Suggestions.
      std::vector<std::string> sug = {"suggest"};
      add(sug, map_args);
      add(sug, stations);
      add(sug, candidates);
      add(sug, demand);
      add(sug, params);
      add(sug, goal);
      if (g.contains("args")) add(sug, extra(g["args"], "suggest.args"));
      add(sug, {"--out", dir + "/suggestions.gpkg", "--overwrite", "--json"});
      city.steps.push_back(sug);
      city.step_names.push_back("suggest");
    }
    if (c.contains("export") && c["export"] != false) {
      const json e = c["export"].is_object() ? c["export"] : json::object();
      // 4. The hand-over folder (with the suggestions when asked, as `yizhan export --k`).
      std::vector<std::string> ex = {"export"};
      add(ex, map_args);
      add(ex, stations);
      add(ex, demand);
      add(ex, params);
      if (c.contains("suggest") && c["suggest"].contains("k")) {
        add(ex, candidates);
        add(ex, {"--k", text(c["suggest"]["k"], manifest, place + ": suggest.k")});
      }
      add(ex, {"--formats", e.contains("formats") ? text(e["formats"], manifest, place) : "all"});
      add(ex, {"--lang", e.contains("lang") ? text(e["lang"], manifest, place) : lang});
      if (e.contains("args")) add(ex, extra(e["args"], "export.args"));
      add(ex, {"--out-dir", dir + "/export", "--overwrite"});
      city.steps.push_back(ex);
      city.step_names.push_back("export");
    }
    // What the city's results depend on: its steps and each input file's size and time.
    json fp = {{"steps", city.steps}};
    for (const char* k : kFileKeys)
      if (c.contains(k)) {
        std::error_code ec;
        const std::string p = c[k].get<std::string>();
        const auto size = fs::file_size(p, ec);
        const auto t = fs::last_write_time(p, ec).time_since_epoch().count();
        fp["files"][k] = {p, ec ? -1 : static_cast<long long>(size),
                          ec ? 0 : static_cast<long long>(t)};
      }
    city.fingerprint = fp.dump();
  }

  // The city's row for the summary, from its commands' JSON output.
  ProvinceCity result(const City& city, const std::string& dir) {
    ProvinceCity r;
    r.name = city.name;
    r.folder = city.folder;
    std::ifstream in(dir + "/coverage.json");
    const json j = json::parse(in, nullptr, false);
    if (j.is_discarded() || !j.contains("coverage"))
      throw std::runtime_error("coverage output of " + city.name + " is not JSON");
    r.status = "ok";
    r.stations = j["sites"].size();
    r.workers = j["demand"]["total"].get<double>();
    r.proxy = j["demand"].value("proxy", false);
    r.walk_pct = j["coverage"]["walk"]["percent"].get<double>();
    r.radius_pct = j["coverage"]["radius"]["percent"].get<double>();
    r.both_pct = j["coverage"]["both"]["percent"].get<double>();
    r.either_pct = j["coverage"]["either"]["percent"].get<double>();
    r.walk_uncovered = j["coverage"]["walk"]["uncovered"].get<double>();
    r.inside_radius_not_walk = j["disagreement"]["inside_radius_not_walk"].get<double>();
    if (fs::exists(dir + "/suggest.json")) {
      std::ifstream sin(dir + "/suggest.json");
      const json s = json::parse(sin, nullptr, false);
      if (!s.is_discarded() && s.contains("new_stations")) {
        r.suggested = s["new_stations"].get<int>();
        r.suggested_gain =
            s["after"]["covered"].get<double>() - s["before"]["covered"].get<double>();
      }
    }
    r.lonlat_extent = gpkg_lonlat_extent(dir + "/coverage.gpkg", "demand");
    return r;
  }

  int run() {
    const fs::path mpath = fs::absolute(manifest).lexically_normal();
    std::ifstream in(manifest);
    if (!in) throw CodedError(manifest, Msg::cli_manifest_unreadable);
    const json m = json::parse(in, nullptr, false);
    if (m.is_discarded()) throw CodedError(manifest, Msg::cli_manifest_not_json);
    if (out_dir.empty())
      out_dir = m.contains("out_dir")
                    ? (mpath.parent_path() / text(m["out_dir"], manifest, "out_dir")).string()
                    : (mpath.parent_path() / (mpath.stem().string() + "_out")).string();
    out_dir = fs::absolute(out_dir).lexically_normal().string();
    if (lang != "zh" && lang != "en") throw CodedError("--lang", Msg::cli_lang_zh_en);
    if (jobs < 0) throw CodedError("--jobs", Msg::cli_jobs);
    const auto budget = max_memory.empty() ? std::optional<double>(available_memory_mb() * 0.8)
                                           : parse_memory(max_memory);
    if (!budget || *budget <= 0)
      throw CodedError("--max-memory", Msg::cli_max_memory, {{"value", max_memory}});
    std::vector<City> cities = read_manifest(m, mpath.parent_path());
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    if (ec) throw CodedError(out_dir, Msg::cli_cannot_create_folder, {{"why", ec.message()}});
    const int max_jobs =
        jobs > 0 ? jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const std::string exe = fs::read_symlink("/proc/self/exe", ec).string();

    std::vector<ProvinceCity> rows(cities.size());
    std::vector<size_t> pending;
    for (size_t i = 0; i < cities.size(); ++i) {
      rows[i].name = cities[i].name;
      rows[i].folder = cities[i].folder;
      rows[i].status = "not run";
      const std::string dir = (fs::path(out_dir) / cities[i].folder).string();
      // Done earlier with the same inputs and settings: kept unless --force.
      std::ifstream done(dir + "/batch_city.json");
      const json d = json::parse(done, nullptr, false);
      if (!force && !d.is_discarded() && d.value("fingerprint", "") == cities[i].fingerprint &&
          d.value("status", "") == "ok") {
        try {
          rows[i] = result(cities[i], dir);
          rows[i].seconds = d.value("seconds", 0.0);
          rows[i].peak_mb = d.value("peak_mb", 0.0);
          std::cerr << "[" << i + 1 << "/" << cities.size() << "] " << cities[i].name
                    << ": done earlier with the same inputs, skipped (--force reruns it)\n";
          continue;
        } catch (const std::exception&) {
        }
      }
      pending.push_back(i);
    }
    std::cerr << "batch: " << cities.size() << " cities, " << pending.size() << " to run, up to "
              << max_jobs << " at a time within " << static_cast<long>(*budget) << " MB\n";
    std::vector<Running> running;
    double in_use = 0;
    size_t next = 0;
    bool interrupted = false;
    auto start_step = [&](Running& r) {
      const City& c = cities[r.city];
      const std::string dir = (fs::path(out_dir) / c.folder).string();
      const std::string step = c.step_names[r.step];
      // coverage and suggest print JSON (--json); sites and export print a text summary.
      const bool json_out = step == "coverage" || step == "suggest";
      r.pid = spawn(exe, c.steps[r.step], dir + "/" + step + (json_out ? ".json" : ".txt"),
                    dir + "/" + step + ".log");
    };
    while (next < pending.size() || !running.empty()) {
      if (interrupt_flag()->load()) {
        interrupted = true;
        for (auto& r : running) kill(r.pid, SIGTERM);
        for (auto& r : running) waitpid(r.pid, nullptr, 0);
        break;
      }
      // Start cities while a job slot is free and the memory estimate fits (one always may).
      while (next < pending.size() && static_cast<int>(running.size()) < max_jobs &&
             (running.empty() || in_use + cities[pending[next]].est_mb <= *budget)) {
        const size_t i = pending[next++];
        const std::string dir = (fs::path(out_dir) / cities[i].folder).string();
        fs::create_directories(dir, ec);
        fs::remove(dir + "/batch_city.json", ec);
        fs::remove(dir + "/suggest.json", ec);
        std::cerr << "[" << i + 1 << "/" << cities.size() << "] " << cities[i].name << ": "
                  << cities[i].step_names[0] << "...\n";
        Running r{i};
        r.started = std::chrono::steady_clock::now();
        start_step(r);
        in_use += cities[i].est_mb;
        running.push_back(r);
      }
      int status = 0;
      rusage ru{};
      const pid_t pid = wait4(-1, &status, WNOHANG, &ru);
      if (pid <= 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        continue;
      }
      auto it = std::find_if(running.begin(), running.end(),
                             [&](const Running& r) { return r.pid == pid; });
      if (it == running.end()) continue;
      Running& r = *it;
      const City& c = cities[r.city];
      const std::string dir = (fs::path(out_dir) / c.folder).string();
      r.peak_mb = std::max(r.peak_mb, static_cast<double>(ru.ru_maxrss) / 1000);
      const bool ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
      const std::string step = c.step_names[r.step];
      bool finished = !ok;
      if (ok && r.step + 1 < c.steps.size()) {
        ++r.step;
        std::cerr << "[" << r.city + 1 << "/" << cities.size() << "] " << c.name << ": "
                  << c.step_names[r.step] << "...\n";
        start_step(r);
      } else {
        finished = true;
      }
      if (!finished) continue;
      r.seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - r.started).count();
      ProvinceCity& row = rows[r.city];
      if (ok) {
        try {
          row = result(c, dir);
        } catch (const std::exception& e) {
          row.status = "failed";
          row.message = e.what();
        }
      } else {
        row.status = "failed";
        row.message = step_words(step, lang == "zh") +
                      (WIFSIGNALED(status)
                           ? std::string("ended by signal ") + std::to_string(WTERMSIG(status))
                           : last_error_line(dir + "/" + step + ".log"));
      }
      row.seconds = r.seconds;
      row.peak_mb = r.peak_mb;
      if (row.status == "ok") {
        json d = {{"status", "ok"},
                  {"fingerprint", c.fingerprint},
                  {"seconds", r.seconds},
                  {"peak_mb", r.peak_mb}};
        OutputFile f(dir + "/batch_city.json");
        std::ofstream(f.path()) << d.dump(2) << "\n";
        f.commit();
      }
      char line[256];
      if (row.status == "ok")
        std::snprintf(line, sizeof line, "done in %.1f s, peak %.0f MB: walk %.1f %%, both %.1f %%",
                      r.seconds, r.peak_mb, row.walk_pct, row.both_pct);
      else
        std::snprintf(line, sizeof line, "FAILED after %.1f s: %s", r.seconds, row.message.c_str());
      std::cerr << "[" << r.city + 1 << "/" << cities.size() << "] " << c.name << ": " << line
                << "\n";
      in_use -= c.est_mb;
      running.erase(it);
    }
    if (interrupted) {
      std::cerr
          << "batch: interrupted; cities finished so far keep their outputs (a rerun skips them)\n";
      return interrupt_exit_code() ? interrupt_exit_code() : 130;
    }
    const auto written = write_province_summary(
        out_dir, rows, lang == "zh" ? ReportLang::zh : ReportLang::en, bom || lang == "zh");
    const ProvinceTotals t = province_totals(rows);
    std::cout << "Province summary: " << t.ok << " of " << rows.size() << " cities done";
    if (t.failed) std::cout << ", " << t.failed << " FAILED";
    std::cout << "\n";
    for (const auto& r : rows) {
      char line[512];
      if (r.status == "ok")
        std::snprintf(
            line, sizeof line, "  %s%5.0f stations %10.0f %s  walk %5.1f %%  both %5.1f %%%s",
            pad(r.name, 24).c_str(), r.stations, r.workers,
            r.proxy ? "workers (street-length estimate)" : "workers", r.walk_pct, r.both_pct,
            r.suggested >= 0 ? ("  +" + std::to_string(r.suggested) + " suggested").c_str() : "");
      else
        std::snprintf(line, sizeof line, "  %sFAILED: %s", pad(r.name, 24).c_str(),
                      r.message.c_str());
      std::cout << line << "\n";
    }
    for (const auto& w : written) std::cout << "Wrote " << w << "\n";
    return t.failed ? kExitSomeCitiesFailed : kExitOk;
  }
};

const RegisterCommand reg("batch", [](CLI::App& app, std::function<int()>& run) {
  auto cmd = std::make_shared<BatchCommand>();
  auto* sub = app.add_subcommand(
      "batch",
      "Many cities in one run (a province): coverage, optional suggestions and export per city, "
      "and a province summary (GeoPackage, CSV, XLSX, PDF)");
  sub->footer(
      "MANIFEST is JSON: {\"defaults\": {...}, \"cities\": [{\"name\": \"...\", \"map\": \"...\", "
      "\"stations\": \"...\", ...}]}. City keys: name, map, profile, stations, stations_crs, "
      "candidates, candidates_crs, demand, demand_crs, demand_weight, minutes, speed_kmh, "
      "radius_m, "
      "max_snap_m, island_m, areas (false = no walk areas), suggest {k | budget | target, "
      "criterion, grid_m, time_limit, args}, export {formats, lang, args}, coverage_args; "
      "defaults take the same keys. Paths are relative to the manifest. Exit 0: every city done; "
      "3: some cities failed (listed; the others are done); 2: the manifest or an option is "
      "wrong.");
  sub->add_option("manifest", cmd->manifest, "The cities to run (JSON)")->required();
  sub->add_option("--out-dir", cmd->out_dir,
                  "Folder for the cities' folders and the summary (default: the manifest's "
                  "out_dir, else MANIFEST_out beside it)");
  sub->add_option("--jobs", cmd->jobs, "Cities run at once (default: the number of cores)");
  sub->add_option("--max-memory", cmd->max_memory,
                  "Memory the cities running at once may use, e.g. 6G (default: 80 % of the "
                  "memory available now); each city's need is estimated from its map's size");
  sub->add_flag("--force", cmd->force, "Rerun cities already done with the same inputs");
  sub->add_option("--lang", cmd->lang, "Summary language: zh or en")->capture_default_str();
  sub->add_flag("--bom", cmd->bom,
                "Start the summary CSV with a UTF-8 byte-order mark (default with --lang zh)");
  sub->callback([cmd, &run] { run = [cmd] { return cmd->run(); }; });
});

}  // namespace
}  // namespace yz::cli
