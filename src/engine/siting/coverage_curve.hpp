#pragma once
// How many stations to fund: the best coverage reachable with 1, 2, ... k new stations (or, for a
// budget, with the money the first 1, 2, ... suggested stations cost), each point a separate
// optimiser run with its proven bound, and the point where one more station adds less than a set
// share of workers ("adds almost nothing"), so a planner can see where the money stops helping.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/siting/siting_problem.hpp"
#include "engine/siting/siting_result.hpp"
#include "engine/util/progress.hpp"

namespace yz::siting {

// The least one more station must add to be worth recommending: a share of all workers
// ("0.5%") or a count of workers ("20").
struct MinGain {
  double value = 0.5;
  bool percent = true;
  double workers(double total) const { return percent ? value / 100 * total : value; }
  std::string text() const;  // "0.5%" / "20"
  static constexpr ParamRange kPercent{0, 100, false, "%"};
  static constexpr ParamRange kCount{0, 1e12, false, "workers"};
};
// "0.5%", "0.5 %" or "20"; throws InputError(option, ...) naming the text and the forms accepted.
MinGain parse_min_gain(const std::string& text, const std::string& option = "--min-gain");

struct CurvePoint {
  uint32_t stations = 0;  // new stations in this point's plan
  double cost = 0;        // their money
  double budget = -1;     // by_money curves: the budget of this run; -1 otherwise
  double covered = 0;     // the primary measure: workers covered (or covered twice, --double)
  double bound = -1;      // proven: no plan of this size/budget covers more; -1 = not known
  bool optimal = false;   // covered == bound
  double added = 0;       // covered minus the previous point's
};

struct CoverageCurve {
  // points[0]: the existing stations alone; points[j]: the best plan found with j new stations
  // (by_money: with the money of the first j suggested stations).
  std::vector<CurvePoint> points;
  bool by_money = false;
  bool twice = false;   // the measure is double coverage
  double total = 0;     // all workers
  double min_gain = 0;  // in workers
  MinGain min_gain_setting;
  int knee = -1;         // first index j >= 1 whose point adds less than min_gain; -1 none
  bool sampled = false;  // more stations than kMaxRuns: points at spaced station counts
  static constexpr uint32_t kMaxRuns = 20;
};

// The curve of a finished run `main` of problem `p`. Every point except the last is a separate
// solve_siting run of `p` with goal max_cover_k (k = j) or, when the main goal was a budget,
// max_cover_budget (budget = cost of the plan's first j sites), all other settings unchanged; the
// last point is the main run itself (for a target goal, a max_cover_k run with its station
// count). Marks the knee and sets SuggestedSite::adds_little on the main run's sites at or after
// the knee rank, or adding less than min_gain at their own rank.
CoverageCurve coverage_curve(const Problem& p, SitingResult& main, const MinGain& min_gain,
                             const Progress& progress = {});

// The curve as CSV (header + one row per point, UTF-8, "." decimals).
std::string coverage_curve_csv(const CoverageCurve& c);

}  // namespace yz::siting
