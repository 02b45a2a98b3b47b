#pragma once
// Forbidden areas for new stations (a layer of polygons: military land, construction sites,
// places the city has ruled out). Invalid polygons (self-intersections, bow-ties, wrong ring
// order) are repaired with GEOS MakeValid and each repair is listed in the report's notes;
// polygons that cannot be repaired are dropped and listed.
#include <string>
#include <vector>

#include "engine/geo/local_projection.hpp"
#include "engine/geo/polygon.hpp"
#include "engine/inputs/drop_report.hpp"

namespace yz {

struct ExclusionAreas {
  std::string source;
  std::vector<Polygon> polygons;  // metric; rings closed, outer first
  std::vector<std::string> id;    // feature id/name per polygon
  std::vector<Box> boxes;

  size_t size() const { return polygons.size(); }
  // Index of the first polygon containing p (even-odd rule over its rings), or -1.
  int containing(Vec2 xy) const;
};

// `crs` as for points: empty = the layer's own CRS (else WGS-84); "gcj02"/"bd09" for polygons
// traced on Chinese web maps.
ExclusionAreas read_exclusion_areas(const std::string& path, const LocalProjection& proj,
                                    const std::string& layer, const std::string& crs,
                                    DropReport& report);

}  // namespace yz
