#pragma once
// A loaded city ready for coverage work: the map's lines, the walk graph built from them, and the
// snapping index. Move-only (big); nothing in it points at another member (the snapper keeps its
// own copy of what it needs), so a move needs no repair.
#include <memory>
#include <string>

#include "engine/map/map_loader.hpp"
#include "engine/network/graph_builder.hpp"
#include "engine/network/snapper.hpp"

namespace yz {

struct CityNetwork {
  CityNetwork() = default;
  CityNetwork(CityNetwork&& o) noexcept = default;
  CityNetwork& operator=(CityNetwork&& o) noexcept = default;
  CityNetwork(const CityNetwork&) = delete;
  CityNetwork& operator=(const CityNetwork&) = delete;

  RoadLines lines;
  WalkGraph graph;
  std::unique_ptr<Snapper> snapper;
  GraphBuildReport build;

  const LocalProjection& projection() const { return lines.projection; }
  // Bounds of the walk network (metric).
  Box bounds() const;
  // The map's extent for "outside the map" checks: the area the extract was cut to when the file
  // says (OSM <bounds>), else bounds().
  Box extent() const { return lines.declared_extent.empty() ? bounds() : lines.declared_extent; }
};

CityNetwork open_city(const std::string& path, const TagProfile& profile, const MapLoadOptions& opt = {},
                      const Progress& progress = {});
CityNetwork city_from_lines(RoadLines lines, const Progress& progress = {});

}  // namespace yz
