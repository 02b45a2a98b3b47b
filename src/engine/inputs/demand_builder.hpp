#pragma once
// Puts a demand together: map proxies from the profile's active components, the planner's layer
// (points or polygons with counts) and a raster of workers, each as its own component, then
// aggregation to cells. What `yizhan demand` runs.
#include <string>
#include <vector>

#include "engine/inputs/demand_aggregation.hpp"
#include "engine/inputs/demand_layer.hpp"
#include "engine/inputs/demand_profile.hpp"
#include "engine/inputs/demand_raster.hpp"
#include "engine/inputs/demand_summary.hpp"
#include "engine/inputs/proxy_demand.hpp"

#include "engine/util/param_range.hpp"

namespace yz {

struct DemandRequest {
  DemandProfile profile;   // its active components are used
  std::string layer_path;  // planner's points/polygons with counts ("" = none)
  DemandLayerOptions layer;
  double layer_weight = 1;  // multiplier of the "planner" component
  std::string raster_path;  // raster of workers ("" = none)
  DemandRasterOptions raster;
  double raster_weight = 1;  // multiplier of the "raster" component
  double cell_m = 50;        // 0 = no aggregation
  SnapOptions snap;

  // Valid ranges (README "Valid ranges"): cells of 1 m to 10 km (beyond, a city is one cell and
  // the geometry overflows), component multipliers up to a million.
  static constexpr ParamRange kMaxSnapM{0, 5000, true, "m"};
  static constexpr ParamRange kWeight{0, 1e6, false, ""};
  void validate() const;  // ParamError: cell_m, max_snap_m, layer_weight, raster_weight
};

inline constexpr const char* kPlannerComponent = "planner";
inline constexpr const char* kRasterComponent = "raster";

struct DemandResult {
  DemandItems items;  // before aggregation
  DemandCells cells;  // what is written
  DemandSummary summary;
  std::vector<DropReport> drops;  // one per loader that ran
};

DemandResult build_demand(const CityNetwork& city, const DemandRequest& req,
                          const Progress& progress = {});

}  // namespace yz
