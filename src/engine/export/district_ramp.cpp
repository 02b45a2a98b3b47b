#include "engine/export/district_ramp.hpp"

#include <algorithm>

namespace yz {

void district_ramp(double p, double& r, double& g, double& b) {
  // Three stops: 0 % red, 50 % amber, 100 % green (the map palette's coverage colours).
  const double t = std::clamp(p / 100.0, 0.0, 1.0);
  const double lo[3] = {0.85, 0.25, 0.22}, mid[3] = {0.96, 0.72, 0.25}, hi[3] = {0.25, 0.66, 0.35};
  const double* a = t < 0.5 ? lo : mid;
  const double* c = t < 0.5 ? mid : hi;
  const double k = t < 0.5 ? t / 0.5 : (t - 0.5) / 0.5;
  r = a[0] + (c[0] - a[0]) * k;
  g = a[1] + (c[1] - a[1]) * k;
  b = a[2] + (c[2] - a[2]) * k;
}

}  // namespace yz
