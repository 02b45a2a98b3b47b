#include "cli/rider_options.hpp"

#include <fmt/format.h>

namespace yz::cli {

void RiderOptions::add(CLI::App& app, bool with_flag) {
  if (with_flag)
    opts_.push_back(
        app.add_flag("--rider", flag,
                     "Also run the rider-reach test (骑行可达): ride, then park and walk "
                     "(its own figures, never part of double 15)"));
  opts_.push_back(
      app.add_option("--ride-min", params.minutes, "Rider reach: riding time budget in minutes")
          ->capture_default_str());
  opts_.push_back(
      app.add_option("--ride-kmh", params.speed_kmh, "Rider reach: riding speed in km/h")
          ->capture_default_str());
  opts_.push_back(app.add_option("--park-walk-m", params.park_walk_m,
                                 "Rider reach: walk in metres from where the rider parks to the "
                                 "station")
                      ->capture_default_str());
  opts_.push_back(app.add_option("--rider-demand", params.demand,
                                 "Rider reach: demand components it applies to (comma-separated "
                                 "columns of a `yizhan demand` file, or 'all')")
                      ->capture_default_str());
}

bool RiderOptions::wanted() const {
  for (const CLI::Option* o : opts_)
    if (o->count() > 0) return true;
  return false;
}

RideNetwork RiderOptions::ride_network(const MapOptions& map, const CityNetwork& city,
                                       const Progress& progress) {
  const RideProfile prof =
      map.ride_profile.empty() ? RideProfile::load_default() : RideProfile::load(map.ride_profile);
  return build_ride_network(city.lines, prof, progress);
}

std::string rider_note(const RiderParams& p, const std::string& demand_note) {
  std::string s = fmt::format(
      "criterion rider: the rider-reach test (骑行可达, not double 15): ride up to {:g} min at "
      "{:g} "
      "km/h on the riding network, then walk up to {:g} m; counts demand components: {}",
      p.minutes, p.speed_kmh, p.park_walk_m, p.demand);
  if (!demand_note.empty()) s += " (" + demand_note + ")";
  return s;
}

}  // namespace yz::cli
