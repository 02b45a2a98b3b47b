#include "engine/network/city_network.hpp"

namespace yz {

Box CityNetwork::bounds() const {
  Box b;
  for (auto p : graph.geom) b.add(p);
  return b;
}

CityNetwork city_from_lines(RoadLines lines, const Progress& progress) {
  CityNetwork c;
  c.lines = std::move(lines);
  c.graph = build_walk_graph(c.lines, &c.build, progress);
  c.snapper = std::make_unique<Snapper>(c.graph);
  return c;
}

CityNetwork open_city(const std::string& path, const TagProfile& profile, const MapLoadOptions& opt,
                      const Progress& progress) {
  Progress read_part = progress, build_part = progress;
  if (progress.report) {
    read_part.report = [&](double f, std::string_view s) { progress.report(0.7 * f, s); };
    build_part.report = [&](double f, std::string_view s) { progress.report(0.7 + 0.3 * f, s); };
  }
  return city_from_lines(load_map(path, profile, opt, read_part), build_part);
}

}  // namespace yz
