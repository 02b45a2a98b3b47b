#pragma once
// A deterministic synthetic city for demos, tests and scale benchmarks (clearly labelled
// synthetic): irregular street grid with arterials, a river with few bridges, a fenced expressway
// crossable only at underpasses, gated compounds, POIs as candidate hosts, worker hot spots.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/inputs/point_set.hpp"
#include "engine/map/road_lines.hpp"

namespace yz {

struct DemoHotSpot {
  std::string name;
  double x_share, y_share, sigma_m;
  int points;
  double weight;
};

struct DemoCitySettings {
  std::string name = "Yizhan demo city (synthetic)";
  uint64_t seed = 20261122;
  double centre_lon = 114.30, centre_lat = 30.58;
  double width_m = 7200, height_m = 5400, block_m = 140, jitter = 0.18;
  double missing_street_share = 0.06;
  int arterial_every = 6;
  double river_y_share = 0.58, river_width_m = 160, river_amplitude_m = 260, river_wavelength_m = 5200;
  int bridges = 3;
  double expressway_x_share = 0.30;
  int underpasses = 2;
  int gated_compounds = 5;
  double park_x_share = 0.72, park_y_share = 0.25, park_size_m = 700;
  std::vector<DemoHotSpot> hot_spots;
  int background_points = 2500;
  double background_weight = 0.6;
  // Worker groups of the demand (riders, couriers, ...): per hot-spot name or "background", each
  // group's share of a point's workers, written as one column per group so the by-hour profiles
  // and the rider test see the groups. Empty: no group columns.
  std::map<std::string, std::map<std::string, double>> worker_mix;
  int existing_stations = 14;
  int candidates = 320;

  static DemoCitySettings load(const std::string& path);  // throws InputError
  static DemoCitySettings load_default();                  // data/demo_city.json
  // Scales the street grid (and demand/candidates) to about `nodes` junctions, for benchmarks.
  DemoCitySettings scaled_to_nodes(uint64_t nodes) const;
};

struct DemoCity {
  RoadLines lines;
  PointSet stations;    // existing stations (attributes: host_type, status, size)
  PointSet candidates;  // candidate hosts (attributes: category, cost)
  PointSet demand;      // outdoor workers (attributes: hot_spot)
  std::vector<std::string> features;  // what is where, for the demo's explanation
  // Barriers walkers must detour around, as metric polylines ("river", "expressway"), so the demo
  // can say which one makes a 1 km circle overstate walking coverage.
  std::vector<std::pair<std::string, std::vector<Vec2>>> barriers;
};

// True when segment a-b crosses the polyline.
bool crosses(Vec2 a, Vec2 b, const std::vector<Vec2>& polyline);

DemoCity generate_demo_city(const DemoCitySettings& s);

}  // namespace yz
