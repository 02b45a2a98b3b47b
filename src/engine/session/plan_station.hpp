#pragma once
// One station of a plan as the planner edits it: where it is, what it is (host type, size,
// amenities, status, ...), where it came from, and the input's own columns passed through.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "engine/geo/local_projection.hpp"
#include "engine/inputs/point_set.hpp"

namespace yz {

// Where a station of the plan came from.
inline constexpr const char* kOriginExisting = "existing";    // read from a stations layer
inline constexpr const char* kOriginAdded = "added";          // placed by hand (what-if)
inline constexpr const char* kOriginSuggested = "suggested";  // accepted from a suggestion run

struct PlanStation {
  std::string id, name;
  Vec2 xy;        // metres, the map's local projection
  SiteInfo info;  // host type, size class, status, amenities, hours, capacity, cost, category
  std::string origin = kOriginExisting;
  uint32_t suggested_rank = 0;  // rank in the suggestion run it was accepted from (0 = none)
  std::vector<std::pair<std::string, std::string>> extra;  // the input's own columns

  // Same station in every field (NaN cost/capacity equal NaN): an edit that changes nothing is
  // not recorded.
  bool operator==(const PlanStation& o) const;
};

// Stations from a layer of points. Site attributes come from PointSet::info when the reader
// parsed them, else from the pass-through columns (host_type, 类型, status, ... as read_points
// understands them); pass-through columns are kept in `extra`.
std::vector<PlanStation> stations_from_points(const PointSet& pts, const char* origin);

// A candidate site (row `i` of a candidate layer) as a station to build.
PlanStation station_from_candidate(const PointSet& candidates, size_t i, const char* origin);

// Candidate or station layers generated without the reader's site schema (the demo city) get
// PointSet::info from their columns, so every site carries cost, host type and the rest.
void fill_site_info(PointSet& pts);

// Back to points (WGS-84 + metric) for the engine's PointSet-based stages (coverage runs,
// suggestions, export): id, name, site info, and the extra columns plus `station_origin`
// (existing / added / suggested).
PointSet points_from_stations(const std::vector<PlanStation>& stations, const LocalProjection& proj,
                              const std::string& source);

}  // namespace yz
