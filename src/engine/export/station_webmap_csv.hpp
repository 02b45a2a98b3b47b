#pragma once
// Station list for marking the stations on Chinese web maps: UTF-8 CSV (optionally with a
// byte-order mark so spreadsheet software reads Chinese right) with each station's coordinates in
// WGS-84 (GPS, OpenStreetMap), GCJ-02 (Amap/Gaode, Tencent) and BD-09 (Baidu); headers and word
// values in the report language (station_webmap_table). Points outside
// China are left unshifted, as the web maps do (china_coords).
#include <string>

#include "engine/coverage/coverage_study.hpp"
#include "engine/export/plan_export.hpp"

namespace yz {

void write_station_webmap_csv(const std::string& path, const CoverageStudy& study, bool bom,
                              ReportLang lang = ReportLang::en);

}  // namespace yz
