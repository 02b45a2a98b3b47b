#include "engine/siting/presolve.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace yz::siting {

bool Reduced::conflicts(uint32_t a, uint32_t b) const {
  return std::binary_search(conf_begin(a), conf_end(a), b);
}

namespace {

struct VecHash {
  size_t operator()(const std::vector<uint32_t>& v) const {
    uint64_t h = 1469598103934665603ull;
    for (uint32_t x : v) h = (h ^ x) * 1099511628211ull;
    return static_cast<size_t>(h ^ (h >> 29));
  }
};

// a ⊆ b for sorted ranges.
bool subset(const uint32_t* a0, const uint32_t* a1, const uint32_t* b0, const uint32_t* b1) {
  if (a1 - a0 > b1 - b0) return false;
  while (a0 != a1) {
    while (b0 != b1 && *b0 < *a0) ++b0;
    if (b0 == b1 || *b0 != *a0) return false;
    ++a0;
    ++b0;
  }
  return true;
}

// Sites kept so far (original ids, ascending) -> groups, cover CSR and inverse CSR in `r`.
void build_groups(const Problem& p, const std::vector<uint32_t>& kept,
                  const std::vector<uint8_t>& base, Reduced& r) {
  const uint32_t n = static_cast<uint32_t>(p.demand_weight.size());
  const ValueModel& v = r.value;
  // Transpose: demand -> kept sites (in kept order, so sorted by reduced index).
  std::vector<uint32_t> first(n + 1, 0);
  for (uint32_t s : kept)
    for (uint32_t d : p.sites[s].covers) ++first[d + 1];
  for (uint32_t d = 0; d < n; ++d) first[d + 1] += first[d];
  std::vector<uint32_t> lists(first[n]);
  {
    std::vector<uint32_t> pos(first.begin(), first.end() - 1);
    for (uint32_t j = 0; j < kept.size(); ++j)
      for (uint32_t d : p.sites[kept[j]].covers) lists[pos[d]++] = j;
  }
  r.weight.clear();
  r.base.clear();
  r.demand_group.assign(n, kNone);
  std::unordered_map<std::vector<uint32_t>, uint32_t, VecHash> index;
  std::vector<uint32_t> key;
  std::vector<uint32_t> group_first_site;  // a representative demand id per group
  for (uint32_t d = 0; d < n; ++d) {
    if (first[d] == first[d + 1] || p.demand_weight[d] <= 0) continue;
    Score more = v.step(base[d]) + v.step(base[d] + 1u);
    if (more.p == 0 && more.s == 0) continue;  // already saturated by existing stations
    key.assign(1, base[d]);
    key.insert(key.end(), lists.begin() + first[d], lists.begin() + first[d + 1]);
    auto [it, inserted] = index.try_emplace(key, static_cast<uint32_t>(r.weight.size()));
    if (inserted) {
      r.weight.push_back(0);
      r.base.push_back(base[d]);
      group_first_site.push_back(d);
    }
    r.weight[it->second] += p.demand_weight[d];
    r.demand_group[d] = it->second;
  }
  const uint32_t m = static_cast<uint32_t>(kept.size());
  const uint32_t ng = static_cast<uint32_t>(r.weight.size());
  // Inverse CSR from each group's representative demand point.
  r.inv_first.assign(ng + 1, 0);
  for (uint32_t g = 0; g < ng; ++g) {
    uint32_t d = group_first_site[g];
    r.inv_first[g + 1] = r.inv_first[g] + (first[d + 1] - first[d]);
  }
  r.inv.resize(r.inv_first[ng]);
  for (uint32_t g = 0; g < ng; ++g) {
    uint32_t d = group_first_site[g];
    std::copy(lists.begin() + first[d], lists.begin() + first[d + 1],
              r.inv.begin() + r.inv_first[g]);
  }
  // Cover CSR (groups ascending per site, since groups are scanned in order).
  r.cov_first.assign(m + 1, 0);
  for (uint32_t j : r.inv) ++r.cov_first[j + 1];
  for (uint32_t j = 0; j < m; ++j) r.cov_first[j + 1] += r.cov_first[j];
  r.cov.resize(r.cov_first[m]);
  std::vector<uint32_t> pos(r.cov_first.begin(), r.cov_first.end() - 1);
  for (uint32_t g = 0; g < ng; ++g)
    for (uint32_t t = r.inv_first[g]; t < r.inv_first[g + 1]; ++t) r.cov[pos[r.inv[t]]++] = g;
}

}  // namespace

