#pragma once
// One "suggest new stations" run from points to plan: existing stations (kept) and candidates
// become the sites, their coverage is computed on the network, and the siting pipeline picks the
// new ones. Shared by `yizhan suggest` and `yizhan export --k N`.
#include <string>

#include "engine/coverage/coverage_params.hpp"
#include "engine/inputs/point_set.hpp"
#include "engine/network/city_network.hpp"
#include "engine/siting/coverage_curve.hpp"
#include "engine/siting/siting_problem.hpp"
#include "engine/siting/siting_result.hpp"
#include "engine/util/progress.hpp"

namespace yz::siting {

struct SuggestRequest {
  PointSet stations, candidates, demand;  // demand in the map's projection
  bool demand_is_proxy = false;
  CoverageParams params;
  Criterion criterion = Criterion::both;
  std::string cost_field = "cost", capacity_field;  // candidate/station columns ("" = none)
  Options options;
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
};

// Throws InputError (no candidates, bad cost/capacity values, bad options). With
// req.options.spacing_walk_m > 0 the pairs of sites closer than that on foot become conflicts.
SuggestRun run_suggest(const CityNetwork& city, const SuggestRequest& req,
                       const Progress& progress = {});

// A number from a pass-through column; `fallback` when the column is absent or empty.
double number_attr(const PointSet& pts, size_t i, const std::string& column, double fallback,
                   const char* what);

}  // namespace yz::siting
