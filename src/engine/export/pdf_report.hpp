#pragma once
// The PDF hand-over report (cairo, A4): the map, coverage before and after the suggestions, the
// station table, the suggestion list with gains and the proven gap, and the settings used — in
// Chinese or English.
#include <string>
#include <utility>
#include <vector>

#include "engine/export/map_render.hpp"

namespace yz {

void write_pdf_report(const std::string& path, const PlanExport& plan, const MapScene& scene,
                      const std::vector<std::pair<std::string, std::string>>& settings,
                      const ExportOptions& opt);

}  // namespace yz
