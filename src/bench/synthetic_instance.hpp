#pragma once
// A deterministic synthetic city for tests and benchmarks: workers clustered around centres on
// a uniform background, candidate hosts spread the same way (co-built hosts cheap, kiosks dear),
// existing stations among them, coverage by straight-line radius.
#include <cstdint>

#include "engine/siting/siting_problem.hpp"

namespace yz::siting {

struct SyntheticSpec {
  uint32_t demand = 100000;
  uint32_t candidates = 5000;
  uint32_t existing = 100;
  double side_m = 30000;   // square city
  double radius_m = 1000;  // coverage radius
  uint32_t clusters = 40;  // dense centres
  uint32_t seed = 1;
};

Problem synthetic_instance(const SyntheticSpec& spec);

}  // namespace yz::siting
