#pragma once
// Options and helpers shared by the command-line commands (each command lives in
// command_<verb>.cpp).
#include <CLI/CLI.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/coverage/coverage_params.hpp"
#include "engine/inputs/point_reader.hpp"
#include "engine/inputs/web_shift_check.hpp"
#include "engine/map/map_loader.hpp"
#include "engine/network/city_network.hpp"

namespace yz::cli {

// Exit codes: 0 ok, 2 bad input, 1 internal error.
inline constexpr int kExitOk = 0, kExitInternal = 1, kExitBadInput = 2;

struct MapOptions {
  std::string map, profile, crs, class_field, layer;
  std::string ride_profile;  // --ride-profile (the rider-reach test's riding rules)
  void add(CLI::App& app, bool required = true);
  CityNetwork open(const Progress& progress = {}) const;
};

struct CoverageOptions {
  CoverageParams params;
  void add(CLI::App& app);
  void validate() const;  // CoverageParams::validate(): ParamError naming the parameter
};

// One point input of a command (--stations, --candidates, --demand, --sites, --layer) with its
// own CRS option (--stations-crs, ...): each option and its help are defined here once, so every
// command reads and describes an input the same way. A CRS option applies to its own file only.
enum class PointInputKind { stations, candidates, demand, sites, layer };

struct PointInput {
  explicit PointInput(PointInputKind k, std::string what_as = "")
      : kind(k), what_as(std::move(what_as)) {}
  PointInputKind kind;
  std::string what_as;  // what the file holds in this command, when the kind does not say
  std::string path, crs;
  std::string deprecated_crs;  // the old shared --sites-crs, for --stations only

  // Adds the file option and its CRS option; `role` says what this command does with the file.
  CLI::Option* add(CLI::App& app, const std::string& role = "");
  // `--sites-crs` kept where the station option is --stations: a deprecated name of
  // --stations-crs (it no longer applies to candidates).
  void add_deprecated_sites_crs(CLI::App& app);
  bool given() const { return !path.empty(); }
  std::string file_option() const;  // "--stations"
  std::string crs_option() const;   // "--stations-crs"
  std::string what() const;         // "stations", for messages
  // The CRS option's value (or the deprecated one's); throws when both are given and differ.
  std::string crs_value() const;

  // Reads the file as `opt` says, with this input's CRS; stations and candidates beyond the map
  // (see outside_map.hpp, snap distance `snap`) are dropped; then the coordinates are checked for
  // a web-map shift (a warning on stderr and in the report's notes).
  PointSet read(const CityNetwork& city, PointReadOptions opt, const SnapOptions& snap,
                DropReport& rep) const;
};

// The web-shift check's verdict (see web_shift_check.hpp): when another datum fits clearly better,
// prints a warning on stderr, adds it to `rep.notes` and keeps the figures for inputs_json().
// `option` is the CRS option to suggest ("--stations-crs").
void check_web_shift(const ShiftCheck& c, const std::string& option, DropReport& rep);

// The flag of an engine parameter key: "area_half_width_m" -> "--area-half-width-m",
// "time_limit_s" -> "--time-limit", "png_width" -> "--png-size".
std::string cli_flag(const std::string& param);

// How `suggest` and `export` read stations and candidates: with the station schema (host type,
// size, status, capacity and cost from English or Chinese columns: 建设类型, 成本, ...), the cost
// column chosen automatically (cost/成本/费用/...) unless --cost-field names another one.
// The CRS comes from each input (PointInput::read).
PointReadOptions site_read_options(const std::string& cost_field,
                                   const std::string& capacity_field);

// Options several commands share, each defined (name and help) once here:
// --demand-weight (the column of --demand holding workers).
CLI::Option* add_demand_weight(CLI::App& app, std::string& field);
// --cost-field and --capacity-field of the sites read with site_read_options(); cost_field's
// default "cost" means the automatic choice (cost/成本/费用/...).
void add_site_columns(CLI::App& app, std::string& cost_field, std::string& capacity_field);
// --criterion (walk, radius, both or either; default "both"); `what`: what the test decides, when
// not plain coverage ("the suggestions maximise").
CLI::Option* add_criterion(CLI::App& app, std::string& text, const std::string& what = "");
// The --criterion value; InputError naming --criterion when it is none of the four.
Criterion criterion_option(const std::string& text);
// --bom of a command writing one --out file.
CLI::Option* add_out_bom(CLI::App& app, bool& bom);

// --overwrite, and the checks every command makes on its output before any work: an output that
// is one of the inputs is refused (exit 2, both named), an existing file unless --overwrite.
struct OutputGuard {
  bool overwrite = false;
  void add(CLI::App& app);
  void check(const std::string& out, const std::vector<std::string>& inputs) const;
};

// Each input's read/kept/dropped line: as JSON ({summary, notes, crs_check} per source; crs_check:
// the shift check's figures, when it ran) or printed.
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
  RegisterCommand(std::string name, Registrar r) {
    CommandList::all().emplace_back(std::move(name), std::move(r));
  }
};

}  // namespace yz::cli
