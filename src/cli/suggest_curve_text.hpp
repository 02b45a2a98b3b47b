#pragma once
// The coverage curve of `yizhan suggest` as printed text and as JSON.
#include <nlohmann/json.hpp>
#include <string>

#include "engine/siting/coverage_curve.hpp"

namespace yz::cli {

// unit: what the figures count ("workers" or "estimated workers (street-length proxy)").
std::string coverage_curve_text(const siting::CoverageCurve& c, const std::string& unit);
nlohmann::json coverage_curve_json(const siting::CoverageCurve& c);

}  // namespace yz::cli
