#include "engine/export/layer.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>

#include "engine/geo/local_projection.hpp"
#include "engine/util/ascii_case.hpp"

namespace yz {

void write_layer(VectorWriter& w, const Layer& l,
                 const std::function<std::string(const Feature&)>& style) {
  std::vector<FieldDef> fields = l.fields;
  // Field names must be unique (case-insensitively, as most formats see them): an input column
  // named like one of ours gets a suffix instead of failing the export.
  std::vector<std::string> seen;
  for (auto& f : fields) {
    std::string name = f.name;
    for (int k = 2; std::find(seen.begin(), seen.end(), ascii_lower(name)) != seen.end(); ++k)
      name = f.name + "_" + std::to_string(k);
    f.name = name;
    seen.push_back(ascii_lower(name));
  }
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].type != FieldType::text) continue;
    size_t widest = 1;
    for (const auto& f : l.features)
      if (i < f.values.size())
        if (const auto* s = std::get_if<std::string>(&f.values[i]))
          widest = std::max(widest, s->size());
    fields[i].width = static_cast<int>(std::min<size_t>(widest, 254));
  }
  w.begin_layer(l.name, l.kind, fields);
  for (const auto& f : l.features) {
    if (style) w.set_next_style(style(f));
    if (const auto* p = std::get_if<Vec2>(&f.geom))
      w.add_point(*p, f.values);
    else if (const auto* line = std::get_if<std::vector<Vec2>>(&f.geom))
      w.add_line(*line, f.values);
    else
      w.add_polygon(std::get<MultiPolygon>(f.geom), f.values);
  }
}

bool is_plain_number(const std::string& s, bool& integer) {
  size_t i = 0, n = s.size();
  auto digits = [&] {
    const size_t from = i;
    while (i < n && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    return i - from;
  };
  if (i < n && s[i] == '-') ++i;
  const size_t lead = i;
  const size_t whole = digits();
  if (whole == 0 || (whole > 1 && s[lead] == '0')) return false;  // "007" is a code, not 7
  integer = true;
  if (i < n && s[i] == '.') {
    ++i;
    if (digits() == 0) return false;
    integer = false;
  }
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    if (digits() == 0) return false;
    integer = false;
  }
  if (integer && whole > 18) integer = false;  // beyond int64
  return i == n;
}

void type_number_columns(Layer& l, size_t first) {
  for (size_t c = first; c < l.fields.size(); ++c) {
    if (l.fields[c].type != FieldType::text) continue;
    bool any = false, all_integer = true, numeric = true;
    for (const auto& f : l.features) {
      const auto* s = c < f.values.size() ? std::get_if<std::string>(&f.values[c]) : nullptr;
      if (!s || s->empty()) continue;
      bool integer = false;
      if (!is_plain_number(*s, integer)) {
        numeric = false;
        break;
      }
      any = true;
      all_integer = all_integer && integer;
    }
    if (!numeric || !any) continue;
    l.fields[c].type = all_integer ? FieldType::integer : FieldType::real;
    for (auto& f : l.features) {
      const auto* sp = c < f.values.size() ? std::get_if<std::string>(&f.values[c]) : nullptr;
      if (!sp) continue;
      const std::string s = *sp;
      if (s.empty())
        f.values[c] = std::nan("");  // NULL
      else if (all_integer)
        f.values[c] = static_cast<int64_t>(std::stoll(s));
      else
        f.values[c] = std::strtod(s.c_str(), nullptr);
    }
  }
}

MultiPolygon to_lonlat(const LocalProjection& proj, MultiPolygon mp) {
  for (auto& poly : mp)
    for (auto& ring : poly.rings) proj.to_lonlat(ring);
  return mp;
}

}  // namespace yz
