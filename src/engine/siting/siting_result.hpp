#pragma once
// What a siting run hands back: the plan in build order, each site's contribution and nearby
// fallbacks, and the proof of quality (bound, gap, optimal).
#include <cstdint>
#include <string>
#include <vector>

#include "engine/siting/plan_value.hpp"

namespace yz::siting {

struct Alternative {
  uint32_t site = 0;      // original candidate id
  double distance_m = 0;  // from the suggested site, straight line
  double objective = 0;   // plan objective (primary) if this candidate replaced the site
  bool feasible = true;   // respects spacing and budget when swapped in
};

struct SuggestedSite {
  uint32_t site = 0;    // original site id
  uint32_t rank = 0;    // 1 = build first ("next best station" order)
  double gain = 0;      // primary objective added at its rank (after the ones ranked before)
  double marginal = 0;  // primary objective lost if only this site were left out of the plan
  double covers = 0;    // workers within its reach
  double unique = 0;    // of those, workers no other open station covers
  double shared = 0;    // of those, workers another open station covers too
  double served = 0;    // with capacities: workers assigned to it in the best assignment
  double cost = 0;
  // At or after the coverage curve's knee, or adding less than --min-gain at its rank: shown as
  // "adds almost nothing" instead of recommended (coverage_curve.hpp).
  bool adds_little = false;
  std::vector<Alternative> alternatives;  // nearest other candidates, closest first
};

struct SitingResult {
  std::vector<SuggestedSite> sites;  // new stations in rank order
  // Primary objective of the plan: workers covered (single), covered twice (double), or, for a
  // coverage target, the money (min_cost) or station count of the new stations.
  double objective = 0;
  double secondary = 0;  // tie-break measure (double coverage after single, or the reverse)
  // single_then_double: the second stage (most double coverage with single coverage held at
  // `objective`). secondary_bound >= the double coverage of any plan covering at least as many
  // workers once; secondary_optimal: proven (then, if `optimal` too, no plan beats this one
  // lexicographically).
  double secondary_bound = 0;
  bool secondary_optimal = false, secondary_run = false;
  double bound = 0;  // proven: >= best possible (max goals), <= best possible (target)
  double gap = 0;    // relative distance to the bound, 0 = proven optimal
  bool optimal = false;
  bool feasible = true;           // target goal: the target was reached
  std::string message;            // why not feasible, what is reachable
  double best_reachable = 0;      // target not reached: best coverage fraction found
  double reachable_bound = 1;     // ... and a proven upper bound on it
  CoverageSummary before, after;  // existing stations alone, and with the plan
  double cost = 0;                // money of the new stations
  uint32_t count = 0;             // new stations
  // How it was found.
  double heuristic_objective = 0, heuristic_s = 0, bound_s = 0, exact_s = 0, presolve_s = 0;
  std::string bound_method;  // "lagrangian", "lp", "cbc", "exhaustive"
  bool exact_run = false, exact_improved = false;
  // The clock ended the proof (bound/gap) before CBC finished; the plan is unaffected.
  bool stopped_by_time = false;
  // "heuristic", "iterated search" (the extra rounds before CBC), "cbc", "cbc second stage"
  std::string plan_source = "heuristic";
  double cbc_nodes = 0, cbc_iterations = 0;
  uint32_t demand_groups = 0, candidates_kept = 0, candidates_dominated = 0,
           candidates_conflicting = 0, candidates_empty = 0,
           candidates_fixed_out = 0;  // left out of the exact search by the Lagrangian test
};

}  // namespace yz::siting
