#pragma once
// Candidate sites from the map's points of interest (OpenStreetMap points AND areas): banks,
// malls, petrol stations, post offices, ... as configured in data/candidate_categories.json.
// Areas (a mall or a town hall mapped as a building) become the point on their outline nearest
// a walkable street: where a station's door would face the people walking past.
#include <string>
#include <vector>

#include "engine/inputs/candidate_categories.hpp"
#include "engine/inputs/drop_report.hpp"
#include "engine/inputs/point_set.hpp"
#include "engine/network/city_network.hpp"

namespace yz {

struct PoiCandidateOptions {
  std::vector<int> categories;  // indices into CandidateCategories; empty = all
  double outline_step_m = 5;    // outline sampling step when looking for the street-facing point
  SnapOptions snap;
};

// Reads `map_path` (an OSM file) with data/osmconf_poi.ini. Each candidate gets id "node/N",
// "way/N" or "relation/N", the OSM name (else one from its streets, name_by_streets), and SiteInfo
// {category, host type, cost} from its category. The report counts matching features; outside the
// map / invalid areas are dropped.
PointSet poi_candidates(const std::string& map_path, const CityNetwork& city,
                        const CandidateCategories& cats, const PoiCandidateOptions& opt,
                        DropReport& report);

// The point of `ring` (metric, closed) nearest a usable walkable street, sampled every `step_m`;
// false when no sample is within the snapper's reach.
bool street_facing_point(const CityNetwork& city, const std::vector<Vec2>& ring, double step_m,
                         const SnapOptions& snap, Vec2& out);

// "k"=>"v","k2"=>"v2" (GDAL's hstore other_tags) -> value of `key`, "" when absent.
std::string hstore_value(const std::string& hstore, const std::string& key);

}  // namespace yz
