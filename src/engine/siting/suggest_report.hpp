#pragma once
// The suggestion summary as JSON for machines (`yizhan suggest --json`), as coverage_json is for
// coverage: the engine formats, front-ends print (adding their own "output" and "inputs").
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/inputs/point_set.hpp"
#include "engine/siting/siting_problem.hpp"
#include "engine/siting/siting_result.hpp"
#include "engine/siting/station_review.hpp"

namespace yz::siting {

// sites: existing stations then candidates (ids and names by original site id); review: the
// existing stations with the plan counted as built; notes: the run's notes, in order.
nlohmann::json suggest_json(const PointSet& sites, const Problem& p, const SitingResult& r,
                            const StationReview& review, const std::vector<std::string>& notes);

}  // namespace yz::siting
