#include "engine/siting/station_review.hpp"

#include <algorithm>
#include <bit>

#include "engine/siting/plan_value.hpp"

namespace yz::siting {

std::vector<RemovalCost> removal_costs(const Problem& p, const std::vector<uint32_t>& extra_open) {
  const std::vector<uint8_t> c = cover_counts(p, with_fixed(p, extra_open));
  std::vector<RemovalCost> out;
  for (uint32_t j = 0; j < p.sites.size(); ++j) {
    if (!p.sites[j].fixed) continue;
    RemovalCost r;
    r.site = j;
    for (uint32_t d : p.sites[j].covers) {
      const double w = p.demand_weight[d];
      r.covers += w;
      if (c[d] == 1) r.lost += w;
      if (c[d] == 2) r.lost_twice += w;
    }
    out.push_back(r);
  }
  std::sort(out.begin(), out.end(), [](const RemovalCost& a, const RemovalCost& b) {
    if (a.lost != b.lost) return a.lost < b.lost;
    if (a.lost_twice != b.lost_twice) return a.lost_twice < b.lost_twice;
    return a.site < b.site;
  });
  return out;
}

std::vector<UpgradePriority> upgrade_priority(const Problem& p,
                                              const std::vector<uint32_t>& amenities,
                                              uint32_t wanted) {
  const std::vector<uint8_t> c = cover_counts(p, with_fixed(p, {}));
  std::vector<UpgradePriority> out;
  for (uint32_t j = 0; j < p.sites.size(); ++j) {
    if (!p.sites[j].fixed) continue;
    UpgradePriority u;
    u.site = j;
    for (uint32_t d : p.sites[j].covers) u.served += p.demand_weight[d] / c[d];
    const uint32_t have = j < amenities.size() ? amenities[j] : 0;
    u.missing = static_cast<uint32_t>(std::popcount(wanted & ~have));
    u.priority = u.served * u.missing;
    out.push_back(u);
  }
  std::sort(out.begin(), out.end(), [](const UpgradePriority& a, const UpgradePriority& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.site < b.site;
  });
  return out;
}

}  // namespace yz::siting
