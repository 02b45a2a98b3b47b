#include "engine/coverage/hour_coverage_report.hpp"

#include <fmt/format.h>

namespace yz {

namespace {
double pct(double a, double b) {
  return b > 0 ? 100.0 * a / b : 0.0;
}
const char* kDayType[2] = {"weekday", "weekend"};
}  // namespace

std::string hour_coverage_text(const HourCoverage& hc, const std::string& unit,
                               const std::vector<std::string>& notes) {
  std::string s = "\nCoverage by hour (only stations open then count; weekday = mean of Mo-Fr)\n";
  for (const auto& n : notes) s += "  note: " + n + "\n";
  s += fmt::format("  {:>5} {:>6} {:>9} {:>9} {:>9} {:>10} | {:>6} {:>9} {:>9} {:>9} {:>10}\n",
                   "hour", "open", "walk %", "both %", "either %", "out, both%", "open", "walk %",
                   "both %", "either %", "out, both%");
  s += fmt::format("  {:>5} {:>47} | {:>47}\n", "", "weekday", "weekend");
  for (int h = 0; h < 24; ++h) {
    s += fmt::format("  {:02d}:00", h);
    for (int t = 0; t < 2; ++t) {
      const HourRow& r = hc.by[t][h];
      s += fmt::format("{} {:>6.1f} {:>9.1f} {:>9.1f} {:>9.1f} {:>10.1f}", t ? " |" : "",
                       r.open_stations, pct(r.covered[0], hc.total), pct(r.covered[2], hc.total),
                       pct(r.covered[3], hc.total), pct(r.active_covered[2], r.active));
    }
    s += "\n";
  }
  s += fmt::format(
      "  ('out, both%': of the {} out at that hour by the worker profiles, the share with an open "
      "station passing both tests)\n",
      unit);
  s += fmt::format("Worker-hours per week (workers out x hours, by the profiles): {:.0f}\n",
                   hc.worker_hours);
  const char* names[4] = {"walk", "radius", "both", "either"};
  for (int c = 0; c < 4; ++c)
    s += fmt::format(
        "  covered, {:<7} {:>12.0f} ({:.1f} %); were every station open around the clock: {:.1f} "
        "%\n",
        names[c], hc.worker_hours_covered[c], pct(hc.worker_hours_covered[c], hc.worker_hours),
        pct(hc.worker_hours_if_open[c], hc.worker_hours));
  s += "Covered at peak (mean over each group's peak hours, test both)\n";
  for (const auto& g : hc.peaks)
    for (int t = 0; t < 2; ++t) {
      std::string hours;
      for (int h : g.hours[t]) hours += fmt::format("{}{}", hours.empty() ? "" : ",", h);
      s += fmt::format(
          "  {:<13}{:<8} {:>10.0f} of {:.0f} ({:.1f} %; {:.1f} % were stations always open)  hours "
          "{}\n",
          g.group, kDayType[t], g.covered[t][2], g.workers, pct(g.covered[t][2], g.workers),
          pct(g.if_open[t][2], g.workers), hours);
    }
  return s;
}

nlohmann::json hour_coverage_json(const HourCoverage& hc, const std::vector<std::string>& notes) {
  nlohmann::json j;
  const char* names[4] = {"walk", "radius", "both", "either"};
  j["total"] = hc.total;
  j["notes"] = notes;
  j["open_sets"] = hc.open_sets;
  for (int t = 0; t < 2; ++t) {
    nlohmann::json rows = nlohmann::json::array();
    for (int h = 0; h < 24; ++h) {
      const HourRow& r = hc.by[t][h];
      nlohmann::json row = {{"hour", h}, {"open_stations", r.open_stations}, {"active", r.active}};
      for (int c = 0; c < 4; ++c) {
        row["covered"][names[c]] = r.covered[c];
        row["active_covered"][names[c]] = r.active_covered[c];
      }
      rows.push_back(row);
    }
    j[kDayType[t]] = rows;
  }
  j["worker_hours"]["needed"] = hc.worker_hours;
  for (int c = 0; c < 4; ++c) {
    j["worker_hours"]["covered"][names[c]] = hc.worker_hours_covered[c];
    j["worker_hours"]["covered_if_always_open"][names[c]] = hc.worker_hours_if_open[c];
  }
  j["peak"] = nlohmann::json::array();
  for (const auto& g : hc.peaks) {
    nlohmann::json p = {{"group", g.group}, {"workers", g.workers}};
    for (int t = 0; t < 2; ++t) {
      p[kDayType[t]]["hours"] = g.hours[t];
      for (int c = 0; c < 4; ++c) {
        p[kDayType[t]]["covered"][names[c]] = g.covered[t][c];
        p[kDayType[t]]["covered_if_always_open"][names[c]] = g.if_open[t][c];
      }
    }
    j["peak"].push_back(p);
  }
  return j;
}

}  // namespace yz
