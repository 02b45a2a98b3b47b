#pragma once
// Points of interest from an OpenStreetMap file (nodes, and closed ways/relations mapped as areas)
// with the tags a demand profile asks for. Read with data/osmconf_demand.ini, which keeps common
// POI keys as columns and the rest in other_tags, so any key can be asked for.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/geo/local_projection.hpp"
#include "engine/util/progress.hpp"

namespace yz {

struct OsmFeature {
  int64_t osm_id = 0;
  bool area = false;  // mapped as a polygon (then `xy` is a point on its surface)
  Vec2 lonlat{NAN, NAN};
  Vec2 xy{NAN, NAN};  // local metric projection
  double area_m2 = 0;
  std::string name;
  std::vector<std::pair<std::string, std::string>> tags;  // only the wanted keys
  const std::string& tag(const std::string& key) const;
};

struct OsmFeatureReport {
  uint64_t features_read = 0;  // points + areas seen
  uint64_t invalid_geometry = 0;
};

// Features having at least one of `keys`. `path` may be .osm/.osm.pbf/.osm.bz2/.osm.gz.
std::vector<OsmFeature> read_osm_features(const std::string& path,
                                          const std::vector<std::string>& keys,
                                          const LocalProjection& proj, OsmFeatureReport& report,
                                          const Progress& progress = {});

// Parses GDAL's hstore other_tags ("k"=>"v","k2"=>"v2") into pairs.
std::vector<std::pair<std::string, std::string>> parse_hstore(const std::string& s);

}  // namespace yz
