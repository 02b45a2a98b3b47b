#include "engine/export/hour_layers.hpp"

#include <fmt/format.h>

namespace yz {

namespace {
std::string period_name(const char* prefix, HourPeriod p) {
  return fmt::format("{}_{}_{:02d}h", prefix, p.weekend ? "we" : "wd", p.hour);
}
bool open_in(const WeekSchedule& w, HourPeriod p) {
  return open_share(w, p.weekend, p.hour) > 0;
}

// The per-site columns (names and, per site, values) shared by the stations and suggestions layers.
void add_site_columns(Layer& l, const HourStudy& hs, size_t first_site) {
  l.fields.push_back({"hours_read", FieldType::text});
  l.fields.push_back({"hours_assumed", FieldType::text});
  l.fields.push_back({"weekday_open_h", FieldType::real});
  l.fields.push_back({"weekend_open_h", FieldType::real});
  for (HourPeriod p : kHourPeriods)
    l.fields.push_back({period_name("open", p), FieldType::integer});
  for (size_t f = 0; f < l.features.size(); ++f) {
    const size_t s = first_site + f;
    const WeekSchedule& w = hs.schedules[s];
    double wd = 0, we = 0;
    for (int d = 0; d < 7; ++d)
      (d < 5 ? wd : we) += static_cast<double>(w.day[d].count()) / 4 / (d < 5 ? 5 : 2);
    auto& v = l.features[f].values;
    v.emplace_back(w.describe());
    v.emplace_back(s < hs.hours.assumed_category.size() ? hs.hours.assumed_category[s] : std::string());
    v.emplace_back(wd);
    v.emplace_back(we);
    for (HourPeriod p : kHourPeriods) v.emplace_back(static_cast<int64_t>(open_in(w, p)));
  }
}

}  // namespace

void add_suggestion_hour_columns(Layer& suggestions, const HourStudy& hs, size_t first_suggested) {
  if (first_suggested + suggestions.features.size() != hs.schedules.size()) return;
  add_site_columns(suggestions, hs, first_suggested);
}

void add_hour_columns(std::vector<Layer>& layers, const HourStudy& hs,
                      const std::vector<SiteCover>& covers, size_t demand_points) {
  const size_t S = hs.schedules.size();
  std::vector<std::vector<char>> open(std::size(kHourPeriods), std::vector<char>(S, 0));
  for (size_t p = 0; p < std::size(kHourPeriods); ++p)
    for (size_t s = 0; s < S; ++s)
      open[p][s] = open_share(hs.schedules[s], kHourPeriods[p].weekend, kHourPeriods[p].hour) > 0;
  for (Layer& l : layers) {
    if (l.name == "sites" && l.features.size() == S) {
      add_site_columns(l, hs, 0);
    } else if (l.name == "demand" && l.features.size() == demand_points && covers.size() == S) {
      std::vector<std::vector<int64_t>> n(std::size(kHourPeriods),
                                          std::vector<int64_t>(demand_points, 0));
      for (size_t s = 0; s < S; ++s) {
        const std::vector<uint32_t> both = covers[s].covered(Criterion::both);
        for (size_t p = 0; p < std::size(kHourPeriods); ++p)
          if (open[p][s])
            for (uint32_t d : both)
              if (d < demand_points) ++n[p][d];
      }
      for (HourPeriod p : kHourPeriods)
        l.fields.push_back({period_name("both", p), FieldType::integer});
      for (size_t d = 0; d < demand_points; ++d)
        for (size_t p = 0; p < std::size(kHourPeriods); ++p)
          l.features[d].values.emplace_back(n[p][d]);
    }
  }
}

}  // namespace yz
