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

// A number in Chinese numerals as written in tables: "二十" 20, "二十五" 25, "十二" 12, "两百" 200,
// "一百零五" 105, "一千二百" 1200, "三万" 30000, "二十点五" 20.5, "〇"/"零" 0 (daxie 壹贰叁...
// too). nullopt for anything else, including digit runs without units ("二三": 2 to 3, or 23?) and
// misplaced units ("十十").
std::optional<double> parse_chinese_number(std::string_view text);

}  // namespace yz
