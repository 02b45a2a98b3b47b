#pragma once
// What made a demand (`yizhan demand`): its components with their weights, sources and totals, and
// the notes; printed, written as JSON and as the demand GeoPackage's `yizhan_demand` table
// (export/demand_layers.hpp). In inputs/ so the demand builder can return it.
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "engine/inputs/demand_aggregation.hpp"
#include "engine/inputs/drop_report.hpp"

namespace yz {

struct DemandComponentSummary {
  std::string name, description, source;  // source: profile file, layer or raster file
  double weight = 1;                      // the component's multiplier
  double workers = 0;                     // total after weighting
  size_t items = 0;                       // points that fed it (POIs, junctions, pieces, cells)
};

struct DemandSummary {
  std::string map, projection, profile;
  double cell_m = 0;
  std::vector<DemandComponentSummary> components;
  std::vector<std::string> notes;
  // Rows for the metadata table and the printed report.
  std::vector<std::pair<std::string, std::string>> rows(const DemandCells& cells) const;
  std::string text(const DemandCells& cells, const std::vector<DropReport>& drops) const;
  nlohmann::json json(const DemandCells& cells, const std::vector<DropReport>& drops) const;
};

}  // namespace yz
