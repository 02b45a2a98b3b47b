#pragma once
// One rounding for every figure shown: a share computed as 100*a/b or a/b*100, or from a count
// rounded first, lands on either side of a .x5 boundary in binary, so the same 136 workers read
// 91.5 % in one place and 91.4 % in another. Everything shown goes through these.
#include <string>

namespace yz {

// `v` rounded to `decimals` places, halves away from zero, with binary noise (relative 1e-9)
// treated as the decimal it stands for.
double round_shown(double v, int decimals);
// Percentage of `part` in `total` (0 when total <= 0), rounded as shown.
double percent_shown(double part, double total, int decimals = 1);
// "91.5 %": percent_shown with `decimals` places and " %".
std::string percent_text(double part, double total, int decimals = 1);

}  // namespace yz
