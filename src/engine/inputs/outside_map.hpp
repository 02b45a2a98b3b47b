#pragma once
// Sites beyond the map's edge. An extract keeps whole roads that cross its edge, but nothing
// beside them: a station or candidate out there would be judged on a street stub with no
// neighbours (in one extract 36 of 61 free candidates lay 1 km or more outside the bounds, and 3
// of 5 suggestions were among them). One rule for every source of sites: a point farther than the
// snap distance beyond the map's extent (CityNetwork::extent(): an OSM extract's <bounds>, else the
// roads' extent), or whose nearest street lies beyond that extent (a clipped road), is dropped
// with the reason "outside the map".
#include "engine/inputs/drop_report.hpp"
#include "engine/inputs/point_set.hpp"
#include "engine/network/city_network.hpp"

namespace yz {

inline constexpr const char* kOutsideMapReason = "outside the map";

// Metres from `p` to the box (0 inside).
double distance_outside(const Box& b, Vec2 p);

// Removes the points outside the map from `pts`, adding each to `report` (whose read/kept counts
// are updated). Returns how many were dropped.
size_t drop_outside_map(PointSet& pts, const CityNetwork& city, const SnapOptions& snap,
                        DropReport& report);

// Keeps the points whose `keep` flag is set, with all their columns.
void keep_points(PointSet& pts, const std::vector<bool>& keep);

}  // namespace yz
