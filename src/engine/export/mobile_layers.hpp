#pragma once
// GIS layers of mobile stations: `mobile_stops` (one point per stop: station, order in the round,
// days and hours as written, the schedule as understood) and `mobile_routes` (one line per
// station linking its stops in order), written beside the sites by `coverage`, `export` and
// `suggest --mobile`.
#include <vector>

#include "engine/export/layer.hpp"
#include "engine/inputs/mobile_schedule.hpp"

namespace yz {

// `at_day`/`at_quarter` >= 0: a `current` column is 1 on the stop each van stands at then.
std::vector<Layer> mobile_layers(const MobileSchedule& schedule, int at_day = -1,
                                 int at_quarter = -1);

}  // namespace yz
