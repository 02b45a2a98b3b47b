#pragma once
// The districts as a choropleth drawn with cairo (for the PDF report): each district shaded by
// the share of its workers covered under the plan's test (both = walk and 1 km), outlined and
// named, with the stations as dots and a colour ramp as legend.
#include "engine/coverage/district_summary.hpp"
#include "engine/export/district_ramp.hpp"
#include "engine/export/map_render.hpp"

namespace yz {

// Draws into (x, y, w, h); u = one app pixel in context units. The view covers the map's
// extent and the districts reaching into it.
void draw_district_map(cairo_t* cr, const MapScene& scene, const DistrictSummary& s,
                       const Districts& districts, double x, double y, double w, double h,
                       double u);

}  // namespace yz
