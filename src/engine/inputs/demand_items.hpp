#pragma once
// Demand before aggregation: weighted points in the local metric projection, each tagged with the
// component that produced it (riders, sanitation, planner layer, raster, ...), so outputs can say
// which components made the demand.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/geo/vec2.hpp"

namespace yz {

struct DemandItems {
  std::vector<std::string> components;  // component names, in output column order
  std::vector<Vec2> xy;                 // metric
  std::vector<double> weight;           // workers
  std::vector<uint16_t> component;      // index into `components`

  size_t size() const { return xy.size(); }
  // Index of a component, registering it on first use (keeps the first-use order).
  uint16_t component_index(const std::string& name) {
    for (size_t i = 0; i < components.size(); ++i)
      if (components[i] == name) return static_cast<uint16_t>(i);
    components.push_back(name);
    return static_cast<uint16_t>(components.size() - 1);
  }
  void add(Vec2 p, double w, uint16_t c) {
    xy.push_back(p), weight.push_back(w), component.push_back(c);
  }
  double total() const {
    double s = 0;
    for (double w : weight) s += w;
    return s;
  }
  double total(uint16_t c) const {
    double s = 0;
    for (size_t i = 0; i < size(); ++i)
      if (component[i] == c) s += weight[i];
    return s;
  }
  size_t count(uint16_t c) const {
    size_t n = 0;
    for (auto k : component) n += k == c;
    return n;
  }
};

}  // namespace yz
