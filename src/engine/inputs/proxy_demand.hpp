#pragma once
// Demand estimated from the map with a demand profile: each active component adds weighted points
// (POIs matching its tag rules, or junctions weighted by street length for sanitation). POIs
// outside the map or out of reach of the walk network are dropped with a reason.
#include "engine/inputs/demand_items.hpp"
#include "engine/inputs/demand_profile.hpp"
#include "engine/inputs/drop_report.hpp"
#include "engine/network/city_network.hpp"
#include "engine/util/notes.hpp"

namespace yz {

struct ProxyDemandOptions {
  SnapOptions snap;  // POIs farther than snap.max_snap_m from a walkable street are dropped
  double outside_margin_m = 500;  // POIs farther than this outside the network's bounds are dropped
};

// Adds the profile's active components to `items`. POIs come from the map file when it is
// OpenStreetMap; `report` lists the POIs read, kept and dropped.
void add_proxy_demand(const CityNetwork& city, const DemandProfile& profile,
                      const ProxyDemandOptions& opt, DemandItems& items, DropReport& report,
                      Notes& notes, const Progress& progress = {});

// One POI's workers for a component: the first matching rule's weight (+ per_ha × hectares for
// areas), times the component weight; 0 when no rule matches.
double poi_workers(const DemandComponent& c,
                   const std::vector<std::pair<std::string, std::string>>& tags, double area_m2);

}  // namespace yz
