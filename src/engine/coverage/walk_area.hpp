#pragma once
// The 15-minute walk area of a station, for display and export only (coverage itself is decided
// by the network search): the reached street pieces, partial edges included, buffered by a small
// street half-width and merged with GEOS. Holes are kept and nothing bridges a river.
#include <vector>

#include "engine/coverage/reached_streets.hpp"
#include "engine/geo/polygon.hpp"
#include "engine/network/walk_search.hpp"
#include "engine/util/param_range.hpp"
#include "engine/util/progress.hpp"

namespace yz {

// Street pieces reached by the last run of `search` (each piece a polyline, metric).
std::vector<std::vector<Vec2>> reached_pieces(const WalkGraph& g, const WalkSearch& search);

// How far either side of a reached street counts as inside: a street and its frontage. Small on
// purpose: two streets along the banks of a 30 m canal are about 40 m apart, and a wider buffer
// (25 m) would join them across the water the walk cannot cross.
inline constexpr double kDefaultStreetHalfWidthM = 12;
// Walk areas drawn for a whole plan are simplified this far (metres, Douglas-Peucker with the
// topology kept): far under a street's half-width, it drops the vertices of the round joins and
// of straight streets cut into many edges, which make most of a GeoPackage's size.
inline constexpr double kWalkAreaSimplifyM = 0.5;

struct WalkAreaOptions {
  double half_width_m = kDefaultStreetHalfWidthM;
  int quadrant_segments = 3;               // buffer roundness (GEOS quadSegs)
  double simplify_m = kWalkAreaSimplifyM;  // walk_areas(graph, reached, ...) only; 0 keeps all
  // (0, 200] m: 0 or less draws nothing, and kilometres merge whole districts (and overwhelm GEOS).
  static constexpr ParamRange kHalfWidthM{0, 200, true, "m"};
  void validate() const;  // ParamError("area_half_width_m", ...)
};

// The walk area of the last run of `search`, exactly (no simplification).
MultiPolygon walk_area(const WalkGraph& g, const WalkSearch& search,
                       const WalkAreaOptions& opt = {});
// The walk area of streets a study kept (no search), simplified at opt.simplify_m; valid as built.
MultiPolygon walk_area(const WalkGraph& g, const ReachedStreets& reached,
                       const WalkAreaOptions& opt);
// Every station's walk area from its kept streets, in parallel (empty where nothing was reached):
// through WalkAreaCells, each cell of streets reached whole buffered once for all stations.
std::vector<MultiPolygon> walk_areas(const WalkGraph& g, const std::vector<ReachedStreets>& reached,
                                     const WalkAreaOptions& opt, const Progress& progress = {});
MultiPolygon buffer_lines(const std::vector<std::vector<Vec2>>& lines, const WalkAreaOptions& opt);

}  // namespace yz
