#pragma once
// The GeoPackage `yizhan sites` writes: layer `candidates` (first, so commands that take the first
// point layer read it), layer `dropped` (every input item not used, with the reason), and table
// `yizhan_sites` (where the candidates came from, settings, coordinate systems, licence).
#include <string>
#include <utility>
#include <vector>

#include "engine/inputs/drop_report.hpp"
#include "engine/inputs/point_set.hpp"
#include "engine/network/snap.hpp"

namespace yz {

class VectorWriter;

// The `dropped` layer: source, what, row, item_id, reason, detail (features without a known
// position have no geometry).
void write_dropped_layer(VectorWriter& w, const std::vector<DropReport>& drops);

void write_site_layers(const std::string& path, const PointSet& sites,
                       const std::vector<Snap>& snaps, const std::vector<DropReport>& drops,
                       const std::vector<std::pair<std::string, std::string>>& metadata);

}  // namespace yz
