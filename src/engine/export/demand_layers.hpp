#pragma once
// The demand GeoPackage written by `yizhan demand`: a `demand` point layer (total workers in
// `weight`, one column per component, the main component, how many items each point merges), a
// `dropped` layer (every input item not used, with its reason) and a `yizhan_demand` table saying
// which components, weights, sources and cell size made the demand. `yizhan coverage --demand` and
// `yizhan suggest --demand` read it directly (first point layer, `weight` column). A `cells`
// polygon layer shows the aggregation squares.
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

// Column name of a component in the demand layer (names clashing with fixed columns get "c_").
std::string demand_column(const std::string& component);

// `proj` draws the aggregation cells (a `cells` polygon layer, when cells.cell_m > 0).
void write_demand_layers(const std::string& path, const DemandCells& cells,
                         const DemandSummary& summary, const std::vector<DropReport>& drops,
                         const LocalProjection& proj);

}  // namespace yz
