#pragma once
// Aggregates demand to square cells (e.g. 50 m) so that city-scale problems stay small: every cell
// becomes one demand point at the weighted centroid of what fell in it, keeping the workers of each
// component. cell_m = 0 keeps every item as its own point.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/geo/local_projection.hpp"
#include "engine/inputs/demand_items.hpp"
#include "engine/util/param_range.hpp"

namespace yz {

struct DemandCells {
  double cell_m = 0;
  std::vector<std::string> components;
  std::vector<Vec2> xy, lonlat;
  std::vector<double> weight;        // total workers of the point
  std::vector<double> by_component;  // [point * components.size() + component]
  std::vector<uint32_t> items;       // items merged into the point
  std::vector<int64_t> col,
      row;  // cell index (floor(x / cell_m), floor(y / cell_m)); -1 without cells

  size_t size() const { return xy.size(); }
  double component_weight(size_t point, size_t c) const {
    return by_component[point * components.size() + c];
  }
  // The component with the most workers at a point.
  const std::string& main_component(size_t point) const;
  double total() const {
    double s = 0;
    for (double w : weight) s += w;
    return s;
  }
};

// Items with zero weight are skipped. Output is sorted by cell (row, then column) so results are
// deterministic; with cell_m = 0, items keep their order.
// Cell size: 0 (no aggregation) or 1 m to 10 km (ParamError "cell_m"; larger cells overflow the
// cell grid's coordinates).
inline constexpr ParamRange kDemandCellM{1, 10000, false, "m", true};
DemandCells aggregate_demand(const DemandItems& items, double cell_m, const LocalProjection& proj);

}  // namespace yz
