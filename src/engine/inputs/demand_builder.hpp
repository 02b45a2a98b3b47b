#pragma once
// Puts a demand together: map proxies from the profile's active components, the planner's layer
// (points or polygons with counts) and a raster of workers, each as its own component, then
// aggregation to cells. What `yizhan demand` runs.
#include <string>
#include <vector>

#include "engine/export/demand_layers.hpp"
#include "engine/inputs/demand_aggregation.hpp"
#include "engine/inputs/demand_layer.hpp"
#include "engine/inputs/demand_profile.hpp"
#include "engine/inputs/demand_raster.hpp"
#include "engine/inputs/proxy_demand.hpp"

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
