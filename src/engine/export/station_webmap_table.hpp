#pragma once
// The web-map station list's columns and rows, shared by its CSV and Excel writers so both hold
// the same figures. Under Chinese, headers and word values are Chinese (编号, 建设类型 共建, 现有 /
// 建议新站, 是/否); ids, names and numbers stay as they are.
#include <string>
#include <vector>

#include "engine/coverage/coverage_study.hpp"
#include "engine/export/plan_export.hpp"

namespace yz {

struct StationWebmapTable {
  struct Column {
    std::string name;
    bool number = false;
    int decimals = 0;  // numbers: as written in the CSV (the workbook rounds to the same)
  };
  std::vector<Column> columns;
  // Per row, per column: the text (word columns) or the value (number columns).
  std::vector<std::vector<std::string>> text;
  std::vector<std::vector<double>> value;
};

StationWebmapTable station_webmap_table(const CoverageStudy& study, ReportLang lang);

}  // namespace yz
