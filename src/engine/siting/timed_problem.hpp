#pragma once
// Siting for a time window or for worker-hours: a site's value counts only the hours its host is
// open. The quarter-hours of the week that count are grouped into classes in which the same
// sites are open; each demand point becomes one copy per class, worth its workers times the
// class's time weight, and a site covers a copy only when open in that class. The result is an
// ordinary coverage problem, so every solver, bound and proven gap applies unchanged.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/coverage/hour_coverage.hpp"
#include "engine/inputs/opening_hours.hpp"
#include "engine/siting/siting_problem.hpp"

namespace yz::siting {

inline constexpr int kWeekSlots = 7 * kQuartersPerDay;

struct TimeObjective {
  bool window = false;  // --when: only quarters in [from_q, to_q) (to_q <= from_q: overnight)
  int from_q = 0, to_q = kQuartersPerDay;
  uint8_t days = 0x7f;        // bit d = day d (0 Monday); weekday 0x1f, weekend 0x60
  bool worker_hours = false;  // weight each quarter by the groups' active-hour profiles
  bool active() const { return window || worker_hours; }
  bool counts(int day, int quarter) const;
  std::string describe() const;  // "weekday 17:00-20:30, worker-hours per week"
};

// Value of covering one worker of group g in slot s (= day * 96 + quarter): [s * G + g].
// Flat (no worker-hours): 1 / (slots counted) so that the objective reads as the mean workers
// covered over the window; worker-hours: profile share x 0.25 h.
std::vector<double> slot_values(const TimeObjective& t, const DemandGroups& groups);

struct TimedProblem {
  Problem problem;       // the expanded problem (demand copy k * D + d)
  uint32_t classes = 0;  // classes of quarter-hours with the same open sites
  std::string unit;      // "workers (mean over the window)" or "worker-hours per week"
};

// `schedules`: one per site of `base` (same order). Capacities are refused (a worker would count
// once per class).
TimedProblem expand_for_hours(const Problem& base, const std::vector<WeekSchedule>& schedules,
                              const TimeObjective& t, const DemandGroups& groups);

}  // namespace yz::siting
