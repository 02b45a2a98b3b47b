// Fuzz target: a mobile station's schedule (CSV bytes) through the point reader and the days and
// hours parsing. Bad input may only end in InputError; every stop kept lies on the map, belongs to
// a named station, is open some time and never overlaps another stop of its station.
#include <cstdint>

#include "engine/inputs/mobile_schedule.hpp"
#include "engine/util/error.hpp"
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = yz::fuzz::write_input(data, size, ".csv");
  static const yz::LocalProjection proj = yz::LocalProjection::utm_for(118.78, 32.04);
  static const yz::Box box = [] {
    yz::Box b;
    b.add(proj.to_metric({118.68, 31.95}));
    b.add(proj.to_metric({118.88, 32.13}));
    return b;
  }();
  try {
    const yz::MobileSchedule ms = yz::read_mobile_schedule(path, proj, box, {});
    for (size_t i = 0; i < ms.stops.size(); ++i) {
      const yz::MobileStop& s = ms.stops[i];
      if (s.station.empty() || s.when.never_open() || !box.contains(s.xy, 2000)) __builtin_trap();
      for (size_t j = 0; j < i; ++j)
        if (ms.stops[j].station == s.station)
          for (int d = 0; d < 7; ++d)
            if ((ms.stops[j].when.day[d] & s.when.day[d]).any()) __builtin_trap();
    }
  } catch (const yz::InputError&) {
  }
  return 0;
}
