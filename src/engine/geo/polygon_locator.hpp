#pragma once
// Which of a set of non-overlapping areas (districts) a point lies in. A point on an area's
// boundary (within `boundary_m`) is in none: it cannot be told apart from its neighbour, and
// counting it in neither keeps every point in exactly one row (the areas, or "outside"). Where
// areas overlap (a data error) the lowest index wins, so the answer is still deterministic.
// Edges are bucketed in horizontal bands: a lookup reads only the edges of one band.
#include <cstdint>
#include <vector>

#include "engine/geo/polygon.hpp"

namespace yz {

class PolygonLocator {
 public:
  PolygonLocator() = default;
  // `areas` metric, rings closed (outer first, then holes); boundary_m >= 0.
  explicit PolygonLocator(const std::vector<MultiPolygon>& areas, double boundary_m = 0.01);

  static constexpr int32_t kNone = -1;
  // The area containing p, or kNone (outside all, or on a boundary).
  int32_t locate(Vec2 p) const;
  // Whether p lies within boundary_m of some area's boundary.
  bool on_boundary(Vec2 p) const;
  size_t size() const { return count_; }

 private:
  struct Edge {
    Vec2 a, b;
    int32_t area;
  };
  struct Band {
    std::vector<uint32_t> edges;  // indices into edges_, ascending
  };
  size_t band_of(double y) const;
  std::vector<Edge> edges_;
  std::vector<Band> bands_;
  double y0_ = 0, band_h_ = 1, tol_ = 0.01;
  size_t count_ = 0;
};

}  // namespace yz
