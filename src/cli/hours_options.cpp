#include "cli/hours_options.hpp"

#include "engine/coverage/hour_coverage_report.hpp"
#include "engine/coverage/hour_study.hpp"
#include "engine/inputs/opening_hours.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz::cli {

void HoursOptions::add(CLI::App& app) {
  app.add_option("--worker-profiles", worker_profiles,
                 "Active-hour profiles of worker groups (default: data/worker_profiles.json)");
  app.add_option("--category-hours", category_hours,
                 "Typical hours per candidate category, used when a candidate has none "
                 "(default: data/category_hours.json)");
}

WorkerProfiles HoursOptions::profiles() const {
  return worker_profiles.empty() ? WorkerProfiles::load_default()
                                 : WorkerProfiles::load(worker_profiles);
}

CategoryHours HoursOptions::categories() const {
  return category_hours.empty() ? CategoryHours::load_default()
                                : CategoryHours::load(category_hours);
}

void SuggestHoursOptions::add(CLI::App& app) {
  app.add_option("--when", when,
                 "Count coverage only in this daily window (e.g. 17:00-20:30; 22:00-06:00 runs "
                 "overnight), and only while each station's host is open");
  app.add_option("--day", day, "Days --when and worker-hours count: weekday, weekend or week")
      ->capture_default_str();
  app.add_option("--objective", objective,
                 "workers (covered workers) or worker-hours (covered while open, weighted by the "
                 "worker groups' active-hour profiles)")
      ->capture_default_str();
  files.add(app);
}

void SuggestHoursOptions::apply(siting::SuggestRequest& req) const {
  siting::TimeObjective& t = req.time;
  if (objective == "worker-hours" || objective == "worker_hours") {
    t.worker_hours = true;
  } else if (objective != "workers") {
    throw CodedError("--objective", Msg::cli_bad_objective, {{"value", objective}});
  }
  if (!when.empty()) {
    t.window = true;
    if (!parse_time_window(when, t.from_q, t.to_q))
      throw CodedError("--when", Msg::cli_bad_when, {{"value", when}});
  }
  if (day == "weekday" || day == "weekdays" || day == "工作日") {
    t.days = 0x1f;
  } else if (day == "weekend" || day == "weekends" || day == "周末") {
    t.days = 0x60;
  } else if (day == "week" || day == "all") {
    t.days = 0x7f;
  } else {
    throw CodedError("--day", Msg::cli_bad_day, {{"value", day}});
  }
  if (!t.active()) {
    if (day != "week") throw CodedError("--day", Msg::cli_day_needs_when);
    return;
  }
  req.categories = files.categories();
  if (t.worker_hours) req.profiles = files.profiles();
}

ByHour coverage_by_hour(const CoverageStudy& st, const HoursOptions& opt) {
  const WorkerProfiles wp = opt.profiles();
  const HourStudy hs = hour_study(st.covers, st.sites, st.demand, wp);
  const SiteHoursReport& rep = hs.hours;
  const HourCoverage& hc = hs.coverage;
  const std::vector<WeekSchedule>& schedules = hs.schedules;
  const std::vector<std::string>& notes = hs.notes;
  ByHour out;
  out.text = hour_coverage_text(hc, st.demand_is_proxy ? "street-m" : "workers", notes);
  out.json = hour_coverage_json(hc, notes);
  out.json["hours_read"] = {{"stations", rep.points},
                            {"parsed", rep.parsed},
                            {"blank_always_open", rep.blank},
                            {"unreadable_always_open", rep.unreadable},
                            {"unreadable", rep.unreadable_rows},
                            {"not_modelled", rep.not_modelled}};
  nlohmann::json per = nlohmann::json::array();
  for (size_t i = 0; i < st.sites.size(); ++i)
    per.push_back({{"id", st.sites.id[i]},
                   {"hours", site_hours_text(st.sites, i)},
                   {"read_as", schedules[i].describe()}});
  out.json["stations"] = per;
  out.site_fields = {{"hours_read", FieldType::text},
                     {"weekday_open_h", FieldType::real},
                     {"weekend_open_h", FieldType::real},
                     {"open_wd_12h", FieldType::integer},
                     {"open_wd_18h", FieldType::integer}};
  for (const WeekSchedule& w : schedules) {
    double wd = 0, we = 0;
    for (int d = 0; d < 7; ++d)
      (d < 5 ? wd : we) += static_cast<double>(w.day[d].count()) / 4 / (d < 5 ? 5 : 2);
    out.site_values.push_back(
        {w.describe(), wd, we, int64_t{w.open(2, 48) ? 1 : 0}, int64_t{w.open(2, 72) ? 1 : 0}});
  }
  return out;
}

}  // namespace yz::cli
