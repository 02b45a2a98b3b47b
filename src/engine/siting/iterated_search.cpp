#include "engine/siting/iterated_search.hpp"

#include <algorithm>
#include <random>

#include "engine/siting/lazy_greedy.hpp"
#include "engine/siting/local_search.hpp"

namespace yz::siting {

namespace {

std::vector<uint32_t> new_sites(const CoverState& st) {
  std::vector<uint32_t> v;
  for (uint32_t j : st.open_list())
    if (!st.reduced().fixed[j]) v.push_back(j);
  return v;
}

void reset_to(CoverState& st, const std::vector<uint32_t>& plan) {
  for (uint32_t j : new_sites(st)) st.close(j);
  for (uint32_t j : plan) st.open(j);
}

}  // namespace

IteratedSearchStats iterated_search(CoverState& st, const Limits& lim, const Progress& progress,
                                    uint32_t max_rounds, uint32_t patience, uint64_t work_limit) {
  IteratedSearchStats stats;
  if (lim.goal == Goal::min_for_target) return stats;
  std::mt19937 rng(12345);  // fixed seed: deterministic
  Progress quiet;           // inner searches: cancellable, but their own progress is not shown
  quiet.cancel = progress.cancel;
  std::vector<uint32_t> best = new_sites(st);
  Score best_value = st.value();
  std::vector<uint32_t> candidates, stamp(st.reduced().sites(), 0);
  uint32_t stamp_now = 0;
  uint32_t since = 0;
  while (stats.rounds < max_rounds && since < patience && best.size() >= 2 &&
         stats.work < work_limit) {
    progress.throw_if_cancelled();
    ++stats.rounds;
    ++since;
    // Close a random site and the open sites sharing most coverage with it: a local hole the
    // greedy refill and the swaps can fill differently.
    const uint32_t q = std::clamp<uint32_t>(static_cast<uint32_t>(best.size() / 10), 2, 6);
    const uint32_t seed = best[rng() % best.size()];
    std::vector<std::pair<double, uint32_t>> near;
    for (uint32_t j : best) {
      if (j == seed) continue;
      const auto& r = st.reduced();
      double shared = 0;
      // Shared groups by merge of the sorted cover lists.
      const uint32_t *a = r.cov_begin(seed), *ae = r.cov_end(seed), *b = r.cov_begin(j),
                     *be = r.cov_end(j);
      while (a != ae && b != be) {
        if (*a < *b)
          ++a;
        else if (*b < *a)
          ++b;
        else
          shared += r.weight[*a], ++a, ++b;
      }
      near.emplace_back(-shared, j);
    }
    std::sort(near.begin(), near.end());
    st.close(seed);
    for (uint32_t t = 0; t + 1 < q && t < near.size(); ++t) st.close(near[t].second);
    // Then force one random candidate sharing workers with the seed open: without it the refill
    // mostly rebuilds the same plan (on sparse networks nearly always).
    {
      const Reduced& r = st.reduced();
      candidates.clear();
      ++stamp_now;
      for (const uint32_t* g = r.cov_begin(seed); g != r.cov_end(seed); ++g)
        for (const uint32_t* j = r.inv_begin(*g); j != r.inv_end(*g); ++j)
          if (stamp[*j] != stamp_now) {
            stamp[*j] = stamp_now;
            if (*j != seed && !st.is_open(*j) && st.clashes(*j) == 0 &&
                (lim.goal != Goal::max_cover_budget ||
                 st.cost() + r.cost[*j] <= lim.budget + 1e-9) &&
                (lim.goal != Goal::max_cover_k || st.count() < lim.k))
              candidates.push_back(*j);
          }
      if (!candidates.empty()) st.open(candidates[rng() % candidates.size()]);
    }
    lazy_greedy(st, lim, quiet);
    stats.work += local_search(st, lim, quiet, work_limit - stats.work).work;
    if (better(st.value(), best_value, lim.eps)) {
      best = new_sites(st);
      best_value = st.value();
      ++stats.improvements;
      since = 0;
    } else {
      reset_to(st, best);
    }
    progress(std::min(1.0, stats.rounds / static_cast<double>(max_rounds)), "iterated search");
  }
  return stats;
}

}  // namespace yz::siting
