// Fuzz target: GCJ-02 and BD-09 conversions on arbitrary doubles. Every finite input gives finite
// output; inside China the inverses undo the forward transforms to 1e-7 degrees (about 1 cm) and
// the forward transforms redo the inverses, whatever the point.
#include <cmath>
#include <cstdint>
#include <cstring>

#include "engine/geo/china_coords.hpp"

namespace {
bool finite(yz::Vec2 p) {
  return std::isfinite(p.x) && std::isfinite(p.y);
}
bool near(yz::Vec2 a, yz::Vec2 b, double tol) {
  return std::abs(a.x - b.x) <= tol && std::abs(a.y - b.y) <= tol;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 16) return 0;
  double v[2];
  std::memcpy(v, data, 16);
  if (!std::isfinite(v[0]) || !std::isfinite(v[1])) return 0;
  // Raw doubles (any magnitude), and the same bits folded into China's box (73-136 E, 18-54 N).
  const yz::Vec2 raw{v[0], v[1]};
  const yz::Vec2 china{73 + std::fmod(std::abs(v[0]), 63.0), 18 + std::fmod(std::abs(v[1]), 36.0)};
  for (const yz::Vec2 p : {raw, china}) {
    for (const yz::WebDatum d : {yz::WebDatum::gcj02, yz::WebDatum::bd09}) {
      const yz::Vec2 there = yz::from_wgs84(p, d), back = yz::to_wgs84(there, d);
      const yz::Vec2 inv = yz::to_wgs84(p, d), redo = yz::from_wgs84(inv, d);
      if (!finite(there) || !finite(back) || !finite(inv) || !finite(redo)) __builtin_trap();
      if (p.x == china.x && p.y == china.y && (!near(back, p, 1e-7) || !near(redo, p, 1e-7)))
        __builtin_trap();
    }
  }
  return 0;
}
