#pragma once
// The rider-reach test in exported layers: rider columns on the sites and demand layers (and the
// test's settings) beside the walk and radius columns, never merged into them.
#include <vector>

#include "engine/coverage/rider_reach.hpp"
#include "engine/export/coverage_layers.hpp"

namespace yz {

// sites: rider_workers (rider weight the station reaches), rider_points; demand: rider_workers
// (the point's weight the test counts), rider_count (stations reaching it), rider_covered (0/1).
// Layers named "sites" and "demand" get the columns; the others are left alone.
void add_rider_columns(std::vector<Layer>& layers, const RiderStudy& rider);
// Settings rows: rider_ride_min, rider_ride_kmh, rider_park_walk_m, rider_demand, rider_covered.
std::vector<std::pair<std::string, std::string>> rider_settings(const RiderStudy& rider);

}  // namespace yz