Reduced presolve(const Problem& p, const std::vector<std::pair<uint32_t, uint32_t>>& conflicts) {
  Reduced r;
  r.value = ValueModel::of(p.options.objective);
  r.capacitated = p.capacitated();
  r.total_weight = p.total_weight();
  const uint32_t n = static_cast<uint32_t>(p.demand_weight.size());
  const uint32_t ns = static_cast<uint32_t>(p.sites.size());

  // Candidates next to an existing station can never open.
  std::vector<uint8_t> alive(ns, 1);
  for (auto [a, b] : conflicts) {
    if (p.sites[a].fixed && !p.sites[b].fixed && alive[b]) alive[b] = 0, ++r.dropped_conflicting;
    if (p.sites[b].fixed && !p.sites[a].fixed && alive[a]) alive[a] = 0, ++r.dropped_conflicting;
  }
  // Existing stations fold into a base count per demand point, except with capacities where
  // they must stay in the flow model as always-open sites.
  std::vector<uint8_t> base(n, 0);
  if (!r.capacitated)
    for (const Site& s : p.sites)
      if (s.fixed)
        for (uint32_t d : s.covers) base[d] = static_cast<uint8_t>(std::min(2, base[d] + 1));
  r.constant = {};
  for (uint32_t d = 0; d < n; ++d) r.constant += r.value.at(base[d]) * p.demand_weight[d];

  std::vector<uint32_t> kept;
  for (uint32_t s = 0; s < ns; ++s)
    if (alive[s] && (r.capacitated || !p.sites[s].fixed)) kept.push_back(s);

  auto conflict_lists = [&](const std::vector<uint32_t>& ks, std::vector<uint32_t>& cf,
                            std::vector<uint32_t>& cl) {
    std::vector<uint32_t> to(ns, kNone);
    for (uint32_t j = 0; j < ks.size(); ++j) to[ks[j]] = j;
    const uint32_t m = static_cast<uint32_t>(ks.size());
    std::vector<std::pair<uint32_t, uint32_t>> arcs;
    for (auto [a, b] : conflicts)
      if (to[a] != kNone && to[b] != kNone) {
        arcs.emplace_back(to[a], to[b]);
        arcs.emplace_back(to[b], to[a]);
      }
    std::sort(arcs.begin(), arcs.end());
    arcs.erase(std::unique(arcs.begin(), arcs.end()), arcs.end());
    cf.assign(m + 1, 0);
    for (auto [a, b] : arcs) ++cf[a + 1];
    for (uint32_t j = 0; j < m; ++j) cf[j + 1] += cf[j];
    cl.resize(arcs.size());
    for (size_t t = 0; t < arcs.size(); ++t) cl[t] = arcs[t].second;
  };

  build_groups(p, kept, base, r);
  {
    // Candidates that add nothing.
    std::vector<uint32_t> next;
    for (uint32_t j = 0; j < kept.size(); ++j) {
      bool fixed = p.sites[kept[j]].fixed;
      if (fixed || r.cov_first[j + 1] > r.cov_first[j])
        next.push_back(kept[j]);
      else
        ++r.dropped_empty;
    }
    if (next.size() != kept.size()) {
      kept.swap(next);
      build_groups(p, kept, base, r);
    }
  }
  // Dominance is only safe when a second covering is worth nothing and capacity plays no part:
  // then a dominated candidate is either redundant next to its dominator or can be swapped for it.
  if (!r.value.uses_double() && !r.capacitated) {
    std::vector<uint32_t> cf, cl;
    conflict_lists(kept, cf, cl);
    const uint32_t m = static_cast<uint32_t>(kept.size());
    std::vector<uint8_t> dominated(m, 0);
    for (uint32_t j = 0; j < m; ++j) {
      // The rarest group j covers: only sites covering it can dominate j.
      uint32_t best = kNone, best_deg = kNone;
      for (uint32_t t = r.cov_first[j]; t < r.cov_first[j + 1]; ++t) {
        uint32_t g = r.cov[t], deg = r.inv_first[g + 1] - r.inv_first[g];
        if (deg < best_deg) best = g, best_deg = deg;
      }
      if (best == kNone) continue;
      const double cj = p.sites[kept[j]].cost;
      for (uint32_t t = r.inv_first[best]; t < r.inv_first[best + 1]; ++t) {
        uint32_t l = r.inv[t];
        if (l == j || dominated[l]) continue;
        const double cl_cost = p.sites[kept[l]].cost;
        if (cl_cost > cj) continue;
        const uint32_t sj = r.cov_first[j + 1] - r.cov_first[j];
        const uint32_t sl = r.cov_first[l + 1] - r.cov_first[l];
        // Equal in every respect: the lower index stays (a strict order, so no cycles).
        bool strict = sl > sj || cl_cost < cj;
        if (!strict && l > j) continue;
        if (!subset(r.cov.data() + r.cov_first[j], r.cov.data() + r.cov_first[j + 1],
                    r.cov.data() + r.cov_first[l], r.cov.data() + r.cov_first[l + 1]))
          continue;
        // conflicts(l) \ {j} ⊆ conflicts(j): swapping j for l never creates a clash.
        bool ok = true;
        for (uint32_t u = cf[l]; u < cf[l + 1] && ok; ++u) {
          uint32_t c = cl[u];
          if (c == j) continue;
          ok = std::binary_search(cl.begin() + cf[j], cl.begin() + cf[j + 1], c);
        }
        if (!ok) continue;
        dominated[j] = 1;
        break;
      }
    }
    std::vector<uint32_t> next;
    for (uint32_t j = 0; j < m; ++j) {
      if (dominated[j])
        ++r.dropped_dominated;
      else
        next.push_back(kept[j]);
    }
    if (next.size() != kept.size()) {
      kept.swap(next);
      build_groups(p, kept, base, r);
    }
  }
  const uint32_t m = static_cast<uint32_t>(kept.size());
  r.site_orig = kept;
  r.orig_site.assign(ns, kNone);
  r.fixed.resize(m);
  r.cost.resize(m);
  r.capacity.resize(m);
  for (uint32_t j = 0; j < m; ++j) {
    const Site& s = p.sites[kept[j]];
    r.orig_site[kept[j]] = j;
    r.fixed[j] = s.fixed ? 1 : 0;
    r.cost[j] = s.fixed ? 0 : s.cost;
    r.capacity[j] = s.capacity;
  }
  conflict_lists(kept, r.conf_first, r.conf);
  return r;
}

