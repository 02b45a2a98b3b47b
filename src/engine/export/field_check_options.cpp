#include "engine/export/field_check_options.hpp"

#include <string>

#include "engine/util/error.hpp"

namespace yz {

namespace {
constexpr std::string_view kNames[] = {"none", "suggested", "candidates", "stations", "all"};
}

FieldCheckSites parse_field_check(std::string_view s) {
  for (size_t i = 0; i < std::size(kNames); ++i)
    if (s == kNames[i]) return static_cast<FieldCheckSites>(i);
  throw InputError("--field-check", "unknown value '" + std::string(s) +
                                        "' (use suggested, candidates, stations, all or none)");
}

std::string_view to_string(FieldCheckSites s) {
  return kNames[static_cast<size_t>(s)];
}

}  // namespace yz
