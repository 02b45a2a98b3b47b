#pragma once
// Terminal display width of UTF-8 text (CJK characters take two columns), so tables with Chinese
// station names line up.
#include <string>
#include <string_view>

namespace yz {

int display_width(std::string_view utf8);
// `s` padded with spaces to `width` columns (left-aligned), or unchanged if wider.
std::string pad_right(std::string_view s, int width);

}  // namespace yz
