#include "cli/suggest_curve_text.hpp"

#include <fmt/format.h>

#include "engine/util/number_format.hpp"

namespace yz::cli {

std::string coverage_curve_text(const siting::CoverageCurve& c, const std::string& unit) {
  if (c.points.size() < 2) return {};
  std::string s = fmt::format(
      "Coverage curve ({} covered{} with the best plan of each size{}; each point a separate "
      "run):\n",
      unit, c.twice ? " twice" : "",
      c.by_money ? ", for the money of the first suggested stations" : "");
  s += c.by_money ? "   new     money      covered     share      added   proven bound\n"
                  : "   new      covered     share      added   proven bound\n";
  for (size_t i = 0; i < c.points.size(); ++i) {
    const siting::CurvePoint& p = c.points[i];
    const std::string bound =
        p.bound < 0 ? "not known"
                    : (p.optimal ? "optimal" : fmt::format("{:.0f}", round_shown(p.bound, 0)));
    const std::string added = i == 0 ? "" : fmt::format("+{:.0f}", round_shown(p.added, 0));
    const bool little = c.knee >= 0 && static_cast<int>(i) >= c.knee;
    std::string row = fmt::format("{:>6}", p.stations);
    if (c.by_money) row += fmt::format("{:>10.2f}", p.budget < 0 ? 0.0 : p.budget);
    row += fmt::format("{:>13.0f}{:>10}{:>11}   {}{}\n", round_shown(p.covered, 0),
                       percent_text(p.covered, c.total), added, i == 0 ? "(existing)" : bound,
                       little ? "   adds almost nothing" : "");
    s += row;
  }
  if (c.knee >= 0)
    s += fmt::format(
        "From station {} on, one more station adds less than --min-gain {} ({:.0f} {}): those "
        "suggestions add almost nothing.\n",
        c.knee, c.min_gain_setting.text(), round_shown(c.min_gain, 0), unit);
  else
    s += fmt::format("Every station adds at least --min-gain {} ({:.0f} {}).\n",
                     c.min_gain_setting.text(), round_shown(c.min_gain, 0), unit);
  if (c.sampled) s += "(more stations than the curve's runs: points at spaced station counts)\n";
  return s;
}

nlohmann::json coverage_curve_json(const siting::CoverageCurve& c) {
  nlohmann::json j;
  j["by_money"] = c.by_money;
  j["twice"] = c.twice;
  j["total"] = c.total;
  j["min_gain"] = c.min_gain_setting.text();
  j["min_gain_workers"] = c.min_gain;
  j["knee"] = c.knee < 0 ? nlohmann::json(nullptr) : nlohmann::json(c.knee);
  j["sampled"] = c.sampled;
  j["points"] = nlohmann::json::array();
  for (size_t i = 0; i < c.points.size(); ++i) {
    const siting::CurvePoint& p = c.points[i];
    j["points"].push_back(
        {{"new_stations", p.stations},
         {"cost", p.cost},
         {"budget", p.budget < 0 ? nlohmann::json(nullptr) : nlohmann::json(p.budget)},
         {"covered", p.covered},
         {"percent", percent_shown(p.covered, c.total)},
         {"added", p.added},
         {"bound", p.bound < 0 ? nlohmann::json(nullptr) : nlohmann::json(p.bound)},
         {"optimal", p.optimal},
         {"adds_little", c.knee >= 0 && static_cast<int>(i) >= c.knee}});
  }
  return j;
}

}  // namespace yz::cli
