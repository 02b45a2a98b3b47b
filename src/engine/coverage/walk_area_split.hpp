#pragma once
// Walk areas of the whole plan: dissolved (everywhere some station reaches within the walk), and
// split by nearest station (each street piece goes to the station that reaches it first, so the
// pieces do not overlap — who serves which street). From one multi-source network search.
#include <vector>

#include "engine/coverage/coverage_study.hpp"
#include "engine/coverage/walk_area.hpp"

namespace yz {

struct PlanWalkAreas {
  MultiPolygon dissolved;             // metric
  std::vector<MultiPolygon> nearest;  // per site (metric), disjoint
};

// Street pieces are sampled every `step_m` metres (the split point between two stations is exact
// to half a step).
PlanWalkAreas plan_walk_areas(const CoverageStudy& study, const WalkAreaOptions& opt,
                              double step_m = 5);

}  // namespace yz
