#pragma once
// Coverage by time of day of one set of stations, from their cover sets (no new searches): each
// station's hours read (blank or unreadable = always open, listed), the demand's worker groups,
// and the hour-by-hour figures. One computation for `coverage --by-hour`, the PDF report and the
// app's time control, so all three show the same numbers.
#include <map>
#include <string>
#include <vector>

#include "engine/coverage/hour_coverage.hpp"
#include "engine/coverage/site_cover.hpp"
#include "engine/inputs/point_set.hpp"
#include "engine/inputs/site_hours.hpp"
#include "engine/inputs/worker_profiles.hpp"

namespace yz {

struct HourStudy {
  SiteHoursReport hours;                // how the stations' hours were read
  std::vector<WeekSchedule> schedules;  // per station (sites order)
  HourCoverage coverage;
  // How hours and groups were read, and where the profiles come from (for text, JSON and PDF).
  std::vector<std::string> notes;
  std::map<std::string, std::string> group_zh;  // worker group -> its Chinese label (profiles)
  std::string profiles_source;                  // the worker-profiles file used
};

// `covers[i]` is what `sites` point i covers in `demand`. Sites from `first_suggested` on are a
// plan's suggested sites: one without hours of its own takes its category's typical hours from
// `categories` (when given), said as an assumption; the stations before keep their own hours.
HourStudy hour_study(const std::vector<SiteCover>& covers, const PointSet& sites,
                     const PointSet& demand, const WorkerProfiles& profiles,
                     const CategoryHours* categories = nullptr,
                     size_t first_suggested = static_cast<size_t>(-1));

// Share of hour `hour` (0-23) the schedule is open, the mean over the day type's days (weekday:
// Mo-Fr, weekend: Sa-Su): 0 = closed the whole hour on every such day.
double open_share(const WeekSchedule& w, bool weekend, int hour);

}  // namespace yz
