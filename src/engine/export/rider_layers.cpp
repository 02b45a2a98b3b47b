#include "engine/export/rider_layers.hpp"

#include <fmt/format.h>

namespace yz {

void add_rider_columns(std::vector<Layer>& layers, const RiderStudy& r) {
  for (Layer& l : layers) {
    if (l.name == "sites" && l.features.size() == r.covers.size()) {
      l.fields.push_back({"rider_workers", FieldType::real});
      l.fields.push_back({"rider_points", FieldType::integer});
      for (size_t i = 0; i < l.features.size(); ++i) {
        l.features[i].values.emplace_back(r.station_weight(i));
        l.features[i].values.emplace_back(static_cast<int64_t>(r.covers[i].size()));
      }
    } else if (l.name == "demand" && l.features.size() == r.count.size()) {
      l.fields.push_back({"rider_workers", FieldType::real});
      l.fields.push_back({"rider_count", FieldType::integer});
      l.fields.push_back({"rider_covered", FieldType::integer});
      for (size_t d = 0; d < l.features.size(); ++d) {
        l.features[d].values.emplace_back(r.demand.weight[d]);
        l.features[d].values.emplace_back(static_cast<int64_t>(r.count[d]));
        l.features[d].values.emplace_back(static_cast<int64_t>(r.count[d] > 0));
      }
    }
  }
}

std::vector<std::pair<std::string, std::string>> rider_settings(const RiderStudy& r) {
  return {{"rider_test", "rider reach (骑行可达), separate from double 15"},
          {"rider_ride_min", fmt::format("{:g}", r.params.minutes)},
          {"rider_ride_kmh", fmt::format("{:g}", r.params.speed_kmh)},
          {"rider_park_walk_m", fmt::format("{:g}", r.params.park_walk_m)},
          {"rider_demand", r.demand.what},
          {"rider_covered", fmt::format("{:.1f}", r.covered)},
          {"rider_total", fmt::format("{:.1f}", r.total)}};
}

}  // namespace yz
