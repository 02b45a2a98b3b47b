#include "engine/siting/capacity_search.hpp"

#include <algorithm>
#include <cmath>

#include "engine/siting/capacity_flow.hpp"

namespace yz::siting {

CapacitySearchStats capacity_local_search(const Reduced& r, const Limits& lim,
                                          std::vector<uint32_t>& plan, const Progress& progress,
                                          uint64_t work_limit) {
  CapacitySearchStats stats;
  const uint32_t ns = r.sites();
  std::vector<uint8_t> open(ns, 0);
  for (uint32_t j = 0; j < ns; ++j) open[j] = r.fixed[j];
  for (uint32_t j : plan) open[j] = 1;
  ReducedFlow flow = reduced_flow(r, open);
  stats.value = flow.value;
  if (lim.goal == Goal::min_for_target) return stats;

  std::vector<double> cap(ns);
  for (uint32_t j = 0; j < ns; ++j) {
    cap[j] = r.capacity[j];
    if (!std::isfinite(cap[j])) {
      double c = 0;
      for (const uint32_t* g = r.cov_begin(j); g != r.cov_end(j); ++g) c += r.weight[*g];
      cap[j] = c;
    }
  }
  std::vector<uint32_t> clash(ns, 0);
  auto recount = [&] {
    std::fill(clash.begin(), clash.end(), 0);
    for (uint32_t j = 0; j < ns; ++j)
      if (open[j])
        for (const uint32_t* c = r.conf_begin(j); c != r.conf_end(j); ++c) ++clash[*c];
  };
  recount();
  std::vector<double> freed(ns, 0);  // per open site: what it serves inside a's reach
  std::vector<uint32_t> touched;
  for (;;) {
    ++stats.passes;
    progress.throw_if_cancelled();
    double cost = 0;
    uint32_t count = 0;
    std::vector<uint32_t> news;
    for (uint32_t j = 0; j < ns; ++j)
      if (open[j] && !r.fixed[j]) cost += r.cost[j], ++count, news.push_back(j);
    // Best move: (gain estimate, in, out); out = kNone for a pure add.
    double best = lim.eps;
    uint32_t best_in = kNone, best_out = kNone;
    for (uint32_t a = 0; a < ns; ++a) {
      if (open[a] || clash[a] > 1) continue;
      if ((a & 255) == 0) progress.throw_if_cancelled();
      double left = 0;
      touched.clear();
      for (const uint32_t* g = r.cov_begin(a); g != r.cov_end(a); ++g) {
        left += flow.residual[*g];
        for (uint32_t t = flow.first[*g]; t < flow.first[*g + 1]; ++t) {
          const auto [j, f] = flow.alloc[t];
          if (freed[j] == 0) touched.push_back(j);
          freed[j] += f;
        }
      }
      stats.work += 2 * (r.cov_first[a + 1] - r.cov_first[a]) + news.size() + 1;
      const bool room =
          (lim.goal == Goal::max_cover_k && count < lim.k) ||
          (lim.goal == Goal::max_cover_budget && cost + r.cost[a] <= lim.budget + 1e-9);
      if (room && clash[a] == 0) {
        const double g = std::min(cap[a], left);
        if (g > best) best = g, best_in = a, best_out = kNone;
      }
      for (uint32_t out : news) {
        if (clash[a] == 1 && !r.conflicts(a, out)) continue;
        if (lim.goal == Goal::max_cover_budget &&
            cost - r.cost[out] + r.cost[a] > lim.budget + 1e-9)
          continue;
        if (lim.goal == Goal::max_cover_k && count > lim.k) continue;
        const double g = std::min(cap[a], left + freed[out]) - flow.served[out];
        if (g > best) best = g, best_in = a, best_out = out;
      }
      for (uint32_t j : touched) freed[j] = 0;
      if (stats.work > work_limit) break;
    }
    if (best_in == kNone) break;
    if (best_out != kNone) open[best_out] = 0;
    open[best_in] = 1;
    ReducedFlow next = reduced_flow(r, open);
    if (next.value <= flow.value + lim.eps) {  // cannot happen (the estimate is a lower bound)
      open[best_in] = 0;
      if (best_out != kNone) open[best_out] = 1;
      break;
    }
    flow = std::move(next);
    recount();
    ++stats.moves;
    stats.work += r.inv.size();
    progress(std::min(1.0, 0.1 * stats.moves), "capacity search");
    if (stats.work > work_limit) break;
  }
  stats.value = flow.value;
  // Keep the plan's order: sites kept stay where they were, new ones go last.
  std::vector<uint32_t> next;
  for (uint32_t j : plan)
    if (open[j]) next.push_back(j);
  for (uint32_t j = 0; j < ns; ++j)
    if (open[j] && !r.fixed[j] && std::find(plan.begin(), plan.end(), j) == plan.end())
      next.push_back(j);
  plan.swap(next);
  return stats;
}

}  // namespace yz::siting
