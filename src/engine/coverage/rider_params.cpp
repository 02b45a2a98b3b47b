// RiderParams' range check on its own: the session reader (and the fuzz build, which has no
// search code) checks rider settings without linking the rider-reach search.
#include "engine/coverage/rider_reach.hpp"
#include "engine/util/param_range.hpp"

namespace yz {

void RiderParams::validate() const {
  check_param("ride_min", minutes, kMinutes);
  check_param("ride_kmh", speed_kmh, kSpeedKmh);
  check_param("park_walk_m", park_walk_m, kParkWalkM);
}

}  // namespace yz
