#include "engine/coverage/coverage_params.hpp"

namespace yz {

void CoverageParams::validate() const {
  check_param("minutes", minutes, kMinutes);
  check_param("speed_kmh", speed_kmh, kSpeedKmh);
  check_param("radius_m", radius_m, kRadiusM);
  check_param("max_snap_m", snap.max_snap_m, kMaxSnapM);
  check_param("island_m", snap.island_max_m, kIslandM);
}

std::string CoverageParams::problem() const {
  try {
    validate();
  } catch (const ParamError& e) {
    return e.what();
  }
  return {};
}

std::string_view to_string(Criterion c) {
  switch (c) {
    case Criterion::walk: return "walk";
    case Criterion::radius: return "radius";
    case Criterion::both: return "both";
    case Criterion::either: return "either";
  }
  return "?";
}

bool parse_criterion(std::string_view s, Criterion& out) {
  for (Criterion c : {Criterion::walk, Criterion::radius, Criterion::both, Criterion::either})
    if (to_string(c) == s) {
      out = c;
      return true;
    }
  return false;
}

}  // namespace yz
