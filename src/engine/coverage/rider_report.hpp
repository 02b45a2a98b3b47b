#pragma once
// The rider-reach section of the coverage summary (its own test, never a double-15 figure): text
// for people and JSON for machines.
#include <nlohmann/json.hpp>
#include <string>

#include "engine/coverage/rider_reach.hpp"

namespace yz {

// `unit`: what the weight counts ("workers", "street-m").
std::string rider_text(const RiderStudy& st, const PointSet& sites, const std::string& unit,
                       bool zh = false);
nlohmann::json rider_json(const RiderStudy& st, const PointSet& sites);

}  // namespace yz
