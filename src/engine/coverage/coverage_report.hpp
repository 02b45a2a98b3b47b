#pragma once
// The coverage summary as text for people and JSON for machines (the engine formats; front-ends
// print).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/coverage/coverage_study.hpp"
#include "engine/inputs/drop_report.hpp"

namespace yz {

nlohmann::json coverage_json(const CoverageStudy& st, const std::vector<DropReport>& drops);
std::string coverage_text(const CoverageStudy& st, const std::vector<DropReport>& drops, int top_overstated = 5);
std::string network_text(const CityNetwork& city);
nlohmann::json network_json(const CityNetwork& city);

// The "Joined street pieces" section of coverage_text: what the island rule (`--island-m`) joined
// and the weight covered only through it, per test (`unit`: workers or street-m).
std::string joins_text(const CoverageStudy& st, const std::string& unit);
// Weight a site reaches on foot only through a join (SiteCover::join_gain).
double join_gain_weight(const CoverageStudy& st, uint32_t site);

// Per site: weight inside its radius that it does not reach on foot.
std::vector<double> radius_overstatement(const CoverageStudy& st);

}  // namespace yz
