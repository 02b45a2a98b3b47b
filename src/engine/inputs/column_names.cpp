#include "engine/inputs/column_names.hpp"

#include <cpl_string.h>

#include <algorithm>

namespace yz {

namespace {

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// Length of a well-formed UTF-8 sequence starting at s[i], 0 when there is none; `cut` is set when
// the bytes are a correct but incomplete start of one that the string ends inside.
size_t utf8_sequence(std::string_view s, size_t i, bool& cut) {
  const auto b = static_cast<unsigned char>(s[i]);
  size_t n = 0;
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF)
    n = 2;
  else if (b >= 0xE0 && b <= 0xEF)
    n = 3;
  else if (b >= 0xF0 && b <= 0xF4)
    n = 4;
  else
    return 0;
  for (size_t k = 1; k < n; ++k) {
    if (i + k >= s.size()) {
      cut = true;
      return 0;
    }
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  return n;
}

}  // namespace

bool is_utf8(std::string_view s) {
  return CPLIsUTF8(s.data(), static_cast<int>(s.size())) != 0;
}

ColumnName column_name(std::string_view raw, bool dbf, TextEncoding enc) {
  ColumnName c;
  if (enc == TextEncoding::utf8) {
    if (is_utf8(raw)) {
      c.utf8 = std::string(raw);
      c.truncated = dbf && raw.size() == 10;
      return c;
    }
    // UTF-8 cut inside its last character: drop the partial character.
    bool cut = false;
    size_t i = 0;
    while (i < raw.size()) {
      const size_t n = utf8_sequence(raw, i, cut);
      if (n == 0) break;
      i += n;
    }
    if (cut && i > 0) {
      c.utf8 = std::string(raw.substr(0, i));
      c.truncated = true;
      return c;
    }
    c.utf8 = to_utf8(raw, enc);
    return c;
  }
  // GB18030 (a DBF limit may also have cut its last two-byte character: drop a lone lead byte).
  std::string v(raw);
  size_t high = 0;
  while (high < v.size() && static_cast<unsigned char>(v[v.size() - 1 - high]) >= 0x81) ++high;
  const bool cut = dbf && v.size() >= 9 && high % 2 == 1;
  if (cut) v.pop_back();
  c.utf8 = to_utf8(v, enc);
  c.truncated = cut || (dbf && raw.size() == 10);
  return c;
}

int find_column(const std::vector<ColumnName>& cols, std::initializer_list<const char*> aliases) {
  for (const char* a : aliases) {
    const std::string la = lower_ascii(a);
    for (size_t i = 0; i < cols.size(); ++i)
      if (lower_ascii(cols[i].utf8) == la) return static_cast<int>(i);
  }
  for (const char* a : aliases) {
    const std::string la = lower_ascii(a);
    for (size_t i = 0; i < cols.size(); ++i) {
      const std::string n = lower_ascii(cols[i].utf8);
      if (cols[i].truncated && !n.empty() && n.size() < la.size() &&
          la.compare(0, n.size(), n) == 0)
        return static_cast<int>(i);
    }
  }
  return -1;
}

int column_index(const std::vector<ColumnName>& cols, const std::string& name) {
  for (size_t i = 0; i < cols.size(); ++i)
    if (cols[i].utf8 == name) return static_cast<int>(i);
  return -1;
}

std::string to_gb18030(const std::string& utf8) {
  if (std::all_of(utf8.begin(), utf8.end(),
                  [](char ch) { return static_cast<unsigned char>(ch) < 0x80; }))
    return {};
  char* r = CPLRecode(utf8.c_str(), CPL_ENC_UTF8, "GB18030");
  std::string out = r ? r : "";
  CPLFree(r);
  return out == utf8 ? std::string() : out;
}

}  // namespace yz
