#pragma once
// The demand GeoPackage written by `yizhan demand`: a `demand` point layer (total workers in
// `weight`, one column per component, the main component, how many items each point merges), a
// `dropped` layer (every input item not used, with its reason) and a `yizhan_demand` table saying
// which components, weights, sources and cell size made the demand. `yizhan coverage --demand` and
// `yizhan suggest --demand` read it directly (first point layer, `weight` column). A `cells`
// polygon layer shows the aggregation squares.
#include <string>
#include <vector>

#include "engine/geo/local_projection.hpp"
#include "engine/inputs/demand_summary.hpp"

namespace yz {

// Column name of a component in the demand layer (names clashing with fixed columns get "c_").
std::string demand_column(const std::string& component);

// `proj` draws the aggregation cells (a `cells` polygon layer, when cells.cell_m > 0).
void write_demand_layers(const std::string& path, const DemandCells& cells,
                         const DemandSummary& summary, const std::vector<DropReport>& drops,
                         const LocalProjection& proj);

}  // namespace yz
