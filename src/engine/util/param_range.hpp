#pragma once
// Valid ranges of the numeric parameters, each checked in one place in the engine (the parameter
// structs' validate()) and shared by the CLI, the app and the session reader. The engine names a
// parameter by its settings key ("minutes", "area_half_width_m"); the CLI prints it as its flag.
#include <string>

#include "engine/util/error.hpp"

namespace yz {

struct ParamRange {
  double lo, hi;
  bool lo_open = false;  // lo itself is refused: the value must be above it ("positive")
  const char* unit = "";
  bool zero_ok = false;  // 0 is also accepted (= off), below lo ("--cell-m 0": no aggregation)
};

// An out-of-range parameter: source() is the parameter's key.
class ParamError : public InputError {
 public:
  ParamError(const std::string& param, const std::string& problem) : InputError(param, problem) {}
  const std::string& param() const { return source(); }
};

// "" when `v` is finite and inside `r`; else the problem, with the value given
// ("must be a number above 0 and at most 240 minutes (got 1e+12)").
std::string range_problem(double v, const ParamRange& r);
// Throws ParamError(param, range_problem(...)) when `v` is outside `r`.
void check_param(const std::string& param, double v, const ParamRange& r);
// "(0, 240] minutes" for documentation and help texts.
std::string describe(const ParamRange& r);

}  // namespace yz
