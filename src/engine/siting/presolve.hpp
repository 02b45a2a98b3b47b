#pragma once
// Presolve: the smaller problem the solvers work on. Demand already covered by existing stations
// becomes a constant (or a base count toward double coverage), demand points with the same
// covering candidates merge into one weighted group, candidates that clash with an existing
// station or cover nothing are dropped, and, for single coverage without capacities, candidates
// dominated by another (covers at least as much, costs no more, clashes with no more) go too.
#include <cstdint>
#include <vector>

#include "engine/siting/score.hpp"
#include "engine/siting/siting_problem.hpp"

namespace yz::siting {

inline constexpr uint32_t kNone = 0xffffffffu;

struct Reduced {
  ValueModel value;
  // Demand groups.
  std::vector<double> weight;
  std::vector<uint8_t> base;  // times already covered by existing stations (0..1 kept)
  // Sites (candidates; in capacity mode the existing stations too, flagged fixed).
  std::vector<uint32_t> site_orig;  // reduced site -> original site id
  std::vector<uint8_t> fixed;
  std::vector<double> cost, capacity;
  std::vector<uint32_t> cov_first, cov;    // site -> sorted groups (CSR)
  std::vector<uint32_t> inv_first, inv;    // group -> sorted sites (CSR)
  std::vector<uint32_t> conf_first, conf;  // site -> sorted conflicting sites (CSR)
  // Worth of all demand at its base coverage: the answer is constant + gains over groups.
  Score constant;
  double total_weight = 0;             // all demand, covered or not
  std::vector<uint32_t> demand_group;  // original demand id -> group, or kNone
  std::vector<uint32_t> orig_site;     // original site id -> reduced site, or kNone
  // Statistics for the report.
  uint32_t dropped_conflicting = 0, dropped_empty = 0, dropped_dominated = 0;

  uint32_t groups() const { return static_cast<uint32_t>(weight.size()); }
  uint32_t sites() const { return static_cast<uint32_t>(site_orig.size()); }
  const uint32_t* cov_begin(uint32_t j) const { return cov.data() + cov_first[j]; }
  const uint32_t* cov_end(uint32_t j) const { return cov.data() + cov_first[j + 1]; }
  const uint32_t* inv_begin(uint32_t g) const { return inv.data() + inv_first[g]; }
  const uint32_t* inv_end(uint32_t g) const { return inv.data() + inv_first[g + 1]; }
  const uint32_t* conf_begin(uint32_t j) const { return conf.data() + conf_first[j]; }
  const uint32_t* conf_end(uint32_t j) const { return conf.data() + conf_first[j + 1]; }
  bool conflicts(uint32_t a, uint32_t b) const;
  bool capacitated = false;
};

// conflicts: conflict_pairs(p) (passed in so it is computed once).
Reduced presolve(const Problem& p, const std::vector<std::pair<uint32_t, uint32_t>>& conflicts);

// The same problem with only the sites where keep[j] is set (groups no kept site covers go).
// Site ids stay original, so plans map back through site_orig / orig_site.
Reduced restrict_sites(const Reduced& r, const std::vector<uint8_t>& keep);

// No presolve at all: one group per demand point that some site covers, every site kept (the
// existing ones as always-open sites). The "textbook" model the benchmark compares against.
Reduced plain_reduction(const Problem& p,
                        const std::vector<std::pair<uint32_t, uint32_t>>& conflicts);

}  // namespace yz::siting
