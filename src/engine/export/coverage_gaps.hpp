#pragma once
// Coverage gaps: the workers no station reaches on foot, grouped so that points closer than
// `link_m` share a gap (union-find over a grid), each gap drawn as its points buffered by
// link_m / 2 (so linked points' circles touch), biggest first — where the next station is needed.
#include "engine/coverage/coverage_study.hpp"
#include "engine/export/layer.hpp"

namespace yz {

Layer coverage_gap_layer(const CoverageStudy& study, double link_m);

}  // namespace yz
