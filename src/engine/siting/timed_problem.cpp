#include "engine/siting/timed_problem.hpp"

#include <fmt/format.h>

#include <map>

#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"
#include "engine/util/param_range.hpp"

namespace yz::siting {

bool TimeObjective::counts(int day, int quarter) const {
  if (!window) return days >> day & 1;
  if (to_q > from_q) return (days >> day & 1) && quarter >= from_q && quarter < to_q;
  // Overnight window: the evening part on the day named, the morning part on the next day.
  if (quarter >= from_q) return days >> day & 1;
  if (quarter < to_q) return days >> ((day + 6) % 7) & 1;
  return false;
}

std::string TimeObjective::describe() const {
  std::string d = days == 0x7f   ? "every day"
                  : days == 0x1f ? "weekdays"
                  : days == 0x60 ? "weekends"
                                 : "some days";
  if (window)
    d += fmt::format(" {:02d}:{:02d}-{:02d}:{:02d}", from_q / 4, from_q % 4 * 15, to_q / 4,
                     to_q % 4 * 15);
  return d + (worker_hours ? ", worker-hours per week (active-hour profiles)"
                           : ", mean workers covered over the window");
}

std::vector<double> slot_values(const TimeObjective& t, const DemandGroups& groups) {
  const size_t G = groups.names.size();
  std::vector<double> v(kWeekSlots * G, 0);
  int counted = 0;
  for (int s = 0; s < kWeekSlots; ++s)
    counted += t.counts(s / kQuartersPerDay, s % kQuartersPerDay);
  for (int s = 0; s < kWeekSlots; ++s) {
    const int day = s / kQuartersPerDay, q = s % kQuartersPerDay;
    if (!t.counts(day, q)) continue;
    for (size_t g = 0; g < G; ++g)
      v[s * G + g] = t.worker_hours ? groups.profiles[g]->share(day >= 5, q / 4) * 0.25
                                    : 1.0 / std::max(counted, 1);
  }
  return v;
}

TimedProblem expand_for_hours(const Problem& base, const std::vector<WeekSchedule>& schedules,
                              const TimeObjective& t, const DemandGroups& groups) {
  if (base.capacitated())
    throw CodedParamError("capacity_field", Msg::capacity_with_hours,
                          {param_arg("when", "when"), param_arg("objective", "objective")});
  if (schedules.size() != base.sites.size()) throw CodedError("siting", Msg::siting_one_schedule);
  const size_t S = base.sites.size(), D = base.demand_weight.size(), G = groups.names.size();
  if (groups.share.size() != D * G) throw CodedError("siting", Msg::siting_groups_mismatch);
  const std::vector<double> value = slot_values(t, groups);
  // Classes: counted quarter-hours with the same open sites; per class and group, the summed value.
  std::map<std::vector<bool>, size_t> index;
  std::vector<std::vector<bool>> open_of;
  std::vector<std::vector<double>> class_value;
  for (int s = 0; s < kWeekSlots; ++s) {
    double any = 0;
    for (size_t g = 0; g < G; ++g) any += value[s * G + g];
    if (any <= 0) continue;
    std::vector<bool> open(S);
    for (size_t j = 0; j < S; ++j)
      open[j] = schedules[j].open(s / kQuartersPerDay, s % kQuartersPerDay);
    auto [it, fresh] = index.emplace(open, open_of.size());
    if (fresh) open_of.push_back(open), class_value.emplace_back(G, 0.0);
    for (size_t g = 0; g < G; ++g) class_value[it->second][g] += value[s * G + g];
  }
  TimedProblem out;
  out.classes = static_cast<uint32_t>(open_of.size());
  out.unit = t.worker_hours ? "worker-hours per week" : "workers (mean over the window)";
  Problem& p = out.problem;
  p.options = base.options;
  p.demand_weight.resize(open_of.size() * D);
  for (size_t k = 0; k < open_of.size(); ++k)
    for (size_t d = 0; d < D; ++d) {
      double w = 0;
      for (size_t g = 0; g < G; ++g) w += groups.at(d, g) * class_value[k][g];
      p.demand_weight[k * D + d] = w;
    }
  p.sites.resize(S);
  for (size_t j = 0; j < S; ++j) {
    Site& s = p.sites[j];
    s.cost = base.sites[j].cost, s.fixed = base.sites[j].fixed, s.pos = base.sites[j].pos;
    for (size_t k = 0; k < open_of.size(); ++k)
      if (open_of[k][j])
        for (uint32_t d : base.sites[j].covers)
          s.covers.push_back(static_cast<uint32_t>(k * D + d));
  }
  validate(p);
  return out;
}

}  // namespace yz::siting
