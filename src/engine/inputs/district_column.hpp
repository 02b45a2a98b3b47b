#pragma once
// A station list's own district column (所属街道, 所属区, district, ...) checked against the
// district polygon each station falls in: planners keep that column by hand, and a station filed
// under the wrong 街道 is reported to the wrong office. Values match when equal after trimming,
// or when one is the other without its administrative suffix (东门 = 东门街道).
#include <cstdint>
#include <string>
#include <vector>

#include "engine/inputs/districts.hpp"
#include "engine/inputs/point_set.hpp"

namespace yz {

struct DistrictMismatch {
  uint64_t row = 0;  // the station's row (feature) in its file, 1-based
  std::string id, name;
  std::string column_value;  // what the list says
  std::string polygon_name;  // where the station lies ("" = outside every district)
};

struct DistrictColumnCheck {
  std::string column;    // the column read ("" = the list has none)
  uint32_t checked = 0;  // stations with a value in it
  std::vector<DistrictMismatch> mismatches;
};

// The column names recognised, in order of preference.
const std::vector<std::string>& district_column_aliases();

// `column` empty = the first of district_column_aliases() the list has.
DistrictColumnCheck check_district_column(const PointSet& stations, const Districts& districts,
                                          const std::string& column = {});

// Whether two district names name the same district (see above).
bool same_district_name(const std::string& a, const std::string& b);

}  // namespace yz

namespace yz {

// One note per mismatch, for the stations' report: "row 3 (S3 东门驿站): 所属街道 says '东门街道'
// but the station lies in '西门街道'".
std::vector<std::string> district_mismatch_notes(const DistrictColumnCheck& check);

}  // namespace yz
