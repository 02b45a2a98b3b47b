#include "engine/siting/plan_value.hpp"

#include <algorithm>

#include "engine/siting/capacity_flow.hpp"

namespace yz::siting {

std::vector<uint8_t> cover_counts(const Problem& p, const std::vector<uint32_t>& open) {
  std::vector<uint8_t> c(p.demand_weight.size(), 0);
  for (uint32_t s : open)
    for (uint32_t d : p.sites[s].covers)
      if (c[d] < 255) ++c[d];
  return c;
}

CoverageSummary coverage_summary(const Problem& p, const std::vector<uint32_t>& open) {
  CoverageSummary s;
  const auto c = cover_counts(p, open);
  for (size_t d = 0; d < c.size(); ++d) {
    s.total += p.demand_weight[d];
    if (c[d] >= 1) s.covered += p.demand_weight[d];
    if (c[d] >= 2) s.covered_twice += p.demand_weight[d];
  }
  if (p.capacitated()) s.covered = capacitated_cover(p, open);
  return s;
}

Score plan_value(const Problem& p, const std::vector<uint32_t>& open) {
  if (p.capacitated()) return {capacitated_cover(p, open), 0};
  const ValueModel v = ValueModel::of(p.options.objective);
  const auto c = cover_counts(p, open);
  Score s;
  for (size_t d = 0; d < c.size(); ++d) s += v.at(c[d]) * p.demand_weight[d];
  return s;
}

std::vector<uint32_t> with_fixed(const Problem& p, const std::vector<uint32_t>& chosen) {
  std::vector<uint32_t> out;
  for (uint32_t j = 0; j < p.sites.size(); ++j)
    if (p.sites[j].fixed) out.push_back(j);
  for (uint32_t j : chosen)
    if (!p.sites[j].fixed) out.push_back(j);
  return out;
}

}  // namespace yz::siting
