#pragma once
// Options and helpers shared by the command-line commands (each command lives in command_<verb>.cpp).
#include <CLI/CLI.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/coverage/coverage_params.hpp"
#include "engine/inputs/point_reader.hpp"
#include "engine/map/map_loader.hpp"
#include "engine/network/city_network.hpp"

namespace yz::cli {

// Exit codes: 0 ok, 2 bad input, 1 internal error.
inline constexpr int kExitOk = 0, kExitInternal = 1, kExitBadInput = 2;

struct MapOptions {
  std::string map, profile, crs, class_field, layer;
  void add(CLI::App& app, bool required = true);
  CityNetwork open(const Progress& progress = {}) const;
};

struct CoverageOptions {
  CoverageParams params;
  void add(CLI::App& app);
  void validate() const;  // CoverageParams::validate(): ParamError naming the parameter
};

// The flag of an engine parameter key: "area_half_width_m" -> "--area-half-width-m",
// "time_limit_s" -> "--time-limit", "png_width" -> "--png-size".
std::string cli_flag(const std::string& param);

// How `suggest` and `export` read stations and candidates: with the station schema (host type,
// size, status, capacity and cost from English or Chinese columns: 建设类型, 成本, ...), the cost
// column chosen automatically (cost/成本/费用/...) unless --cost-field names another one.
PointReadOptions site_read_options(const std::string& sites_crs, const std::string& cost_field,
                                   const std::string& capacity_field);

// Each input's read/kept/dropped line: as JSON ({summary, notes} per source) or printed.
nlohmann::json inputs_json(const std::vector<DropReport>& drops);
void print_drop_lines(const std::vector<DropReport>& drops);

// A progress line on stderr when stderr is a terminal (quiet in pipes and tests).
Progress terminal_progress();

// Commands register here; main() builds the app from this list.
using Registrar = std::function<void(CLI::App&, std::function<int()>&)>;
struct CommandList {
  static std::vector<std::pair<std::string, Registrar>>& all();
};
struct RegisterCommand {
  RegisterCommand(std::string name, Registrar r) { CommandList::all().emplace_back(std::move(name), std::move(r)); }
};

}  // namespace yz::cli
