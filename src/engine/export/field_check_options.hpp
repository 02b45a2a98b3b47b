#pragma once
// Which sites get a field-check sheet entry (field_check.pdf): `--field-check`.
#include <cstdint>
#include <string_view>

namespace yz {

enum class FieldCheckSites : uint8_t { none, suggested, candidates, stations, all };

// "none", "suggested", "candidates", "stations", "all"; throws InputError("--field-check", ...).
FieldCheckSites parse_field_check(std::string_view s);
std::string_view to_string(FieldCheckSites s);

}  // namespace yz
