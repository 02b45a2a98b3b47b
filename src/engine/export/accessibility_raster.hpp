#pragma once
// The accessibility surface: walking minutes from every cell to the nearest station (band 1) and
// to the second-nearest (band 2, double coverage), from the network search — each cell centre
// joins the street network like a worker would (nearest street, off-street walk counted), not
// read off polygons. Written as a GeoTIFF in the map's metric projection.
#include <string>
#include <vector>

#include "engine/coverage/coverage_study.hpp"
#include "engine/util/param_range.hpp"

namespace yz {

struct AccessibilityOptions {
  double cell_m = 50;
  double max_minutes = 60;  // farther (or off the network): no data
  static constexpr ParamRange kCellM{0, 10000, true, "m"};  // and at most 20 million cells
  static constexpr ParamRange kMaxMinutes{0, 240, true, "minutes"};
};

struct AccessibilityGrid {
  static constexpr float kNoData = -1;
  double x0 = 0, y1 = 0, cell_m = 50;  // top-left corner (metric), cell size
  int nx = 0, ny = 0;
  std::vector<float> nearest, second;  // minutes, row-major from the top row; kNoData = none
  float at(int col, int row, bool second_band = false) const {
    return (second_band ? second : nearest)[static_cast<size_t>(row) * nx + col];
  }
  Vec2 cell_centre(int col, int row) const {
    return {x0 + (col + 0.5) * cell_m, y1 - (row + 0.5) * cell_m};
  }
};

// Grid over the network's extent (cell edges on multiples of the cell size).
AccessibilityGrid accessibility_grid(const CoverageStudy& study, const AccessibilityOptions& opt,
                                     const Progress& progress = {});
// GeoTIFF, two Float32 bands, nodata -1, CRS = the study's projection. Throws on failure.
void write_accessibility_tiff(const std::string& path, const AccessibilityGrid& grid,
                              const CoverageStudy& study);

}  // namespace yz
