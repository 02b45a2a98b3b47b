#include "engine/util/number_format.hpp"

#include <fmt/format.h>

#include <cmath>

namespace yz {

double round_shown(double v, int decimals) {
  if (!std::isfinite(v)) return v;
  const double scale = std::pow(10.0, decimals);
  const double x = v * scale;
  // 91.4999999999 (an exact 91.5 in decimal that binary could not hold) rounds like 91.5.
  const double nudge = std::max(std::abs(x) * 1e-9, 1e-9);
  const double r = x >= 0 ? std::floor(x + 0.5 + nudge) : -std::floor(-x + 0.5 + nudge);
  return r / scale;
}

double percent_shown(double part, double total, int decimals) {
  return total > 0 ? round_shown(part / total * 100.0, decimals) : 0.0;
}

std::string percent_text(double part, double total, int decimals) {
  return fmt::format("{:.{}f} %", percent_shown(part, total, decimals), decimals);
}

}  // namespace yz
