#include "engine/siting/capacity_greedy.hpp"

#include <algorithm>
#include <cmath>
#include <queue>
#include <tuple>

namespace yz::siting {

std::vector<uint32_t> capacity_greedy(const Reduced& r, const Limits& lim,
                                      const Progress& progress) {
  const uint32_t m = r.sites();
  std::vector<double> residual = r.weight;
  std::vector<uint8_t> open(m, 0);
  std::vector<uint32_t> clash(m, 0);
  std::vector<uint32_t> order;
  double value = 0, cost = 0;
  uint32_t count = 0;
  auto cap_of = [&](uint32_t j) {
    if (std::isfinite(r.capacity[j])) return r.capacity[j];
    double c = 0;
    for (const uint32_t* g = r.cov_begin(j); g != r.cov_end(j); ++g) c += r.weight[*g];
    return c;
  };
  auto gain = [&](uint32_t j) {
    double s = 0;
    for (const uint32_t* g = r.cov_begin(j); g != r.cov_end(j); ++g) s += residual[*g];
    return std::min(s, cap_of(j));
  };
  auto take = [&](uint32_t j) {
    // Serve the groups fewest sites can reach first: shared demand stays for the others.
    std::vector<uint32_t> gs(r.cov_begin(j), r.cov_end(j));
    std::stable_sort(gs.begin(), gs.end(), [&](uint32_t a, uint32_t b) {
      return r.inv_first[a + 1] - r.inv_first[a] < r.inv_first[b + 1] - r.inv_first[b];
    });
    double left = cap_of(j);
    for (uint32_t g : gs) {
      if (left <= 0) break;
      double t = std::min(left, residual[g]);
      residual[g] -= t;
      left -= t;
      value += t;
    }
    open[j] = 1;
    order.push_back(j);
    for (const uint32_t* c = r.conf_begin(j); c != r.conf_end(j); ++c) ++clash[*c];
    if (!r.fixed[j]) cost += r.cost[j], ++count;
  };
  for (uint32_t j = 0; j < m; ++j)
    if (r.fixed[j]) take(j);

  const bool by_ratio =
      lim.goal == Goal::max_cover_budget || (lim.goal == Goal::min_for_target && lim.min_cost);
  auto key = [&](uint32_t j) {
    double g = gain(j);
    return by_ratio ? g / std::max(r.cost[j], 1e-9) : g;
  };
  auto allowed = [&](uint32_t j) {
    if (open[j] || clash[j] > 0) return false;
    if (lim.goal == Goal::max_cover_budget && cost + r.cost[j] > lim.budget + 1e-9) return false;
    return true;
  };
  using Entry = std::tuple<double, int64_t, uint32_t>;  // key, -site (lower id first), version
  std::priority_queue<Entry> heap;
  uint32_t version = 0;
  for (uint32_t j = 0; j < m; ++j)
    if (allowed(j)) heap.emplace(key(j), -static_cast<int64_t>(j), version);
  auto done = [&] {
    if (lim.goal == Goal::max_cover_k) return count >= lim.k;
    if (lim.goal == Goal::min_for_target) return lim.target_met(value);
    return false;
  };
  while (!heap.empty() && !done()) {
    auto [k, neg, ver] = heap.top();
    heap.pop();
    const uint32_t j = static_cast<uint32_t>(-neg);
    if (!allowed(j)) continue;
    if (ver != version) {
      heap.emplace(key(j), neg, version);
      continue;
    }
    if (k <= lim.eps) break;
    take(j);
    ++version;
    if ((version & 15) == 0) progress.throw_if_cancelled();
  }
  return order;
}

}  // namespace yz::siting
