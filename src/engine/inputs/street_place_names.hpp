#pragma once
// Generated candidate sites (grid points, map POIs without a name) named after the streets they
// are on, so a planner can find them: "学清路 / 清华东路口 附近" instead of "grid-68". Ids stay.
#include "engine/inputs/point_set.hpp"
#include "engine/map/road_lines.hpp"

namespace yz {

// Gives every point of `ps` with an empty name place_label() of its nearest named streets (the
// map's own language); points with no named street within reach keep "" (labels show the id).
void name_by_streets(PointSet& ps, const RoadLines& lines);

}  // namespace yz
