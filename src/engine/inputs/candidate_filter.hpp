#pragma once
// The last pass over candidate sites from every source (planner's layer, POIs, free grid), in
// that priority order: a candidate is dropped, with the reason in its source's report, when it
// cannot join the walk network, lies in an excluded area, is too close to an existing station, or
// is the same host mapped twice. Same host: within merge_m (unless both are named and the names
// differ: two shops side by side), or the same name and category within same_name_m (a mall
// mapped as a point and as a building). Of two mappings from the same source the one whose point
// is nearer a walkable street is kept (an area's street-facing point beats a node inside it);
// the kept candidate lists the others' ids in its `merged` column.
#include <vector>

#include "engine/inputs/drop_report.hpp"
#include "engine/inputs/exclusion_areas.hpp"
#include "engine/inputs/point_set.hpp"
#include "engine/network/city_network.hpp"
#include "engine/util/param_range.hpp"

namespace yz {

struct CandidateFilterOptions {
  double merge_m = 10;
  double same_name_m = 60;
  double min_station_m = 0;  // 0 = no minimum distance from existing stations
  SnapOptions snap;

  // Valid ranges (README "Valid ranges").
  static constexpr ParamRange kMergeM{0, 10000, false, "m"};
  static constexpr ParamRange kMinStationM{0, 100000, false, "m"};
  static constexpr ParamRange kMaxSnapM{0, 5000, true, "m"};
  // ParamError: merge_m, same_name_m, min_distance_m, max_snap_m.
  void validate() const;
};

struct FilteredCandidates {
  PointSet sites;           // with a pass-through column `merged` (ids merged into each, ';')
  std::vector<Snap> snaps;  // per kept site
};

inline constexpr const char* kMergedColumn = "merged";

// `sources` in priority order; `reports` gets one report per source (its own file and rows).
FilteredCandidates filter_candidates(const std::vector<const PointSet*>& sources,
                                     const CityNetwork& city, const PointSet* stations,
                                     const ExclusionAreas* exclusions,
                                     const CandidateFilterOptions& opt,
                                     std::vector<DropReport>& reports);

// One set of candidates (one source, or already merged): one report.
FilteredCandidates filter_candidates(const PointSet& all, const CityNetwork& city,
                                     const PointSet* stations, const ExclusionAreas* exclusions,
                                     const CandidateFilterOptions& opt, DropReport& report);

}  // namespace yz
