#include "engine/util/param_range.hpp"

#include <cmath>
#include <cstdio>

#include "engine/util/coded_error.hpp"
#include "engine/util/msg_codes.hpp"

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

namespace {

MsgArg unit_arg(const char* unit) {
  static constexpr std::pair<const char*, Msg> kUnits[] = {{"minutes", Msg::unit_minutes},
                                                           {"m", Msg::unit_m},
                                                           {"km/h", Msg::unit_kmh},
                                                           {"pixels", Msg::unit_pixels},
                                                           {"s", Msg::unit_s},
                                                           {"%", Msg::unit_percent},
                                                           {"dpi", Msg::unit_dpi},
                                                           {"stations", Msg::unit_stations},
                                                           {"workers", Msg::unit_workers}};
  for (const auto& [u, code] : kUnits)
    if (std::string(unit) == u) return MsgArg("unit", Message(code));
  return MsgArg("unit", *unit ? std::string(" ") + unit : std::string());
}

}  // namespace

Message range_message(double v, const ParamRange& r) {
  if (r.zero_ok && v == 0) return Message::raw("");
  if (std::isfinite(v) && (r.lo_open ? v > r.lo : v >= r.lo) && v <= r.hi) return Message::raw("");
  const Msg code = !r.lo_open  ? Msg::range_from
                   : r.lo == 0 ? Msg::range_positive
                               : Msg::range_above;
  return Message(
      code, {r.zero_ok ? MsgArg("zero_or", Message(Msg::range_zero_or)) : MsgArg("zero_or", ""),
             {"lo", num(r.lo)},
             {"hi", num(r.hi)},
             unit_arg(r.unit),
             {"value", num(v)}});
}

std::string range_problem(double v, const ParamRange& r) {
  return render(range_message(v, r), MsgLang::en);
}

void check_param(const std::string& param, double v, const ParamRange& r) {
  if (Message m = range_message(v, r); !m.is_raw()) throw CodedParamError(param, std::move(m));
}

}  // namespace yz