Reduced restrict_sites(const Reduced& r, const std::vector<uint8_t>& keep) {
  Reduced o;
  o.value = r.value;
  o.capacitated = r.capacitated;
  o.total_weight = r.total_weight;
  o.constant = r.constant;
  o.dropped_conflicting = r.dropped_conflicting;
  o.dropped_empty = r.dropped_empty;
  o.dropped_dominated = r.dropped_dominated;
  std::vector<uint32_t> smap(r.sites(), kNone), gmap(r.groups(), kNone);
  for (uint32_t j = 0; j < r.sites(); ++j)
    if (keep[j]) {
      smap[j] = o.sites();
      o.site_orig.push_back(r.site_orig[j]);
      o.fixed.push_back(r.fixed[j]);
      o.cost.push_back(r.cost[j]);
      o.capacity.push_back(r.capacity[j]);
    }
  o.inv_first.assign(1, 0);
  for (uint32_t g = 0; g < r.groups(); ++g) {
    const size_t before = o.inv.size();
    for (const uint32_t* j = r.inv_begin(g); j != r.inv_end(g); ++j)
      if (smap[*j] != kNone) o.inv.push_back(smap[*j]);
    if (o.inv.size() == before) continue;
    gmap[g] = o.groups();
    o.weight.push_back(r.weight[g]);
    o.base.push_back(r.base[g]);
    o.inv_first.push_back(static_cast<uint32_t>(o.inv.size()));
  }
  o.cov_first.assign(1, 0);
  o.conf_first.assign(1, 0);
  for (uint32_t j = 0; j < r.sites(); ++j) {
    if (smap[j] == kNone) continue;
    for (const uint32_t* g = r.cov_begin(j); g != r.cov_end(j); ++g) o.cov.push_back(gmap[*g]);
    o.cov_first.push_back(static_cast<uint32_t>(o.cov.size()));
    for (const uint32_t* c = r.conf_begin(j); c != r.conf_end(j); ++c)
      if (smap[*c] != kNone) o.conf.push_back(smap[*c]);
    o.conf_first.push_back(static_cast<uint32_t>(o.conf.size()));
  }
  o.demand_group.assign(r.demand_group.size(), kNone);
  for (size_t d = 0; d < r.demand_group.size(); ++d)
    if (r.demand_group[d] != kNone) o.demand_group[d] = gmap[r.demand_group[d]];
  o.orig_site.assign(r.orig_site.size(), kNone);
  for (uint32_t j = 0; j < o.sites(); ++j) o.orig_site[o.site_orig[j]] = j;
  return o;
}

