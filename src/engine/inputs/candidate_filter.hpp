#pragma once
// The last pass over candidate sites from every source (planner's layer, POIs, free grid), in
// that priority order: a candidate is dropped, with the reason in the report, when it cannot join
// the walk network, lies in an excluded area, is too close to an existing station, or is the same
// host mapped twice (within merge_m, or the same name and category within same_name_m: a mall
// mapped as a point and as a building).
#include <vector>

#include "engine/inputs/drop_report.hpp"
#include "engine/inputs/exclusion_areas.hpp"
#include "engine/inputs/point_set.hpp"
#include "engine/network/city_network.hpp"

namespace yz {

struct CandidateFilterOptions {
  double merge_m = 10;
  double same_name_m = 60;
  double min_station_m = 0;  // 0 = no minimum distance from existing stations
  SnapOptions snap;
};

struct FilteredCandidates {
  PointSet sites;
  std::vector<Snap> snaps;  // per kept site
};

FilteredCandidates filter_candidates(const PointSet& all, const CityNetwork& city,
                                     const PointSet* stations, const ExclusionAreas* exclusions,
                                     const CandidateFilterOptions& opt, DropReport& report);

}  // namespace yz
