#pragma once
// Coverage by time of day: in each quarter-hour of the week only the stations open then count.
// Per-station cover sets are reused (no new searches); only open/closed changes, and each
// distinct set of open stations is evaluated once. Weighted by the worker groups' active-hour
// profiles this gives "worker-hours covered": how much of the time workers are out a station is
// both near and open.
#include <array>
#include <string>
#include <vector>

#include "engine/coverage/site_cover.hpp"
#include "engine/inputs/opening_hours.hpp"
#include "engine/inputs/point_set.hpp"
#include "engine/inputs/worker_profiles.hpp"

namespace yz {

// Workers of each group at each demand point: share[d * names.size() + g].
struct DemandGroups {
  std::vector<std::string> names;
  std::vector<const WorkerProfile*> profiles;  // per group
  std::vector<double> share;
  std::vector<std::string> notes;  // which columns were read, which groups fell back
  double at(size_t d, size_t g) const { return share[d * names.size() + g]; }
};

// Groups from the demand's pass-through columns named after profile groups (the per-component
// columns `yizhan demand` writes: riders, couriers, ...); what they do not account for (or all of
// it, e.g. the street-length proxy) is the "default" group.
DemandGroups demand_groups(const PointSet& demand, const WorkerProfiles& profiles);

inline constexpr Criterion kAllCriteria[4] = {Criterion::walk, Criterion::radius, Criterion::both,
                                              Criterion::either};

struct HourRow {
  double open_stations = 0;         // mean number open over the hour (and the days of its day type)
  double active = 0;                // workers out then (groups' weights x profile shares)
  std::array<double, 4> covered{};  // workers covered, by criterion (kAllCriteria order)
  std::array<double, 4> active_covered{};  // of the workers out, covered
};

struct GroupPeak {
  std::string group;
  double workers = 0;
  std::array<std::vector<int>, 2> hours;           // peak hours, weekday and weekend
  std::array<std::array<double, 4>, 2> covered{};  // mean workers covered over those hours
  std::array<std::array<double, 4>, 2> if_open{};  // the same with every station always open
};

struct HourCoverage {
  double total = 0;                           // all demand weight
  std::array<std::array<HourRow, 24>, 2> by;  // [0 weekday (mean Mo-Fr), 1 weekend (Sa-Su)][hour]
  double worker_hours = 0;                    // per week: workers out x hours (what is needed)
  std::array<double, 4> worker_hours_covered{};  // of those, with an open station in reach
  std::array<double, 4> worker_hours_if_open{};  // the same stations open around the clock
  std::vector<GroupPeak> peaks;
  uint32_t open_sets = 0;  // distinct sets of open stations evaluated
};

HourCoverage hour_coverage(const std::vector<SiteCover>& covers,
                           const std::vector<WeekSchedule>& schedules,
                           const std::vector<double>& weight, const DemandGroups& groups,
                           double peak_share);

}  // namespace yz