Reduced plain_reduction(const Problem& p,
                        const std::vector<std::pair<uint32_t, uint32_t>>& conflicts) {
  Reduced r;
  r.value = ValueModel::of(p.options.objective);
  r.capacitated = p.capacitated();
  r.total_weight = p.total_weight();
  const uint32_t n = static_cast<uint32_t>(p.demand_weight.size());
  const uint32_t ns = static_cast<uint32_t>(p.sites.size());
  r.demand_group.assign(n, kNone);
  std::vector<uint32_t> deg(n, 0);
  for (const Site& s : p.sites)
    for (uint32_t d : s.covers) ++deg[d];
  for (uint32_t d = 0; d < n; ++d)
    if (deg[d] > 0) {
      r.demand_group[d] = static_cast<uint32_t>(r.weight.size());
      r.weight.push_back(p.demand_weight[d]);
      r.base.push_back(0);
    }
  const uint32_t ng = r.groups();
  r.site_orig.resize(ns);
  r.orig_site.resize(ns);
  r.fixed.resize(ns);
  r.cost.resize(ns);
  r.capacity.resize(ns);
  r.cov_first.assign(1, 0);
  for (uint32_t j = 0; j < ns; ++j) {
    const Site& s = p.sites[j];
    r.site_orig[j] = r.orig_site[j] = j;
    r.fixed[j] = s.fixed ? 1 : 0;
    r.cost[j] = s.fixed ? 0 : s.cost;
    r.capacity[j] = s.capacity;
    for (uint32_t d : s.covers) r.cov.push_back(r.demand_group[d]);
    r.cov_first.push_back(static_cast<uint32_t>(r.cov.size()));
  }
  r.inv_first.assign(ng + 1, 0);
  for (uint32_t g : r.cov) ++r.inv_first[g + 1];
  for (uint32_t g = 0; g < ng; ++g) r.inv_first[g + 1] += r.inv_first[g];
  r.inv.resize(r.cov.size());
  std::vector<uint32_t> pos(r.inv_first.begin(), r.inv_first.end() - 1);
  for (uint32_t j = 0; j < ns; ++j)
    for (uint32_t t = r.cov_first[j]; t < r.cov_first[j + 1]; ++t) r.inv[pos[r.cov[t]]++] = j;
  std::vector<std::pair<uint32_t, uint32_t>> arcs;
  for (auto [a, b] : conflicts) arcs.emplace_back(a, b), arcs.emplace_back(b, a);
  std::sort(arcs.begin(), arcs.end());
  r.conf_first.assign(ns + 1, 0);
  for (auto [a, b] : arcs) ++r.conf_first[a + 1];
  for (uint32_t j = 0; j < ns; ++j) r.conf_first[j + 1] += r.conf_first[j];
  for (auto [a, b] : arcs) r.conf.push_back(b);
  return r;
}

}  // namespace yz::siting
