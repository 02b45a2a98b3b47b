#pragma once
// The rider-reach test's command-line options (--rider, --ride-min, --ride-kmh, --park-walk-m,
// --rider-demand), shared by `coverage` and `suggest`, and running the test on a loaded city.
#include <CLI/CLI.hpp>

#include "cli/cli_common.hpp"
#include "engine/coverage/rider_reach.hpp"
#include "engine/network/ride_graph.hpp"

namespace yz::cli {

struct RiderOptions {
  RiderParams params;
  bool flag = false;
  // `with_flag`: the command has a --rider switch (coverage); giving any rider option turns it on.
  void add(CLI::App& app, bool with_flag = true);
  bool wanted() const;
  void validate() const { params.validate(); }
  // The riding network of a loaded city (rules from --ride-profile or data/riding_profile.json).
  static RideNetwork ride_network(const MapOptions& map, const CityNetwork& city,
                                  const Progress& progress = {});

 private:
  std::vector<CLI::Option*> opts_;
};

// The note `suggest --criterion rider` prints: what the figures count (never double 15).
std::string rider_note(const RiderParams& p, const std::string& demand_note);

}  // namespace yz::cli
