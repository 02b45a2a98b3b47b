#pragma once
// Mobile stations' rounds on the app's map (issue 14): a van's schedule of stops read from a
// planner's table (`yizhan gui --mobile-schedule FILE`, as `coverage`/`export` read it) and shown
// as its stops linked in order, the stop the van stands at in the hour chosen in the time control
// highlighted. Display only: the plan's coverage still counts the station at its listed place.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/render/map_scene.hpp"
#include "engine/inputs/mobile_schedule.hpp"

namespace yz::app {

struct AppState;

// Reads the schedule in the session's map frame (CRS: `crs`, else the stations layer's) and keeps
// it in st.mobile; a notice says how many vans and stops, and lists every row not used. An
// unusable file is an error notice naming it (the map keeps what it showed) and returns false.
bool open_mobile_schedule(AppState& st, const std::string& path, const std::string& crs = "",
                          const std::string& layer = "");

// Each van's stops in round order; with `at_hour`, `current` is the stop it stands at for most
// of that hour on the day type (engine/coverage/hour_study open_share), -1 between stops.
std::vector<SceneRound> mobile_rounds(const MobileSchedule& s, bool at_hour, bool weekend,
                                      int hour);

// For --ui-report: per van its id, stops on screen and the current stop.
void mobile_report(const AppState& st, nlohmann::json& j);

}  // namespace yz::app
