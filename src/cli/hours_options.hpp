#pragma once
// Options and output of coverage by time of day (`coverage --by-hour`, `demo --by-hour`): which
// worker profiles and category hours to use, and the hour table/JSON added to a coverage run.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/coverage/coverage_study.hpp"
#include "engine/inputs/site_hours.hpp"
#include "engine/inputs/worker_profiles.hpp"

namespace yz::cli {

struct HoursOptions {
  std::string worker_profiles, category_hours;  // empty = data/ defaults
  void add(CLI::App& app);
  WorkerProfiles profiles() const;
  CategoryHours categories() const;
};

struct ByHour {
  std::string text;
  nlohmann::json json;
};

// The study's stations' hours (blank/unreadable = always open, listed) against its demand's
// worker groups.
ByHour coverage_by_hour(const CoverageStudy& st, const HoursOptions& opt);

}  // namespace yz::cli
