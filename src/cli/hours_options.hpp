#pragma once
// Options and output of coverage by time of day (`coverage --by-hour`, `demo --by-hour`): which
// worker profiles and category hours to use, and the hour table/JSON added to a coverage run.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/coverage/coverage_study.hpp"
#include "engine/export/vector_writer.hpp"
#include "engine/inputs/site_hours.hpp"
#include "engine/inputs/worker_profiles.hpp"
#include "engine/siting/suggest_run.hpp"

namespace yz::cli {

struct HoursOptions {
  std::string worker_profiles, category_hours;  // empty = data/ defaults
  void add(CLI::App& app);
  WorkerProfiles profiles() const;
  CategoryHours categories() const;
};

// suggest --when 17:00-20:30 --day weekday --objective worker-hours.
struct SuggestHoursOptions {
  std::string when, day = "week", objective = "workers";
  HoursOptions files;
  void add(CLI::App& app);
  // Checks the options (InputError naming --when, --day or --objective) and sets req.time and,
  // when hours matter, the profiles and category hours.
  void apply(siting::SuggestRequest& req) const;
};

struct ByHour {
  std::string text;
  nlohmann::json json;
  // For the sites layer: hours_read, weekday_open_h, weekend_open_h, open_wd_12h, open_wd_18h.
  std::vector<FieldDef> site_fields;
  std::vector<std::vector<FieldValue>> site_values;
};

// The study's stations' hours (blank/unreadable = always open, listed) against its demand's
// worker groups.
ByHour coverage_by_hour(const CoverageStudy& st, const HoursOptions& opt);

}  // namespace yz::cli
