#pragma once
// A siting instance as plain data, independent of the street network: demand weights, and per
// site the demand it covers, its cost, whether it is an existing station kept in place, an
// optional capacity and a metric position for spacing. The coverage engine fills it through
// make_siting_problem(); tests and benchmarks build it directly.
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "engine/coverage/coverage_params.hpp"
#include "engine/coverage/site_cover.hpp"
#include "engine/geo/vec2.hpp"

namespace yz::siting {

inline constexpr double kNoCapacity = std::numeric_limits<double>::infinity();

struct Site {
  std::vector<uint32_t> covers;   // demand ids covered (sorted, unique)
  double cost = 1;                // money to build (new sites only)
  bool fixed = false;             // existing station: always open, never moved
  double capacity = kNoCapacity;  // workers it can serve; kNoCapacity = unlimited
  Vec2 pos;                       // metres, local projection
};

// What limits the new stations, or what must be reached.
enum class Goal : uint8_t {
  max_cover_k,       // most workers covered with at most k new stations
  max_cover_budget,  // most workers covered with new stations costing at most `budget`
  min_for_target,    // fewest (or cheapest) new stations reaching `target` of all workers
};

// What "covered" is worth.
enum class Objective : uint8_t {
  single,              // workers covered by at least one station
  double_cover,        // workers covered by at least two stations (backup coverage)
  single_then_double,  // single first; among equal single coverage, most double coverage
};

struct Options {
  Goal goal = Goal::max_cover_k;
  uint32_t k = 10;
  double budget = 0;
  double target = 0.9;    // fraction of all demand weight (min_for_target)
  bool min_cost = false;  // min_for_target: minimise money instead of station count
  Objective objective = Objective::single;
  double spacing_m = 0;  // no two stations (new or existing) closer than this, straight line
  // Extra pairs of sites that may not both be open (e.g. walk spacing precomputed by the caller).
  std::vector<std::pair<uint32_t, uint32_t>> conflicts;
  // Walking spacing the caller turned into `conflicts` (run_suggest does): for messages only.
  double spacing_walk_m = 0;
  // Wall clock for the whole run. The heuristic always runs to the end of its work budget (which
  // grows with this setting, not with the clock); the bound and the exact search stop at the
  // limit. The plan depends on the inputs and settings only, never on the machine's speed or
  // load: CBC's solution is taken only when CBC ended by itself (optimal, or its node/iteration
  // budget, also derived from this setting), never when the clock stopped it.
  double time_limit_s = 10;
  bool exact = true;          // run CBC branch-and-cut after the heuristic
  uint32_t alternatives = 3;  // nearby alternatives reported per suggested site

  // Valid ranges (README "Valid ranges"); front-ends check a signed k against kK before the cast.
  static constexpr ParamRange kK{1, 1e6, false, "stations"};
  static constexpr ParamRange kBudget{0, 1e15, false, ""};
  static constexpr ParamRange kSpacingM{0, 100000, false, "m"};
  static constexpr ParamRange kTimeLimitS{0, 86400, false, "s"};
  // ParamError naming k (goal max_cover_k), budget (max_cover_budget), spacing_m, spacing_walk_m
  // or time_limit_s.
  void validate() const;
};

struct Problem {
  std::vector<double> demand_weight;  // workers per demand point (>= 0)
  std::vector<Site> sites;
  Options options;

  double total_weight() const;
  bool capacitated() const;  // any site with a finite capacity
  uint32_t fixed_count() const;
};

// Throws InputError("siting", ...) on out-of-range ids, unsorted lists, negative weights or costs,
// bad options (target outside (0,1], capacity together with double coverage, ...).
void validate(const Problem& p);

// Builds a problem from the coverage engine's per-site covers: sites [0, fixed_count) are the
// existing stations (fixed), the rest candidates. costs/capacities may be empty (1 and unlimited).
Problem make_siting_problem(const std::vector<SiteCover>& covers, Criterion criterion,
                            std::vector<double> demand_weight, uint32_t fixed_count,
                            const std::vector<Vec2>& positions,
                            const std::vector<double>& costs = {},
                            const std::vector<double>& capacities = {}, Options options = {});

// All pairs (i < j) of sites closer than spacing_m plus the explicit conflicts, sorted, unique.
// Pairs of two fixed sites are left out: existing stations are not questioned.
std::vector<std::pair<uint32_t, uint32_t>> conflict_pairs(const Problem& p);

std::string to_string(Goal g);
std::string to_string(Objective o);
bool parse_objective(std::string_view s, Objective& out);

}  // namespace yz::siting
