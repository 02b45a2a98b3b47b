#include <catch2/catch.hpp>

#include "engine/util/ascii_case.hpp"

using yz::ascii_lower;

TEST_CASE("ascii_lower folds ASCII letters only", "[util]") {
  CHECK(ascii_lower("ROADS.GPKG") == "roads.gpkg");
  CHECK(ascii_lower("Weight_2 AZaz@[`{") == "weight_2 azaz@[`{");  // neighbours of A-Z unchanged
  CHECK(ascii_lower("") == "");
  // UTF-8 bytes (Chinese column names, accented letters) pass through byte for byte.
  const std::string chinese = "\xE7\xBB\x8F\xE5\xBA\xA6";  // 经度
  CHECK(ascii_lower("LON_" + chinese) == "lon_" + chinese);
  CHECK(ascii_lower("\xC3\x84RZTE") == "\xC3\x84rzte");  // Ärzte: Ä's bytes kept
  // Every byte value: only 'A'..'Z' change, each by exactly 32.
  for (int b = 0; b < 256; ++b) {
    const std::string in(1, static_cast<char>(b));
    const bool upper = b >= 'A' && b <= 'Z';
    CHECK(ascii_lower(in) == std::string(1, static_cast<char>(upper ? b + 32 : b)));
  }
}
