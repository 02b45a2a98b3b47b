#pragma once
// A mobile station's (流动驿站: a van or cart) schedule of stops, read from a planner's table
// (CSV, XLSX, GeoPackage, ...): one row per stop with the station id (站点编号 / 车辆 /
// station_id), the stop's place (经度/纬度 or the layer's points; CRS as for station lists, GCJ-02
// included), its days (日期 / 星期: 工作日, 周末, 周一至周五, every day, Mo-Fr; blank = every day)
// and its hours (开始 + 结束, or 时段 "11:00-13:30"; 22:00-02:00 runs past midnight). Coordinates
// go through the point reader; a row whose days or hours cannot be read, or that puts a van at two
// stops at once, is listed with its row and column and skipped; a file with no usable stop is an
// InputError.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/geo/local_projection.hpp"
#include "engine/inputs/drop_report.hpp"
#include "engine/inputs/opening_hours.hpp"
#include "engine/inputs/point_reader.hpp"

namespace yz {

struct MobileStop {
  std::string station;  // the station's id in the stations file
  uint32_t order = 0;   // 1-based position in the station's round
  Vec2 lonlat, xy;
  WeekSchedule when;                  // the quarter-hours the van stands here
  std::string days_text, hours_text;  // as written
  uint64_t row = 0;                   // source row (as PointSet::source_row)
};

struct MobileSchedule {
  std::string source;
  std::vector<MobileStop> stops;  // by station (first appearance), then order
  // Rows not used, each "row 7, column 日期: '周八' not understood" — never dropped silently.
  std::vector<std::string> problems;
  std::vector<std::string> notes;  // which columns were read
  DropReport drops;                // rows the point reader dropped (coordinates)

  std::vector<std::string> stations() const;  // ids in order of first appearance
};

// `opt` carries the CRS (--mobile-schedule-crs / the stations' CRS) and `crs_option` for messages.
MobileSchedule read_mobile_schedule(const std::string& path, const LocalProjection& proj,
                                    const Box& map_bounds, PointReadOptions opt);

// Days (工作日, 周末, 周一至周五, Mo-Fr, every day; "" = every day) and a daily window in quarters
// [from, to) (to <= from runs past midnight into the next day) as a weekly schedule. false with
// `problem` set when the days are not understood.
bool stop_schedule(const std::string& days, int from_q, int to_q, WeekSchedule& out,
                   std::string& problem);

}  // namespace yz
