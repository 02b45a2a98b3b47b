#include "engine/util/text_width.hpp"

namespace yz {

namespace {
bool wide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}
}  // namespace

int display_width(std::string_view s) {
  int w = 0;
  for (size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    char32_t c;
    size_t n;
    if (b < 0x80) c = b, n = 1;
    else if ((b >> 5) == 0x6) c = b & 0x1F, n = 2;
    else if ((b >> 4) == 0xE) c = b & 0x0F, n = 3;
    else if ((b >> 3) == 0x1E) c = b & 0x07, n = 4;
    else c = 0xFFFD, n = 1;  // invalid byte: one column
    for (size_t k = 1; k < n && i + k < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    w += wide(c) ? 2 : 1;
    i += n;
  }
  return w;
}

std::string pad_right(std::string_view s, int width) {
  std::string out(s);
  for (int w = display_width(s); w < width; ++w) out += ' ';
  return out;
}

}  // namespace yz
