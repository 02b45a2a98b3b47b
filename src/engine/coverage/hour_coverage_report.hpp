#pragma once
// Coverage by hour as text for people and JSON for machines (`yizhan coverage --by-hour`).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/coverage/hour_coverage.hpp"

namespace yz {

// `notes`: how hours and groups were read (SiteHoursReport::lines, DemandGroups::notes).
std::string hour_coverage_text(const HourCoverage& hc, const std::string& unit,
                               const std::vector<std::string>& notes);
nlohmann::json hour_coverage_json(const HourCoverage& hc, const std::vector<std::string>& notes);

}  // namespace yz
