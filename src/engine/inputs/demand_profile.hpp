#pragma once
// The demand profile (data/demand_profile.json): map-derived proxies for where outdoor workers are,
// one weighted component per worker group (riders, couriers, sanitation, drivers, construction).
// POI components match OpenStreetMap tags; the sanitation component weights street length by class.
#include <array>
#include <string>
#include <vector>

#include "engine/map/road_class.hpp"

namespace yz {

struct DemandTagRule {
  std::string key;
  std::vector<std::string> values;  // "*" = any non-empty value
  double weight = 1;                // workers per matching feature
  double per_ha = 0;                // plus workers per hectare for features mapped as areas
  bool matches(const std::string& value) const;
};

struct DemandComponent {
  std::string name, description;
  bool enabled = true;
  double weight = 1;                // multiplies everything the component produces
  std::vector<DemandTagRule> tags;  // POI rules: the first matching rule counts
  bool street_length = false;       // true: workers per km of walkable street (per_km by class)
  std::array<double, kRoadClassCount> per_km{};
  double spacing_m = 0;  // street demand: points every spacing_m along streets (0 = at junctions)
  bool active() const { return enabled && weight > 0; }
};

struct DemandProfile {
  std::string source, description;
  std::vector<DemandComponent> components;

  static DemandProfile load(const std::string& path);  // throws InputError naming the file
  static DemandProfile load_default();                 // data/demand_profile.json

  const DemandComponent* find(const std::string& name) const;
  DemandComponent* find(const std::string& name);
  std::vector<std::string> names() const;
  // Enables exactly these components ("all" = every one, "none" = none); unknown names throw.
  void select(const std::vector<std::string>& names, const std::string& option = "--components");
  // Sets a component's weight from "name=value"; throws on unknown names or bad numbers.
  void set_weight(const std::string& assignment, const std::string& option = "--weight");
  // Tag keys any active POI rule reads.
  std::vector<std::string> poi_keys() const;
};

}  // namespace yz
