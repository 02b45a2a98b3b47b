#pragma once
// What every scenario of a session shares: the city, the outdoor-worker demand (snapped and
// indexed once), the coverage parameters and the machinery that computes one station's coverage.
// A Workspace never changes once built, so background work (suggestions, autosave, export) reads
// it while the planner keeps editing; new demand or new parameters make a new Workspace that
// shares the city (and the demand index when the snapping rules did not change).
#include <memory>
#include <string>

#include "engine/coverage/coverage_computer.hpp"
#include "engine/inputs/point_set.hpp"
#include "engine/map/map_source.hpp"
#include "engine/network/city_network.hpp"

namespace yz {

// A map opened for a session, with the layers that came with it (only the demo city brings
// stations, candidates and workers).
struct OpenedMap {
  std::shared_ptr<const CityNetwork> city;
  PointSet stations, candidates, demand;
};

// Throws InputError naming the file and the problem; Cancelled when progress.cancel is raised.
OpenedMap open_map(const MapSource& src, const Progress& progress = {});

class Workspace {
 public:
  // `demand` empty: the street-length proxy stands in (demand_is_proxy()).
  Workspace(std::shared_ptr<const CityNetwork> city, MapSource src, PointSet demand,
            const CoverageParams& params, const Progress& progress = {});

  // The same city and demand under other parameters (the demand index is shared unless the
  // snapping rules changed).
  std::shared_ptr<const Workspace> with_params(const CoverageParams& params,
                                               const Progress& progress = {}) const;
  // The same city and parameters with other demand (empty = the street-length proxy).
  std::shared_ptr<const Workspace> with_demand(PointSet demand,
                                               const Progress& progress = {}) const;

  const CityNetwork& city() const { return *city_; }
  const std::shared_ptr<const CityNetwork>& city_ptr() const { return city_; }
  const MapSource& map() const { return map_; }
  const PointSet& demand() const { return *demand_; }
  bool demand_is_proxy() const { return proxy_; }
  const CoverageParams& params() const { return params_; }
  const DemandIndex& demand_index() const { return *index_; }
  const CoverageComputer& computer() const { return *computer_; }
  // Per demand point: 1 when it joined the network (CoverageState counts the rest as unsnapped).
  const std::vector<uint8_t>& demand_snapped() const { return *snapped_; }

 private:
  Workspace() = default;
  std::shared_ptr<const CityNetwork> city_;
  MapSource map_;
  std::shared_ptr<const PointSet> demand_;
  bool proxy_ = false;
  CoverageParams params_;
  std::shared_ptr<const DemandIndex> index_;
  std::shared_ptr<const std::vector<uint8_t>> snapped_;
  std::unique_ptr<CoverageComputer> computer_;
};

}  // namespace yz
