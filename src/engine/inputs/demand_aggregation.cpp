#include "engine/inputs/demand_aggregation.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/util/error.hpp"

namespace yz {

const std::string& DemandCells::main_component(size_t point) const {
  size_t best = 0;
  for (size_t c = 1; c < components.size(); ++c)
    if (component_weight(point, c) > component_weight(point, best)) best = c;
  return components[best];
}

DemandCells aggregate_demand(const DemandItems& items, double cell_m, const LocalProjection& proj) {
  check_param("cell_m", cell_m, kDemandCellM);
  DemandCells out;
  out.cell_m = cell_m;
  out.components = items.components;
  const size_t nc = items.components.size();
  std::vector<uint32_t> order;
  for (uint32_t i = 0; i < items.size(); ++i)
    if (items.weight[i] > 0) order.push_back(i);
  auto key = [&](uint32_t i) {
    return std::pair<int64_t, int64_t>{static_cast<int64_t>(std::floor(items.xy[i].y / cell_m)),
                                       static_cast<int64_t>(std::floor(items.xy[i].x / cell_m))};
  };
  if (cell_m > 0)
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t a, uint32_t b) { return key(a) < key(b); });
  for (size_t k = 0; k < order.size();) {
    size_t end = k + 1;
    if (cell_m > 0)
      while (end < order.size() && key(order[end]) == key(order[k])) ++end;
    double w = 0, sx = 0, sy = 0;
    out.by_component.resize(out.by_component.size() + nc, 0.0);
    double* bc = out.by_component.data() + out.size() * nc;
    for (size_t j = k; j < end; ++j) {
      const uint32_t i = order[j];
      w += items.weight[i];
      sx += items.weight[i] * items.xy[i].x;
      sy += items.weight[i] * items.xy[i].y;
      bc[items.component[i]] += items.weight[i];
    }
    out.xy.push_back({sx / w, sy / w});
    out.weight.push_back(w);
    out.items.push_back(static_cast<uint32_t>(end - k));
    if (cell_m > 0) {
      const auto [r, c] = key(order[k]);
      out.row.push_back(r), out.col.push_back(c);
    } else {
      out.row.push_back(-1), out.col.push_back(-1);
    }
    k = end;
  }
  out.lonlat = out.xy;
  proj.to_lonlat(out.lonlat);
  return out;
}

}  // namespace yz
