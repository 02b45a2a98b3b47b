#include "engine/export/layer.hpp"

#include <algorithm>
#include <cctype>

#include "engine/geo/local_projection.hpp"

namespace yz {

void write_layer(VectorWriter& w, const Layer& l) {
  std::vector<FieldDef> fields = l.fields;
  // Field names must be unique (case-insensitively, as most formats see them): an input column
  // named like one of ours gets a suffix instead of failing the export.
  std::vector<std::string> seen;
  for (auto& f : fields) {
    auto lower = [](std::string s) {
      std::transform(s.begin(), s.end(), s.begin(),
                     [](unsigned char c) { return std::tolower(c); });
      return s;
    };
    std::string name = f.name;
    for (int k = 2; std::find(seen.begin(), seen.end(), lower(name)) != seen.end(); ++k)
      name = f.name + "_" + std::to_string(k);
    f.name = name;
    seen.push_back(lower(name));
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
    if (const auto* p = std::get_if<Vec2>(&f.geom))
      w.add_point(*p, f.values);
    else if (const auto* line = std::get_if<std::vector<Vec2>>(&f.geom))
      w.add_line(*line, f.values);
    else
      w.add_polygon(std::get<MultiPolygon>(f.geom), f.values);
  }
}

MultiPolygon to_lonlat(const LocalProjection& proj, MultiPolygon mp) {
  for (auto& poly : mp)
    for (auto& ring : poly.rings) proj.to_lonlat(ring);
  return mp;
}

}  // namespace yz
