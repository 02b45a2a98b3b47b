#pragma once
// The Coverage panel's time of day (weekday or weekend, an hour, or all day) and what it shows:
// the plan's coverage by hour (engine/session/scenario_hours) computed once per plan version from
// the cover sets the plan already holds, and, at the chosen hour, which stations are closed and
// how many open stations reach each worker. Changing the hour only re-reads these (no search).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/inputs/worker_profiles.hpp"
#include "engine/session/scenario_hours.hpp"

namespace yz::app {

struct TimeControl {
  bool all_day = true;
  bool weekend = false;
  int hour = 18;
  bool panel_open = false;  // the time section is expanded: keep the by-hour figures current

  // What the figures were computed from.
  std::shared_ptr<const WorkerProfiles> profiles;
  std::string profiles_problem;  // data/worker_profiles.json could not be read
  std::shared_ptr<const ScenarioHours> hours;
  std::shared_ptr<const Workspace> hours_ws;  // held: a new workspace never reuses its address
  uint32_t hours_scenario = 0;
  uint64_t hours_version = 0;
  double compute_ms = 0;
  // At the chosen hour (valid while at_hour()): per entry of hours->slots, closed the whole hour
  // on every day of the type; and the cover counts by open stations.
  std::vector<char> closed;
  std::vector<uint16_t> counts_shown, counts_walk, counts_radius;
  uint64_t mask_key = ~uint64_t{0};

  // An hour is chosen and its figures are ready: the map and the figures follow it.
  bool at_hour() const { return !all_day && hours != nullptr; }
  bool closed_slot(uint32_t slot) const;
};

}  // namespace yz::app
