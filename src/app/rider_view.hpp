#pragma once
// The rider-reach test (骑行可达) in the app: the plan's figure in the Coverage panel and the
// riding network that figure and the Suggest panel's "rider reach" criterion use. Its own test
// with its own name, never a double-15 figure. The riding network is a second graph, built once
// per city on first use (in the background, like every long job).
#include <cstdint>
#include <memory>

#include "engine/coverage/rider_reach.hpp"
#include "engine/network/ride_graph.hpp"
#include "engine/session/scenario.hpp"

namespace yz::app {

struct RiderView {
  // Defaults as the CLI's (5 min at 15 km/h, 100 m walk, riders); edited in the Coverage panel,
  // kept in the session (SessionSettings::rider).
  RiderParams params;
  std::shared_ptr<const CityNetwork> city;  // what `ride` was built from (kept alive with it)
  std::shared_ptr<const RideNetwork> ride;
  // The last figure and the plan it was computed for.
  std::shared_ptr<const RiderStudy> study;
  std::shared_ptr<const Workspace> ws;
  uint32_t scenario_id = 0;
  uint64_t version = 0;

  // The figure is of this plan as it is now (else the plan changed since).
  bool current_plan(const Scenario& sc) const {
    return study && ws.get() == &sc.workspace() && scenario_id == sc.id() &&
           version == sc.version();
  }
  // ... and of the settings as they are now (the panel edits `params` directly).
  bool current_settings() const {
    const RiderParams& p = study->params;
    return p.minutes == params.minutes && p.speed_kmh == params.speed_kmh &&
           p.park_walk_m == params.park_walk_m && p.demand == params.demand;
  }
  bool current(const Scenario& sc) const { return current_plan(sc) && current_settings(); }
};

}  // namespace yz::app
