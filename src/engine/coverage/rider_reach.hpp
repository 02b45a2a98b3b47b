#pragma once
// The rider-reach test (骑行可达), beside the walk and the radius tests and never part of the
// double-15 figures: a delivery rider covered by a station rides to it on the riding network (one-
// way streets respected, contraflow only where tagged) for at most `minutes` at `speed_kmh`, parks,
// and walks at most `park_walk_m` on the walk network to the station.
//
// Parking spots of a station: every riding-graph node, and the nearest point of the riding network
// to the station, whose walk from the station (WalkSearch::distance_to: off-street at both ends
// included) is at most park_walk_m. A demand point is covered when its off-street distance to the
// riding network plus the riding distance from its snap to some spot is at most the riding budget;
// the search runs from the spots over the REVERSED riding graph, since riders ride TO the station.
#include <string>
#include <utility>
#include <vector>

#include "engine/coverage/coverage_params.hpp"
#include "engine/inputs/point_set.hpp"
#include "engine/network/city_network.hpp"
#include "engine/network/ride_search.hpp"
#include "engine/network/walk_search.hpp"
#include "engine/util/param_range.hpp"
#include "engine/util/progress.hpp"

namespace yz {

struct RiderParams {
  double minutes = 5;             // riding time budget
  double speed_kmh = 15;          // typical e-bike pace in city traffic (the legal top speed is 25)
  double park_walk_m = 100;       // walk from where the rider parks to the station
  std::string demand = "riders";  // demand components the test applies to ("all", or a,b,...)
  double ride_m() const { return minutes * speed_kmh * 1000.0 / 60.0; }

  static constexpr ParamRange kMinutes{0, 120, true, "minutes"};
  static constexpr ParamRange kSpeedKmh{0, 60, true, "km/h"};
  static constexpr ParamRange kParkWalkM{0, 2000, false, "m"};
  // ParamError naming ride_min, ride_kmh or park_walk_m.
  void validate() const;
};

// Which workers the test counts: per demand point, the weight of the selected components.
struct RiderDemand {
  std::vector<double> weight;
  std::string what;  // "riders", "all demand", ...
  std::string note;  // why all demand is used, when it is
};
// Components are the demand's per-component columns (as `yizhan demand` writes them: the name, or
// c_<name>). A demand without component columns (street-length proxy, a planner's counts) counts
// whole under the default selection, with a note; naming components it lacks is an InputError
// (`option`).
RiderDemand rider_demand(const PointSet& demand, const std::string& selection,
                         const std::string& option = "--rider-demand");

class RiderReach {
 public:
  RiderReach(const CityNetwork& city, const RideNetwork& ride, const PointSet& demand,
             const RiderParams& params, const SnapOptions& snap);

  struct Scratch {
    explicit Scratch(const CityNetwork& c, const RideNetwork& r)
        : walk(c.graph), ride(r.graph), edge_stamp(r.graph.base.edge_count(), 0) {}
    WalkSearch walk;
    RideSearch ride;
    std::vector<uint32_t> edge_stamp;
    uint32_t now = 0;
    std::vector<NodeId> near;
    std::vector<std::pair<NodeId, float>> seeds;
  };
  Scratch scratch() const { return Scratch(city_, ride_); }

  // Demand ids the station at `site` covers (sorted); empty when it is off the walk network.
  std::vector<uint32_t> cover(Vec2 site, Scratch& sc) const;
  std::vector<std::vector<uint32_t>> cover_all(const std::vector<Vec2>& sites,
                                               const Progress& progress = {}) const;
  const std::vector<Snap>& demand_snaps() const { return snaps_; }  // on the riding graph
  const RiderParams& params() const { return params_; }

 private:
  const CityNetwork& city_;
  const RideNetwork& ride_;
  RiderParams params_;
  SnapOptions snap_;
  std::vector<Snap> snaps_;
  std::vector<uint32_t> edge_first_, edge_items_;  // riding edge -> demand ids
};

// The test over a set of stations: per station what it covers, per demand point how many stations
// cover it, and the weighted totals.
struct RiderStudy {
  RiderParams params;
  RiderDemand demand;
  std::vector<std::vector<uint32_t>> covers;  // per station, sorted demand ids
  std::vector<uint16_t> count;                // per demand point: stations covering it
  double total = 0;                           // rider weight of all demand
  double covered = 0, twice = 0;              // covered by >= 1, >= 2 stations
  double unsnapped = 0;                       // rider weight out of reach of the riding network
  uint32_t ride_nodes = 0, ride_edges = 0, one_way_edges = 0;
  double ride_km = 0;
  double percent() const { return total > 0 ? 100.0 * covered / total : 0; }
  double station_weight(size_t s) const;  // rider weight station s covers
};

RiderStudy run_rider_reach(const CityNetwork& city, const RideNetwork& ride, const PointSet& sites,
                           const PointSet& demand, const RiderParams& params,
                           const SnapOptions& snap, const Progress& progress = {});

}  // namespace yz
