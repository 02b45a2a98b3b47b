#pragma once
// Coverage by time of day of a plan being edited (the app's time control): the scenario's live
// stations' hours against its workspace's demand, from the cover sets the scenario already holds,
// so changing the hour, the day type or a station's hours costs no walk search. The same
// computation as `yizhan coverage --by-hour` on the same stations (engine/coverage/hour_study).
#include <cstdint>
#include <vector>

#include "engine/coverage/hour_study.hpp"
#include "engine/session/scenario.hpp"

namespace yz {

struct ScenarioHours {
  std::vector<uint32_t> slots;  // the live slots, in order: entry i of study.schedules
  HourStudy study;
};

ScenarioHours scenario_hours(const Scenario& sc, const WorkerProfiles& profiles);

// Per demand point, how many of the stations in `open_slots` cover it under c (saturating): what
// the map colours workers by at a chosen hour.
std::vector<uint16_t> open_cover_counts(const Scenario& sc, const std::vector<uint32_t>& open_slots,
                                        Criterion c);

}  // namespace yz
