#include "engine/inputs/district_column.hpp"

#include <algorithm>
#include <cctype>

namespace yz {

namespace {

std::string trim(const std::string& s) {
  const char* ws = " \t\r\n";
  const size_t a = s.find_first_not_of(ws);
  if (a == std::string::npos) return {};
  std::string t = s.substr(a, s.find_last_not_of(ws) - a + 1);
  // Full-width spaces (U+3000) planners type around Chinese names.
  const std::string fw = "\xE3\x80\x80";
  while (t.size() >= 3 && t.compare(0, 3, fw) == 0) t.erase(0, 3);
  while (t.size() >= 3 && t.compare(t.size() - 3, 3, fw) == 0) t.erase(t.size() - 3);
  return t;
}

std::string lower_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The name without one administrative suffix (街道, 区, 县, 镇, 乡, " district", ...).
std::string without_suffix(const std::string& s) {
  static const char* suffixes[] = {"街道办事处",   "街道办",    "街道",    "新区",
                                   "区",           "县",        "镇",      "乡",
                                   " subdistrict", " district", " county", " town"};
  const std::string l = lower_ascii(s);
  for (const char* suf : suffixes) {
    const std::string x = suf;
    if (l.size() > x.size() && l.compare(l.size() - x.size(), x.size(), x) == 0)
      return s.substr(0, s.size() - x.size());
  }
  return s;
}

}  // namespace

const std::vector<std::string>& district_column_aliases() {
  static const std::vector<std::string> names{"所属街道",   "所属区",     "所属区县", "所属乡镇",
                                              "所属行政区", "街道",       "区县",     "行政区",
                                              "district",   "subdistrict"};
  return names;
}

bool same_district_name(const std::string& a, const std::string& b) {
  const std::string x = lower_ascii(trim(a)), y = lower_ascii(trim(b));
  if (x == y) return true;
  return lower_ascii(without_suffix(x)) == lower_ascii(without_suffix(y));
}

DistrictColumnCheck check_district_column(const PointSet& st, const Districts& districts,
                                          const std::string& column) {
  DistrictColumnCheck out;
  int col = -1;
  auto find = [&](const std::string& want) {
    for (size_t c = 0; c < st.attr_names.size(); ++c)
      if (lower_ascii(trim(st.attr_names[c])) == lower_ascii(want)) return static_cast<int>(c);
    return -1;
  };
  if (!column.empty()) {
    col = find(column);
  } else {
    for (const std::string& a : district_column_aliases())
      if ((col = find(a)) >= 0) break;
  }
  if (col < 0) return out;
  out.column = st.attr_names[col];
  for (size_t i = 0; i < st.size(); ++i) {
    if (i >= st.attr_values.size()) break;
    const std::string value = trim(st.attr_values[i][col]);
    if (value.empty()) continue;
    ++out.checked;
    const int32_t d = districts.locate(st.xy[i]);
    const std::string where = d >= 0 ? districts.names[d] : std::string();
    if (d >= 0 && same_district_name(value, where)) continue;
    out.mismatches.push_back({st.source_row(i) + 1, st.id[i], st.name[i], value, where});
  }
  return out;
}

}  // namespace yz

namespace yz {

std::vector<std::string> district_mismatch_notes(const DistrictColumnCheck& c) {
  std::vector<std::string> out;
  for (const DistrictMismatch& m : c.mismatches) {
    std::string who = m.id;
    if (!m.name.empty() && m.name != m.id) who += (who.empty() ? "" : " ") + m.name;
    out.push_back("row " + std::to_string(m.row) + (who.empty() ? "" : " (" + who + ")") + ": " +
                  c.column + " says '" + m.column_value + "' but the station lies " +
                  (m.polygon_name.empty() ? std::string("outside every district (or on a boundary)")
                                          : "in '" + m.polygon_name + "'"));
  }
  return out;
}

}  // namespace yz
