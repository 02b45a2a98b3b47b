#pragma once
// The `districts` layer of every GIS output: each district's polygon with its figures (stations,
// workers, coverage per test, covered twice, inside 1 km but not within the walk, suggested
// stations and what they add), plus the "outside any district" row without a geometry, so the
// layer's figures add up to the city's totals.
#include "engine/coverage/district_summary.hpp"
#include "engine/export/layer.hpp"

namespace yz {

Layer district_layer(const DistrictSummary& s, const Districts& districts, const PointSet& sites);

}  // namespace yz
