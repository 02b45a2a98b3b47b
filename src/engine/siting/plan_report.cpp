#include "engine/siting/plan_report.hpp"

#include <algorithm>
#include <cmath>

#include "engine/siting/capacity_flow.hpp"

namespace yz::siting {

std::vector<SuggestedSite> describe_plan(
    const Problem& p, const std::vector<uint32_t>& chosen,
    const std::vector<std::pair<uint32_t, uint32_t>>& conflicts) {
  const ValueModel v = ValueModel::of(p.options.objective);
  const bool cap = p.capacitated();
  const auto& W = p.demand_weight;
  std::vector<uint32_t> open = with_fixed(p, chosen);
  std::vector<uint8_t> in_plan(p.sites.size(), 0);
  for (uint32_t j : open) in_plan[j] = 1;
  std::vector<std::vector<uint32_t>> adj(p.sites.size());
  for (auto [a, b] : conflicts) adj[a].push_back(b), adj[b].push_back(a);

  std::vector<SuggestedSite> out;
  std::vector<uint8_t> c = cover_counts(p, open);
  double plan_cost = 0;
  for (uint32_t j : chosen) plan_cost += p.sites[j].cost;
  const double plan_primary = plan_value(p, open).p;
  const double needed = p.options.target * p.total_weight();

  std::vector<double> served;
  if (cap) capacitated_cover(p, open, &served);
  for (size_t i = 0; i < chosen.size(); ++i) {
    const uint32_t j = chosen[i];
    SuggestedSite s;
    s.site = j;
    s.cost = p.sites[j].cost;
    for (uint32_t d : p.sites[j].covers) {
      s.covers += W[d];
      (c[d] == 1 ? s.unique : s.shared) += W[d];
      s.marginal += (v.at(c[d]) - v.at(c[d] - 1u)).p * W[d];
    }
    if (cap) {
      s.served = served[p.fixed_count() + i];
      std::vector<uint32_t> without;
      for (uint32_t o : open)
        if (o != j) without.push_back(o);
      s.marginal = plan_primary - capacitated_cover(p, without);
    }
    out.push_back(s);
  }

  // Build order: repeatedly the site adding most to what is already built.
  {
    std::vector<uint8_t> cnt = cover_counts(p, with_fixed(p, {}));
    std::vector<uint8_t> done(out.size(), 0);
    std::vector<uint32_t> built = with_fixed(p, {});
    double base_cap = cap ? capacitated_cover(p, built) : 0;
    std::vector<SuggestedSite> ranked;
    const double eps = 1e-9 * std::max(1.0, p.total_weight());
    for (uint32_t rank = 1; rank <= out.size(); ++rank) {
      size_t best = out.size();
      Score best_gain;
      for (size_t i = 0; i < out.size(); ++i) {
        if (done[i]) continue;
        Score g;
        if (cap) {
          g = {out[i].served, 0};  // flows per step would cost |plan|^2: order by served
        } else {
          for (uint32_t d : p.sites[out[i].site].covers) g += v.step(cnt[d]) * W[d];
        }
        if (best == out.size() || better(g, best_gain, eps) ||
            (!better(best_gain, g, eps) && out[i].site < out[best].site))
          best = i, best_gain = g;
      }
      done[best] = 1;
      out[best].rank = rank;
      if (cap) {
        built.push_back(out[best].site);
        double now = capacitated_cover(p, built);
        out[best].gain = now - base_cap;
        base_cap = now;
      } else {
        out[best].gain = best_gain.p;
        for (uint32_t d : p.sites[out[best].site].covers)
          if (cnt[d] < 255) ++cnt[d];
      }
      ranked.push_back(out[best]);
    }
    out.swap(ranked);
  }

  // Nearby alternatives.
  const uint32_t want = p.options.alternatives;
  for (SuggestedSite& s : out) {
    if (want == 0) break;
    std::vector<std::pair<double, uint32_t>> near;
    for (uint32_t a = 0; a < p.sites.size(); ++a)
      if (!p.sites[a].fixed && !in_plan[a])
        near.emplace_back(distance(p.sites[a].pos, p.sites[s.site].pos), a);
    const size_t n = std::min<size_t>(want, near.size());
    std::partial_sort(near.begin(), near.begin() + n, near.end());
    for (size_t t = 0; t < n; ++t) {
      const uint32_t a = near[t].second, r = s.site;
      Alternative alt;
      alt.site = a;
      alt.distance_m = near[t].first;
      if (cap) {
        std::vector<uint32_t> swapped;
        for (uint32_t o : open) swapped.push_back(o == r ? a : o);
        alt.objective = capacitated_cover(p, swapped);
      } else {
        double value = plan_primary;
        for (uint32_t d : p.sites[r].covers)
          value -= (v.at(c[d]) - v.at(c[d] - 1u)).p * W[d], --c[d];
        for (uint32_t d : p.sites[a].covers) value += v.step(c[d]).p * W[d];
        for (uint32_t d : p.sites[r].covers) ++c[d];
        alt.objective = value;
      }
      for (uint32_t o : adj[a])
        if (in_plan[o] && o != r) alt.feasible = false;
      if (p.options.goal == Goal::max_cover_budget &&
          plan_cost - p.sites[r].cost + p.sites[a].cost > p.options.budget + 1e-9)
        alt.feasible = false;
      if (p.options.goal == Goal::min_for_target &&
          alt.objective < needed - 1e-9 * std::max(1.0, needed))
        alt.feasible = false;
      s.alternatives.push_back(alt);
    }
  }
  return out;
}

}  // namespace yz::siting
