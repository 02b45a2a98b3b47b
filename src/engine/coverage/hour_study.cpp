#include "engine/coverage/hour_study.hpp"

namespace yz {

HourStudy hour_study(const std::vector<SiteCover>& covers, const PointSet& sites,
                     const PointSet& demand, const WorkerProfiles& profiles,
                     const CategoryHours* categories, size_t first_suggested) {
  HourStudy hs;
  // Stations keep their own hours only: category hours are for candidates without any.
  if (first_suggested < sites.size()) hs.hours.what = "stations and suggested sites";
  hs.schedules = site_schedules(sites, first_suggested < sites.size() ? categories : nullptr,
                                hs.hours, first_suggested);
  const DemandGroups groups = demand_groups(demand, profiles);
  hs.coverage = hour_coverage(covers, hs.schedules, demand.weight, groups, profiles.peak_share);
  hs.notes = hs.hours.lines();
  for (const auto& r : hs.hours.assumed_rows) hs.notes.push_back("no hours of its own, " + r);
  hs.notes.insert(hs.notes.end(), groups.notes.begin(), groups.notes.end());
  for (const WorkerProfile& p : profiles.groups) hs.group_zh[p.name] = p.label_zh;
  hs.profiles_source = profiles.source;
  hs.notes.push_back("worker profiles: " + profiles.source +
                     " (assumptions; edit the file to change them)");
  return hs;
}

double open_share(const WeekSchedule& w, bool weekend, int hour) {
  const int first = weekend ? 5 : 0, last = weekend ? 7 : 5;
  double s = 0;
  for (int d = first; d < last; ++d) s += w.open_share(d, hour);
  return s / (last - first);
}

}  // namespace yz
