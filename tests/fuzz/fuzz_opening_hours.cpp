// Fuzz target: opening-hours text as station lists hold it (any bytes). Parsing never crashes; a
// parsed value describes itself, and that description parses back to the same schedule.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/inputs/opening_hours.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const yz::ParsedHours p = yz::parse_opening_hours(text);
  if (p.status == yz::HoursStatus::parsed) {
    const yz::ParsedHours again = yz::parse_opening_hours(p.schedule.describe());
    if (again.status != yz::HoursStatus::parsed || !(again.schedule == p.schedule)) std::abort();
  } else if (!p.schedule.always_open()) {
    std::abort();  // blank or unreadable hours count as always open
  }
  int a = 0, b = 0;
  yz::parse_time_window(text, a, b);
  return 0;
}
