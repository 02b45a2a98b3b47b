#pragma once
// Opening hours of a station's or candidate's host as a weekly schedule of quarter-hours. Reads
// the forms Chinese station lists use (24小时, 全天, 8:00-20:00, 8：00—20：00, 早8点至晚8点,
// 上午/下午, 工作日 9:00-17:00, 周一至周五, 周末休息, 节假日休息, several ranges a day,
// 22:00-次日6:00) and the weekly subset of OpenStreetMap `opening_hours` (Mo-Fr 08:00-18:00; Sa
// 09:00-12:00, 24/7, off). Public-holiday and date rules (PH, 节假日, Jan-Mar, sunrise) are read as
// "not modelled": the rule is skipped with a note. Blank or unreadable hours are treated as always
// open by the callers, which count and list them.
#include <array>
#include <bitset>
#include <string>
#include <string_view>
#include <vector>

namespace yz {

inline constexpr int kQuartersPerDay = 96;
inline constexpr const char* kDayCodes[7] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};

// Day 0 = Monday; quarter q covers minutes [15q, 15q + 15). Times are rounded to the nearest
// quarter (8:10 -> 8:15), so a quarter is open when the host is open for most of it.
struct WeekSchedule {
  std::array<std::bitset<kQuartersPerDay>, 7> day;

  static WeekSchedule always();
  bool open(int d, int quarter) const { return day[d][quarter]; }
  // Open for at least part of hour h (0-23) of day d, and the share of that hour it is open.
  double open_share(int d, int hour) const;
  bool always_open() const;
  bool never_open() const;
  int open_quarters() const;
  // OSM-style text of what was understood: "Mo-Fr 09:00-17:00; Sa,Su off", "24/7".
  std::string describe() const;
  bool operator==(const WeekSchedule& o) const { return day == o.day; }
};

enum class HoursStatus { parsed, blank, unreadable };

struct ParsedHours {
  HoursStatus status = HoursStatus::blank;
  WeekSchedule schedule = WeekSchedule::always();  // always open unless parsed
  std::vector<std::string> notes;  // rules read as not modelled ("public holidays not modelled")
  std::string problem;             // unreadable: why ("'营业中' not understood")
};

ParsedHours parse_opening_hours(std::string_view text);

// Parses "HH:MM-HH:MM" (also full-width and Chinese forms) as a daily window in quarters
// [from, to) of one day; to <= from crosses midnight. false when not a single time range.
bool parse_time_window(std::string_view text, int& from_quarter, int& to_quarter);

}  // namespace yz
