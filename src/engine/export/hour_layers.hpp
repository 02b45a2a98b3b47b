#pragma once
// Coverage by hour in exported layers: per-period columns on the sites (stations) and demand
// layers, so a GIS shows who is covered at the lunch or dinner peak and which stations are shut.
#include <vector>

#include "engine/coverage/hour_study.hpp"
#include "engine/export/layer.hpp"

namespace yz {

// The periods the columns are for: (weekend?, hour). A station counts as open in a period when it
// is open for any part of that hour on the day type's days (as the app greys closed stations).
struct HourPeriod {
  bool weekend;
  int hour;
};
inline constexpr HourPeriod kHourPeriods[] = {{false, 8},  {false, 12}, {false, 18},
                                              {false, 22}, {true, 12},  {true, 18}};

// sites: hours_read (the schedule as understood, OSM style), hours_assumed (the category whose
// typical hours a suggested site without its own was given, else empty), weekday_open_h /
// weekend_open_h (open hours a day), open_wd_08h ... open_we_18h (1 = open then); demand:
// both_wd_08h ... both_we_18h (stations open then that reach the point under both tests). Layers
// named "sites" and "demand" with one feature per station / demand point get them; others are left
// alone.
void add_hour_columns(std::vector<Layer>& layers, const HourStudy& hs,
                      const std::vector<SiteCover>& covers, size_t demand_points);

// The same site columns on the `suggestions` layer, whose features are the study's sites from
// `first_suggested` on (a plan's suggested sites follow its stations, in rank order).
void add_suggestion_hour_columns(Layer& suggestions, const HourStudy& hs, size_t first_suggested);

}  // namespace yz
