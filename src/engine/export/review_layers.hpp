#pragma once
// The station-review layers that `yizhan review` and `yizhan suggest` write to their GeoPackage:
// least_useful, upgrade_priority (with the missing amenities) and relocation (a line from each
// station to the candidate that would replace it).
#include "engine/export/vector_writer.hpp"
#include "engine/inputs/point_set.hpp"
#include "engine/siting/station_review.hpp"

namespace yz {

void write_review_layers(VectorWriter& w, const PointSet& sites, const siting::StationReview& r);

}  // namespace yz
