#include "engine/siting/coverage_curve.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "engine/siting/siting_solver.hpp"
#include "engine/util/error.hpp"

namespace yz::siting {

std::string MinGain::text() const {
  return percent ? fmt::format("{:g}%", value) : fmt::format("{:g}", value);
}

MinGain parse_min_gain(const std::string& text, const std::string& option) {
  std::string t = text;
  t.erase(0, t.find_first_not_of(" \t"));
  t.erase(t.find_last_not_of(" \t") + 1);
  MinGain g;
  g.percent = !t.empty() && t.back() == '%';
  if (g.percent) {
    t.pop_back();
    t.erase(t.find_last_not_of(" \t") + 1);
  }
  char* end = nullptr;
  const double v = std::strtod(t.c_str(), &end);
  const std::string hint = "give a share of all workers such as 0.5% or a count such as 20";
  if (t.empty() || end != t.c_str() + t.size() || !std::isfinite(v))
    throw InputError(option, "'" + text + "' is not a number: " + hint);
  const std::string problem = range_problem(v, g.percent ? MinGain::kPercent : MinGain::kCount);
  if (!problem.empty()) throw InputError(option, "'" + text + "': " + problem);
  g.value = v;
  return g;
}

namespace {

// Station counts (plan ranks) the curve is computed at: every one up to kMaxRuns, else spaced.
std::vector<uint32_t> curve_ranks(uint32_t count, bool& sampled) {
  std::vector<uint32_t> js;
  sampled = count > CoverageCurve::kMaxRuns;
  for (uint32_t i = 1; i <= std::min(count, CoverageCurve::kMaxRuns); ++i) {
    const uint32_t j = sampled ? static_cast<uint32_t>(std::lround(static_cast<double>(count) * i /
                                                                   CoverageCurve::kMaxRuns))
                               : i;
    if (js.empty() || j > js.back()) js.push_back(j);
  }
  return js;
}

CurvePoint point_of(const SitingResult& r, bool twice, bool target_run) {
  CurvePoint pt;
  pt.stations = r.count;
  pt.cost = r.cost;
  pt.covered = target_run ? (twice ? r.after.covered_twice : r.after.covered) : r.objective;
  if (!target_run) {
    pt.bound = r.bound;
    pt.optimal = r.optimal;
  }
  return pt;
}

}  // namespace

CoverageCurve coverage_curve(const Problem& p, SitingResult& main, const MinGain& min_gain,
                             const Progress& progress) {
  CoverageCurve c;
  const Options& o = p.options;
  c.by_money = o.goal == Goal::max_cover_budget;
  c.twice = o.objective == Objective::double_cover;
  c.total = main.before.total;
  c.min_gain_setting = min_gain;
  c.min_gain = min_gain.workers(c.total);
  CurvePoint zero;
  zero.covered = c.twice ? main.before.covered_twice : main.before.covered;
  zero.bound = zero.covered;  // nothing to choose
  zero.optimal = true;
  zero.budget = c.by_money ? 0 : -1;
  c.points.push_back(zero);

  const uint32_t count = main.count;
  const std::vector<uint32_t> js = curve_ranks(count, c.sampled);
  // Money of the plan's first j sites (rank order), for budget curves.
  std::vector<double> money(count + 1, 0);
  for (uint32_t j = 1; j <= count && j <= main.sites.size(); ++j)
    money[j] = money[j - 1] + main.sites[j - 1].cost;
  std::vector<uint32_t> rank_of_point{0};
  for (size_t i = 0; i < js.size(); ++i) {
    progress.throw_if_cancelled();
    const uint32_t j = js[i];
    const bool last = j == count;
    CurvePoint pt;
    if (last && o.goal != Goal::min_for_target) {
      pt = point_of(main, c.twice, false);
    } else {
      Problem q = p;
      if (c.by_money) {
        q.options.budget = money[j];
      } else {
        q.options.goal = Goal::max_cover_k;
        q.options.k = j;
      }
      const SitingResult r =
          solve_siting(q, progress.slice(double(i) / js.size(), double(i + 1) / js.size()));
      pt = point_of(r, c.twice, false);
    }
    if (c.by_money) pt.budget = money[j];
    c.points.push_back(pt);
    rank_of_point.push_back(j);
  }
  for (size_t i = 1; i < c.points.size(); ++i) {
    CurvePoint& pt = c.points[i];
    pt.added = pt.covered - c.points[i - 1].covered;
    const double per_station =
        pt.added / std::max<uint32_t>(1, rank_of_point[i] - rank_of_point[i - 1]);
    if (c.knee < 0 && per_station < c.min_gain) c.knee = static_cast<int>(i);
  }
  const uint32_t knee_rank = c.knee < 0 ? UINT32_MAX : rank_of_point[c.knee];
  for (SuggestedSite& s : main.sites) s.adds_little = s.rank >= knee_rank || s.gain < c.min_gain;
  return c;
}

std::string coverage_curve_csv(const CoverageCurve& c) {
  std::string s =
      "new_stations,cost,budget,workers_covered,share_percent,added,proven_bound,proven_optimal,"
      "adds_little\n";
  for (size_t i = 0; i < c.points.size(); ++i) {
    const CurvePoint& p = c.points[i];
    const bool little = i > 0 && c.knee >= 0 && static_cast<int>(i) >= c.knee;
    s += fmt::format("{},{:.2f},{},{:.2f},{:.2f},{:.2f},{},{},{}\n", p.stations, p.cost,
                     p.budget < 0 ? std::string() : fmt::format("{:.2f}", p.budget), p.covered,
                     c.total > 0 ? 100 * p.covered / c.total : 0.0, p.added,
                     p.bound < 0 ? std::string() : fmt::format("{:.2f}", p.bound),
                     p.optimal ? "yes" : "no", little ? "yes" : "no");
  }
  return s;
}

}  // namespace yz::siting
