#pragma once
// "Where should the van stand at lunch?": the k stops `suggest --mobile` chose for a time window
// become a round. The optimiser counts a worker covered when any of the k stops reaches them
// (the same rule as the all-day figures of a scheduled van); the round then gives each stop an
// equal share of the window, in an order that keeps the drives short (nearest stop next, from the
// stop that gains most).
#include <cstdint>
#include <string>
#include <vector>

#include "engine/geo/vec2.hpp"
#include "engine/inputs/mobile_schedule.hpp"
#include "engine/siting/timed_problem.hpp"

namespace yz::siting {

struct RoundStop {
  uint32_t site = 0;         // index into the sites the positions are given for
  int from_q = 0, to_q = 0;  // quarters of the day; to <= from runs past midnight
};

// `chosen`: the sites in rank order (first = largest gain); `xy`: positions of all sites. The
// window's quarters are split as evenly as possible (earlier stops take the spare quarters).
// Throws InputError naming --k when the window has fewer quarter-hours than stops.
std::vector<RoundStop> mobile_round(const std::vector<uint32_t>& chosen,
                                    const std::vector<Vec2>& xy, const TimeObjective& t);

// The round as a schedule (the table `--mobile-schedule` reads back): station `id`, the days of
// `t` (weekday Mo-Fr, weekend Sa,Su, else every day).
MobileSchedule round_schedule(const std::vector<RoundStop>& round, const std::string& id,
                              const std::vector<Vec2>& lonlat, const std::vector<Vec2>& xy,
                              const TimeObjective& t);

}  // namespace yz::siting
