#pragma once
// Whether layers lie on their map: a session whose map file was swapped for another city's opens
// with every station thousands of kilometres away and 0 % coverage. This check turns that into a
// clear message (none on the map: refused) or a notice (most of a layer off the map).
#include <string>
#include <vector>

#include "engine/geo/local_projection.hpp"
#include "engine/inputs/point_set.hpp"
#include "engine/util/message.hpp"

namespace yz {

struct LayerFit {
  std::string what;  // plural: "stations", "candidate sites", "worker points"
  size_t points = 0;
  size_t inside = 0;      // within the map's bounds (plus the margin)
  double nearest_km = 0;  // great-circle distance from the map's centre to the nearest point
};

// Points of `lonlat` inside `map_bounds` (metric, `proj`) grown by `margin_m`.
LayerFit fit_on_map(std::string what, const std::vector<Vec2>& lonlat, const LocalProjection& proj,
                    const Box& map_bounds, double margin_m = 2000);

struct MapFit {
  std::vector<LayerFit> layers;  // only layers with points
  // True when there are points and not one of them lies on the map.
  bool none_inside() const;
  // "none of its 12 stations and 30 candidate sites lies on the map (the nearest is 7012 km from
  // its centre) <map>: was the map file replaced ...?" for the refusal.
  Message none_inside_message(const Message& map_label) const;
  // One line per layer mostly (over half) off the map; empty when all fit.
  std::vector<Message> notes(const Message& map_label) const;
};

}  // namespace yz
