#pragma once
// Worth of a set of open stations on the original (un-presolved) problem: the truth every
// reported number is computed from, so presolve errors cannot hide.
#include <cstdint>
#include <vector>

#include "engine/siting/score.hpp"
#include "engine/siting/siting_problem.hpp"

namespace yz::siting {

struct CoverageSummary {
  double total = 0;          // all workers
  double covered = 0;        // covered by at least one station (capacity-limited when capacitated)
  double covered_twice = 0;  // covered by at least two stations
  double fraction() const { return total > 0 ? covered / total : 0; }
  double fraction_twice() const { return total > 0 ? covered_twice / total : 0; }
};

// open: original site ids (existing stations included by the caller when they count).
std::vector<uint8_t> cover_counts(const Problem& p, const std::vector<uint32_t>& open);
CoverageSummary coverage_summary(const Problem& p, const std::vector<uint32_t>& open);
// Primary and secondary objective (workers) of the open set under the problem's objective;
// with capacities the primary is the max-flow coverage.
Score plan_value(const Problem& p, const std::vector<uint32_t>& open);
// Every existing station plus `chosen` (original ids).
std::vector<uint32_t> with_fixed(const Problem& p, const std::vector<uint32_t>& chosen);

}  // namespace yz::siting
