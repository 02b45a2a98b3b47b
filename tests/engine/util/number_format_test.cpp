// One rounding for shown figures: a share computed along different paths (100*a/b, a/b*100, from
// a sum of parts) must read the same, halves rounded away from zero as a person would by hand.
#include <catch2/catch.hpp>

#include <cstdint>

#include "engine/util/number_format.hpp"

using namespace yz;

TEST_CASE("a share reads the same whichever way it was computed", "[util][rounding]") {
  // 124.44 of 136 workers is exactly 91.5 % in decimal; binary makes it 91.4999... or 91.5000...
  const double a = 124.44, b = 136;
  CHECK(percent_text(a, b) == "91.5 %");
  CHECK(round_shown(100 * a / b, 1) == round_shown(a / b * 100, 1));
  CHECK(round_shown(91.49999999999999, 1) == 91.5);
  CHECK(round_shown(91.45, 1) == 91.5);  // 91.45 is 91.4500000000000028 in binary: still 91.5
  CHECK(round_shown(91.44999, 1) == 91.4);
  CHECK(round_shown(-2.5, 0) == -3);
  CHECK(percent_text(1, 0) == "0.0 %");
  CHECK(percent_text(1, 3, 2) == "33.33 %");
}

TEST_CASE("decimal halves round up against integer arithmetic", "[util][rounding]") {
  // Every k/1000 with k up to 200000, reached by three float paths, rounded to 2 places must
  // equal round-half-up done in integers.
  for (int64_t k = 0; k <= 200000; ++k) {
    const int64_t want = (k + 5) / 10;  // hundredths
    const double x1 = static_cast<double>(k) / 1000;
    const double x2 = static_cast<double>(k) * 0.001;
    const double x3 = static_cast<double>(k) / 7 / 1000 * 7;
    for (double x : {x1, x2, x3}) {
      const double r = round_shown(x, 2);
      if (static_cast<int64_t>(r * 100 + (r >= 0 ? 0.5 : -0.5)) != want) {
        INFO("k = " << k << " x = " << x << " rounded " << r);
        FAIL("rounded the wrong way");
      }
    }
  }
  SUCCEED();
}
