#pragma once
// The web-map station list (station_webmap_csv.hpp) as an Excel workbook: the same columns in the
// same order, coordinates and worker counts as number cells (rounded as in the CSV), so planners on
// Chinese Windows open it without any encoding question.
#include <string>

#include "engine/coverage/coverage_study.hpp"
#include "engine/export/plan_export.hpp"

namespace yz {

// Written to a temporary name beside `path` and renamed into place when complete.
void write_station_webmap_xlsx(const std::string& path, const CoverageStudy& study,
                               ReportLang lang = ReportLang::en);

}  // namespace yz
