#include "engine/inputs/mobile_schedule.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>

#include "engine/inputs/column_names.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {
namespace {

// "11:00:00" (a spreadsheet's time cell) -> "11:00": the window parser reads hours and minutes.
std::string drop_seconds(std::string t) {
  const size_t a = t.find(':');
  if (a == std::string::npos) return t;
  const size_t b = t.find(':', a + 1);
  if (b != std::string::npos && b + 3 <= t.size() &&
      std::isdigit(static_cast<unsigned char>(t[b + 1])))
    t.erase(b, 3);
  return t;
}

std::string lower_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::vector<std::string> MobileSchedule::stations() const {
  std::vector<std::string> out;
  for (const auto& s : stops)
    if (std::find(out.begin(), out.end(), s.station) == out.end()) out.push_back(s.station);
  return out;
}

bool stop_schedule(const std::string& days, int from_q, int to_q, WeekSchedule& out,
                   std::string& problem) {
  uint8_t mask = 0;
  const std::string low = lower_ascii(days);
  if (low.find_first_not_of(" \t") == std::string::npos || low == "every day" ||
      low == "all week" || low == "all days" || low == "all" || low == "7 days" || low == "mo-su") {
    mask = 0x7f;
  } else {
    const ParsedHours p = parse_opening_hours(days);
    if (p.status != HoursStatus::parsed) {
      problem = p.problem.empty() ? "'" + days + "' not understood" : p.problem;
      return false;
    }
    for (int d = 0; d < 7; ++d)
      if (p.schedule.day[d].any()) mask |= 1 << d;
    if (!mask) {
      problem = "'" + days + "' names no day";
      return false;
    }
  }
  out = WeekSchedule{};
  for (int d = 0; d < 7; ++d) {
    if (!(mask >> d & 1)) continue;
    if (to_q > from_q) {
      for (int q = from_q; q < to_q; ++q) out.day[d][q] = true;
    } else {  // past midnight: the rest of the night is the next day's morning
      for (int q = from_q; q < kQuartersPerDay; ++q) out.day[d][q] = true;
      for (int q = 0; q < to_q; ++q) out.day[(d + 1) % 7][q] = true;
    }
  }
  return true;
}

MobileSchedule read_mobile_schedule(const std::string& path, const LocalProjection& proj,
                                    const Box& map_bounds, PointReadOptions opt) {
  MobileSchedule ms;
  ms.source = path;
  opt.unique_ids = false;  // one row per stop: the station id repeats
  opt.site_attributes = false;
  opt.weight_field.clear();
  ms.drops.source = path;
  ms.drops.what = "mobile stops";
  const PointSet pts = read_points(path, proj, map_bounds, opt, ms.drops, "mobile stops");
  std::vector<ColumnName> cols;
  for (const auto& n : pts.attr_names) cols.push_back({n, false});
  const int c_station =
      find_column(cols, {"station_id", "station", "vehicle", "van", "vehicle_id", "id", "站点编号",
                         "驿站编号", "车辆", "车辆编号", "车牌", "车牌号", "站点", "编号"});
  const int c_order = find_column(cols, {"order", "stop", "stop_order", "seq", "sequence", "顺序",
                                         "序号", "站序", "停靠顺序", "停靠点序号"});
  const int c_days = find_column(
      cols, {"days", "day", "weekdays", "日期", "星期", "运营日", "服务日", "工作日期"});
  const int c_from = find_column(
      cols, {"from", "start", "start_time", "begin", "开始", "开始时间", "起始时间", "到达时间"});
  const int c_to =
      find_column(cols, {"to", "end", "end_time", "until", "结束", "结束时间", "离开时间"});
  const int c_window = find_column(
      cols, {"hours", "time", "window", "时段", "时间", "停靠时间", "服务时间", "停靠时段"});
  auto col = [&](int c) { return c >= 0 ? pts.attr_names[c] : std::string(); };
  if (c_station < 0) throw CodedError(path, Msg::mobile_no_station_column);
  const bool from_to = c_from >= 0 && c_to >= 0;
  if (!from_to && c_window < 0) throw CodedError(path, Msg::mobile_no_hours);
  ms.notes.push_back(fmt::format(
      "mobile schedule columns: station '{}'{}{}, hours {}", col(c_station),
      c_order >= 0 ? ", order '" + col(c_order) + "'" : std::string(" (order: file order)"),
      c_days >= 0 ? ", days '" + col(c_days) + "'" : std::string(" (no days column: every day)"),
      from_to ? "'" + col(c_from) + "'-'" + col(c_to) + "'" : "'" + col(c_window) + "'"));
  for (const auto& d : ms.drops.dropped)
    ms.problems.push_back(fmt::format("row {}: {}{}", d.index + 1, d.reason,
                                      d.detail.empty() ? "" : " (" + d.detail + ")"));

  std::map<std::string, size_t> first_seen;
  struct Row {
    MobileStop stop;
    double order;
  };
  std::vector<Row> rows;
  for (size_t i = 0; i < pts.size(); ++i) {
    const auto& v = pts.attr_values[i];
    const uint64_t row = pts.source_row(i);
    auto where = [&](int c) { return fmt::format("row {}, column {}", row + 1, col(c)); };
    MobileStop s;
    s.station = v[c_station];
    s.lonlat = pts.lonlat[i], s.xy = pts.xy[i];
    s.row = row;
    if (s.station.empty()) {
      ms.problems.push_back(where(c_station) + ": no station id");
      continue;
    }
    s.hours_text = from_to ? v[c_from] + "-" + v[c_to] : v[c_window];
    s.days_text = c_days >= 0 ? v[c_days] : std::string();
    int from_q = 0, to_q = 0;
    const std::string window =
        from_to ? drop_seconds(v[c_from]) + "-" + drop_seconds(v[c_to]) : v[c_window];
    std::string problem;
    if (parse_time_window(window, from_q, to_q)) {
      if (from_q == to_q) {
        ms.problems.push_back(where(from_to ? c_from : c_window) + ": '" + s.hours_text +
                              "' is an empty time range");
        continue;
      }
      if (!stop_schedule(s.days_text, from_q, to_q, s.when, problem)) {
        ms.problems.push_back(where(c_days) + ": days " + problem);
        continue;
      }
    } else {
      // One cell with days and hours ("Mo-Fr 11:00-13:30", "工作日 11:00-13:30") when no days
      // column says otherwise.
      const ParsedHours p = from_to ? ParsedHours{} : parse_opening_hours(window);
      if (p.status == HoursStatus::parsed && s.days_text.empty() && p.notes.empty() &&
          !p.schedule.never_open() && !p.schedule.always_open()) {
        s.when = p.schedule;
      } else {
        ms.problems.push_back(where(from_to ? c_from : c_window) + ": '" + s.hours_text +
                              "' is not a time range such as 11:00-13:30");
        continue;
      }
    }
    double order = static_cast<double>(i);
    if (c_order >= 0 && !v[c_order].empty()) {
      char* end = nullptr;
      order = std::strtod(v[c_order].c_str(), &end);
      if (end == v[c_order].c_str() || *end != '\0') {
        ms.problems.push_back(where(c_order) + ": '" + v[c_order] + "' is not a number");
        continue;
      }
    } else if (c_order >= 0) {
      order = 1e12 + i;  // unnumbered rows after the numbered ones, in file order
    }
    first_seen.emplace(s.station, first_seen.size());
    rows.push_back({std::move(s), order});
  }
  std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) {
    const size_t fa = first_seen[a.stop.station], fb = first_seen[b.stop.station];
    return fa != fb ? fa < fb : a.order < b.order;
  });
  // A van stands at one stop at a time: a row overlapping an earlier one of its station is
  // refused (listed), the earlier kept.
  for (Row& r : rows) {
    const MobileStop* clash = nullptr;
    for (const auto& k : ms.stops)
      if (k.station == r.stop.station)
        for (int d = 0; d < 7 && !clash; ++d)
          if ((k.when.day[d] & r.stop.when.day[d]).any()) clash = &k;
    if (clash) {
      ms.problems.push_back(fmt::format(
          "row {}: station {} is already at the stop of row {} then ({} {} and {} {}); row "
          "skipped",
          r.stop.row + 1, r.stop.station, clash->row + 1, clash->days_text, clash->hours_text,
          r.stop.days_text, r.stop.hours_text));
      continue;
    }
    ms.stops.push_back(std::move(r.stop));
  }
  std::map<std::string, uint32_t> next;
  for (auto& s : ms.stops) s.order = ++next[s.station];
  if (ms.stops.empty()) {
    // The first few row problems follow as written (they quote the file's cells).
    std::string why;
    for (size_t k = 0; k < ms.problems.size() && k < 5; ++k) why += "; " + ms.problems[k];
    throw CodedError(path, Msg::mobile_no_usable_stop, {{"count", ms.drops.read}, {"why", why}});
  }
  return ms;
}

}  // namespace yz
