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
                                              uint32_t wanted,
                                              const std::vector<uint32_t>& extra_open) {
  const std::vector<uint8_t> c = cover_counts(p, with_fixed(p, extra_open));
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

std::vector<Relocation> relocation_moves(const Problem& p,
                                         const std::vector<uint32_t>& extra_open) {
  const uint32_t ns = static_cast<uint32_t>(p.sites.size());
  const uint32_t nd = static_cast<uint32_t>(p.demand_weight.size());
  const ValueModel v = ValueModel::of(p.options.objective);
  const std::vector<uint32_t> open = with_fixed(p, extra_open);
  std::vector<uint8_t> is_open(ns, 0);
  for (uint32_t j : open) is_open[j] = 1;
  std::vector<uint8_t> c = cover_counts(p, open);
  // Candidates that could be built: not open. Their cover lists, inverted (demand -> candidates).
  std::vector<uint32_t> cand;
  for (uint32_t j = 0; j < ns; ++j)
    if (!p.sites[j].fixed && !is_open[j]) cand.push_back(j);
  std::vector<uint32_t> first(nd + 1, 0), inv;
  for (uint32_t t = 0; t < cand.size(); ++t)
    for (uint32_t d : p.sites[cand[t]].covers) ++first[d + 1];
  for (uint32_t d = 0; d < nd; ++d) first[d + 1] += first[d];
  inv.resize(first[nd]);
  {
    std::vector<uint32_t> pos(first.begin(), first.end() - 1);
    for (uint32_t t = 0; t < cand.size(); ++t)
      for (uint32_t d : p.sites[cand[t]].covers) inv[pos[d]++] = t;
  }
  const auto step = [&](unsigned k) { return v.step(k).p; };  // value of going from k to k+1
  // Gain of each candidate against the plan as it is.
  std::vector<double> gain(cand.size(), 0);
  for (uint32_t t = 0; t < cand.size(); ++t)
    for (uint32_t d : p.sites[cand[t]].covers) gain[t] += step(c[d]) * p.demand_weight[d];
  // Spacing: open sites each candidate clashes with.
  const auto pairs = conflict_pairs(p);
  std::vector<std::vector<uint32_t>> adj(ns);
  for (auto [a, b] : pairs) adj[a].push_back(b), adj[b].push_back(a);
  std::vector<uint32_t> clash(cand.size(), 0);
  for (uint32_t t = 0; t < cand.size(); ++t)
    for (uint32_t o : adj[cand[t]]) clash[t] += is_open[o];
  std::vector<double> delta(cand.size(), 0);
  std::vector<uint32_t> touched;
  std::vector<Relocation> out;
  for (uint32_t s = 0; s < ns; ++s) {
    if (!p.sites[s].fixed) continue;
    Relocation m;
    m.site = s;
    m.candidate = kNoSite;
    touched.clear();
    for (uint32_t d : p.sites[s].covers) {
      const double w = p.demand_weight[d];
      if (c[d] == 0) continue;
      m.lost += step(c[d] - 1u) * w;
      // With s gone, demand d is one covering short: each candidate reaching it gains the
      // difference between the steps.
      const double change = (step(c[d] - 1u) - step(c[d])) * w;
      if (change == 0) continue;
      for (uint32_t i = first[d]; i < first[d + 1]; ++i) {
        const uint32_t t = inv[i];
        if (delta[t] == 0) touched.push_back(t);
        delta[t] += change;
      }
    }
    double best = 0;
    for (uint32_t t = 0; t < cand.size(); ++t) {
      uint32_t cl = clash[t];
      if (cl > 0)
        for (uint32_t o : adj[cand[t]]) cl -= (o == s) ? 1 : 0;
      if (cl > 0) continue;
      const double g = gain[t] + delta[t];
      if (g > best + 1e-12) best = g, m.candidate = cand[t];
    }
    for (uint32_t t : touched) delta[t] = 0;
    m.gained = m.candidate == kNoSite ? 0 : best;
    out.push_back(m);
  }
  std::sort(out.begin(), out.end(), [](const Relocation& a, const Relocation& b) {
    if (a.net() != b.net()) return a.net() > b.net();
    return a.site < b.site;
  });
  return out;
}

std::vector<uint32_t> site_amenities(const PointSet& sites) {
  std::vector<uint32_t> a(sites.size(), 0);
  for (size_t i = 0; i < sites.size() && i < sites.info.size(); ++i) a[i] = sites.info[i].amenities;
  return a;
}

StationReview review_stations(const Problem& p, const PointSet& sites, uint32_t wanted,
                              const std::vector<uint32_t>& extra_open) {
  StationReview r;
  r.wanted = wanted;
  r.removal = removal_costs(p, extra_open);
  r.upgrade = upgrade_priority(p, site_amenities(sites), wanted, extra_open);
  bool any_candidate = false;
  std::vector<uint8_t> in_plan(p.sites.size(), 0);
  for (uint32_t j : extra_open) in_plan[j] = 1;
  for (uint32_t j = 0; j < p.sites.size(); ++j) any_candidate |= !p.sites[j].fixed && !in_plan[j];
  if (any_candidate) r.relocation = relocation_moves(p, extra_open);
  return r;
}

}  // namespace yz::siting
