// Fuzz target: the point reader (stations, candidates, demand) on CSV and GeoJSON bytes. Bad input
// may only end in InputError; any other exception, crash or sanitizer report is a bug. The first
// byte picks the format so one corpus covers both.
#include <cstdint>

#include "engine/inputs/point_reader.hpp"
#include "engine/util/error.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const bool geojson = data[0] & 1;
  const std::string path = yz::fuzz::write_input(data + 1, size - 1, geojson ? ".geojson" : ".csv");
  // A 20 km box around Nanjing's Xinjiekou, in its UTM zone.
  static const yz::LocalProjection proj = yz::LocalProjection::utm_for(118.78, 32.04);
  static const yz::Box box = [] {
    yz::Box b;
    b.add(proj.to_metric({118.68, 31.95}));
    b.add(proj.to_metric({118.88, 32.13}));
    return b;
  }();
  yz::PointReadOptions opt;
  opt.site_attributes = data[0] & 2;
  if (data[0] & 4) opt.crs = "gcj02";
  yz::DropReport rep;
  try {
    const yz::PointSet pts = yz::read_points(path, proj, box, opt, rep, "sites");
    // Whatever was kept is finite and on the map.
    for (size_t i = 0; i < pts.size(); ++i)
      if (!(box.contains(pts.xy[i], opt.outside_margin_m) && std::isfinite(pts.weight[i])))
        __builtin_trap();
  } catch (const yz::InputError&) {
  }
  return 0;
}
