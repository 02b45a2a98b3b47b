#pragma once
// The largest worker counts accepted: one point, polygon or raster cell, and a whole study. A
// city's outdoor workers number in the millions; past these bounds sums overflow or lose all
// precision ("inf workers", "-nan%", an "optimal" plan of 0 stations), so loaders refuse them.
namespace yz {

inline constexpr double kMaxPointWeight = 1e9;
inline constexpr double kMaxTotalDemand = 1e12;

}  // namespace yz
