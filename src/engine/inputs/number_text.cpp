#include "engine/inputs/number_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>

namespace yz {

std::optional<double> parse_decimal(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  size_t i = 0;
  auto digits = [&] {
    const size_t from = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i - from;
  };
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t mantissa = digits();
  if (i < s.size() && s[i] == '.') {
    ++i;
    mantissa += digits();
  }
  if (mantissa == 0) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (digits() == 0) return std::nullopt;
  }
  if (i != s.size()) return std::nullopt;
  const std::string t(s);  // strtod needs a terminated string; the grammar is already checked
  const double v = std::strtod(t.c_str(), nullptr);
  if (!std::isfinite(v)) return std::nullopt;
  return v;
}

namespace {

// Value of the UTF-8 character at s[i] (3 bytes for every CJK numeral), or -1; `unit` set for
// 十百千万亿 (10, 100, 1000, 1e4, 1e8).
int chinese_digit(std::string_view s, size_t i, double& unit) {
  static constexpr std::pair<const char*, int> kDigits[] = {
      {"零", 0}, {"〇", 0}, {"一", 1}, {"二", 2}, {"两", 2}, {"三", 3}, {"四", 4},
      {"五", 5}, {"六", 6}, {"七", 7}, {"八", 8}, {"九", 9}, {"壹", 1}, {"贰", 2},
      {"叁", 3}, {"肆", 4}, {"伍", 5}, {"陆", 6}, {"柒", 7}, {"捌", 8}, {"玖", 9}};
  static constexpr std::pair<const char*, double> kUnits[] = {
      {"十", 10},   {"拾", 10},   {"百", 100}, {"佰", 100},
      {"千", 1000}, {"仟", 1000}, {"万", 1e4}, {"亿", 1e8}};
  unit = 0;
  for (const auto& [t, v] : kDigits)
    if (s.compare(i, 3, t) == 0) return v;
  for (const auto& [t, v] : kUnits)
    if (s.compare(i, 3, t) == 0) return unit = v, -1;
  return -1;
}

}  // namespace

std::optional<double> parse_chinese_number(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  if (s.empty() || s.size() % 3 != 0) return std::nullopt;
  double total = 0, section = 0;  // section: below the current 万/亿
  int digit = -1;                 // a digit waiting for its unit (-1: none)
  double last_unit = 1e9;         // units inside a section must fall (千 then 百 then 十)
  double prev_unit = 0;           // the unit just before a final digit ("一百五" = 150)
  bool any = false, zero_pending = false;
  size_t i = 0;
  for (; i < s.size(); i += 3) {
    if (s.compare(i, 3, "点") == 0) break;
    double unit = 0;
    const int d = chinese_digit(s, i, unit);
    if (d >= 0) {
      if (digit >= 0 && !(digit == 0 || d == 0)) return std::nullopt;  // "二三": ambiguous
      if (d == 0) zero_pending = true;
      digit = d, any = true;
      continue;
    }
    if (unit == 0) return std::nullopt;  // not a numeral
    if (unit >= 1e4) {
      if (!any) return std::nullopt;
      total = (total + section + std::max(digit, 0)) * unit;
      section = 0, digit = -1, last_unit = 1e9, prev_unit = unit, zero_pending = false;
      continue;
    }
    if (unit >= last_unit) return std::nullopt;  // "十十", "十百"
    // "十二" starts with its unit: one ten.
    if (digit < 0 && any && !zero_pending) return std::nullopt;
    section += (digit < 0 ? 1 : digit) * unit;
    digit = -1, any = true, last_unit = unit, prev_unit = unit, zero_pending = false;
  }
  if (!any) return std::nullopt;
  // A last digit straight after 百/千/万 counts in the next lower place, as spoken: "一百五" 150,
  // "两千五" 2500, "三万五" 35000 ("一百零五" with 零 is 105).
  const double last =
      digit > 0 && !zero_pending && prev_unit >= 100 ? digit * prev_unit / 10 : std::max(digit, 0);
  double v = total + section + last;
  if (i < s.size()) {  // "点" and decimal digits
    double scale = 0.1;
    bool frac = false;
    for (i += 3; i < s.size(); i += 3) {
      double unit = 0;
      const int d = chinese_digit(s, i, unit);
      if (d < 0) return std::nullopt;
      v += d * scale, scale /= 10, frac = true;
    }
    if (!frac) return std::nullopt;
  }
  return v;
}

}  // namespace yz
