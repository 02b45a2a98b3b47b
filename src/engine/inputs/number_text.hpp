#pragma once
// Numbers typed into attribute tables (counts, weights, costs): the WHOLE field must be a decimal
// number, so "12abc", "3 workers", "0x10", "inf" or "1,2" are refused instead of read as their
// leading digits (strtod's habit). One parser for every loader.
#include <optional>
#include <string_view>

namespace yz {

// [blanks] [+|-] digits [. digits] [e|E [+|-] digits] [blanks]; nullopt otherwise (also for
// empty text and values that overflow to infinity).
std::optional<double> parse_decimal(std::string_view text);

}  // namespace yz
