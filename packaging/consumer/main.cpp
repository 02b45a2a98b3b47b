// Runs the demo city's coverage through the installed engine library and prints it as JSON (the
// same figures `yizhan demo --json` prints).
#include <iostream>

#include "engine/coverage/coverage_report.hpp"
#include "engine/coverage/coverage_study.hpp"
#include "engine/inputs/demo_city.hpp"
#include "engine/network/city_network.hpp"

int main() {
  yz::DemoCity demo = yz::generate_demo_city(yz::DemoCitySettings::load_default());
  yz::CityNetwork city = yz::city_from_lines(std::move(demo.lines));
  yz::CoverageStudy st = yz::run_coverage(city, std::move(demo.stations), std::move(demo.demand),
                                          false, yz::CoverageParams{});
  std::cout << yz::coverage_json(st, {}).dump(2) << "\n";
}
