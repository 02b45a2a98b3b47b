#include "engine/inputs/street_place_names.hpp"

#include "engine/map/street_names.hpp"

namespace yz {

void name_by_streets(PointSet& ps, const RoadLines& lines) {
  bool any = false;
  for (const auto& n : ps.name) any = any || n.empty();
  if (!any) return;
  const StreetNames names(lines);
  for (size_t i = 0; i < ps.size(); ++i)
    if (ps.name[i].empty()) ps.name[i] = place_label(names.near(ps.xy[i]), /*english=*/false);
}

}  // namespace yz
