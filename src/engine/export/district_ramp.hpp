#pragma once
// The colour of a district by the share of its workers covered: the PDF choropleth, the app's
// Districts view and the districts layer's QGIS style use this one ramp.

namespace yz {

// The fill colour for a covered share in [0, 100] (red - amber - green), components 0..1.
void district_ramp(double percent, double& r, double& g, double& b);

}  // namespace yz
