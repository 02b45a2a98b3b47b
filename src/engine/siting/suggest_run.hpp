#pragma once
// One "suggest new stations" run from points to plan: existing stations (kept) and candidates
// become the sites, their coverage is computed on the network, and the siting pipeline picks the
// new ones. Shared by `yizhan suggest` and `yizhan export --k N`.
#include <string>

#include "engine/coverage/coverage_params.hpp"
#include "engine/coverage/rider_reach.hpp"
#include "engine/inputs/point_set.hpp"
#include "engine/inputs/site_hours.hpp"
#include "engine/inputs/worker_profiles.hpp"
#include "engine/network/city_network.hpp"
#include "engine/siting/coverage_curve.hpp"
#include "engine/siting/siting_problem.hpp"
#include "engine/siting/siting_result.hpp"
#include "engine/siting/timed_problem.hpp"
#include "engine/util/message.hpp"
#include "engine/util/progress.hpp"

namespace yz::siting {

struct SuggestRequest {
  PointSet stations, candidates, demand;  // demand in the map's projection
  bool demand_is_proxy = false;
  CoverageParams params;
  Criterion criterion = Criterion::both;
  std::string cost_field = "cost", capacity_field;  // candidate/station columns ("" = none)
  Options options;
  // --when / --objective worker-hours: a site counts only while its host is open (hours from the
  // stations' and candidates' columns; candidates without take their category's typical hours).
  TimeObjective time;
  WorkerProfiles profiles;  // used when time.worker_hours
  CategoryHours categories;
  // `suggest --mobile`: the candidates are places a van may stand, open whenever it is there
  // (their hosts' hours do not apply); stations keep theirs.
  bool candidates_always_open = false;
  // Set: optimise for the rider-reach test (`--criterion rider`) on this riding network, weighting
  // demand by the rider components (rider.demand); `criterion` is then not used.
  const RideNetwork* ride = nullptr;
  RiderParams rider;
  // The coverage curve (coverage_curve.hpp): extra optimiser runs for 1 .. k-1 stations.
  bool curve = true;
  MinGain min_gain;
};

struct SuggestRun {
  PointSet sites;  // existing stations [0, fixed), then the candidates
  uint32_t fixed = 0;
  Problem problem;
  SitingResult result;
  CoverageCurve curve;  // when req.curve; marks result.sites' adds_little
  // options.spacing_walk_m > 0: site pairs found closer than that on foot (added to the
  // problem's conflicts), and sites off the network (no walking distance, so no pair).
  uint32_t walk_spacing_pairs = 0, walk_spacing_off_network = 0;
  // With a time objective: `problem` is the expanded one (timed_problem.hpp); `untimed` the plain
  // one, whose demand ids are the demand points (per-point outputs use it).
  std::vector<Problem> untimed;  // empty, or one problem
  std::vector<std::string> hours_notes;
  std::string unit = "workers";
  const Problem& plain() const { return untimed.empty() ? problem : untimed.front(); }
  std::string rider_note;  // rider mode: why all demand counts as riders, when it does
};

// Throws InputError (no candidates, bad cost/capacity values, bad options). With
// req.options.spacing_walk_m > 0 the pairs of sites closer than that on foot become conflicts.
// Replaces run.problem by its time expansion (run_suggest calls it when req.time.active()).
void apply_time_objective(const SuggestRequest& req, SuggestRun& run);

SuggestRun run_suggest(const CityNetwork& city, const SuggestRequest& req,
                       const Progress& progress = {});

// A number from a pass-through column; `fallback` when the column is absent or empty; else
// CodedError(`problem`: {value}, {row}) when it is not a non-negative number.
double number_attr(const PointSet& pts, size_t i, const std::string& column, double fallback,
                   Msg problem);

}  // namespace yz::siting
