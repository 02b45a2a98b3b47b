#include "engine/util/param_range.hpp"

#include <cmath>
#include <cstdio>

namespace yz {

namespace {

std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%g", v);
  return b;
}

std::string with_unit(const std::string& s, const ParamRange& r) {
  return *r.unit ? s + " " + r.unit : s;
}

}  // namespace

std::string describe(const ParamRange& r) {
  std::string s = (r.zero_ok ? "0 or " : "") + std::string(r.lo_open ? "(" : "[") + num(r.lo) +
                  ", " + num(r.hi) + "]";
  return with_unit(s, r);
}

std::string range_problem(double v, const ParamRange& r) {
  if (r.zero_ok && v == 0) return {};
  if (std::isfinite(v) && (r.lo_open ? v > r.lo : v >= r.lo) && v <= r.hi) return {};
  std::string want = r.lo_open
                         ? (r.lo == 0 ? std::string("positive") : "a number above " + num(r.lo))
                         : "a number from " + num(r.lo);
  want += (r.lo_open ? " and at most " : " to ") + num(r.hi);
  want = with_unit(want, r);
  if (r.zero_ok) want = "0 (off) or " + want;
  return "must be " + want + " (got " + num(v) + ")";
}

void check_param(const std::string& param, double v, const ParamRange& r) {
  if (std::string why = range_problem(v, r); !why.empty()) throw ParamError(param, why);
}

}  // namespace yz
