#pragma once
// The small map frame the reader tests share: central Wuhan in its UTM zone, and a box of about
// 10 × 11 km around it standing in for a map's bounds.
#include "engine/geo/local_projection.hpp"

namespace yz::test {

inline const LocalProjection& wuhan_projection() {
  static const LocalProjection p = LocalProjection::utm_for(114.3, 30.6);
  return p;
}

inline Box wuhan_box() {
  Box b;
  b.add(wuhan_projection().to_metric({114.25, 30.55}));
  b.add(wuhan_projection().to_metric({114.35, 30.65}));
  return b;
}

}  // namespace yz::test
