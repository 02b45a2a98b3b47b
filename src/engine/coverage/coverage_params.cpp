#include "engine/coverage/coverage_params.hpp"

namespace yz {

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
