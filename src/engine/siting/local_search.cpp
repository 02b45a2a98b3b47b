#include "engine/siting/local_search.hpp"

#include <algorithm>

namespace yz::siting {

namespace {

bool positive(Score g, double eps) {
  return g.p > eps || (g.p > -eps && g.s > eps);
}

// Closes open non-fixed sites whose loss keeps the target, dearest (then latest) first.
bool drop_redundant(CoverState& st, const Limits& lim) {
  const Reduced& r = st.reduced();
  std::vector<uint32_t> open;
  for (auto it = st.open_list().rbegin(); it != st.open_list().rend(); ++it)
    if (!r.fixed[*it]) open.push_back(*it);  // latest opened first
  if (lim.min_cost)
    std::stable_sort(open.begin(), open.end(),
                     [&](uint32_t a, uint32_t b) { return r.cost[a] > r.cost[b]; });
  bool changed = false;
  for (uint32_t j : open)
    if (lim.target_met(st.value().p - st.loss(j).p)) {
      st.close(j);
      changed = true;
    }
  return changed;
}

}  // namespace

LocalSearchStats local_search(CoverState& st, const Limits& lim, const Progress& progress,
                              uint64_t work_limit) {
  const Reduced& r = st.reduced();
  LocalSearchStats stats;
  std::vector<Score> corr(r.sites());
  std::vector<Score> loss(r.sites());
  std::vector<uint32_t> open;
  auto refresh = [&] {
    open.clear();
    for (uint32_t j : st.open_list())
      if (!r.fixed[j]) open.push_back(j);
    std::sort(open.begin(), open.end());
    for (uint32_t j : open) loss[j] = st.loss(j);
  };
  const bool target = lim.goal == Goal::min_for_target;
  if (target && drop_redundant(st, lim)) ++stats.moves;

  for (bool improved = true; improved;) {
    improved = false;
    ++stats.passes;
    refresh();
    for (uint32_t a = 0; a < r.sites(); ++a) {
      if ((a & 255) == 0) {
        progress.throw_if_cancelled();
        if (stats.work > work_limit) {
          stats.stopped_by_work = true;
          return stats;
        }
      }
      if (st.is_open(a) || st.clashes(a) > 1) continue;
      stats.work += 2 * (r.cov_first[a + 1] - r.cov_first[a]) + open.size() + 1;
      const Score ga = st.gain(a);
      // Pure add while the k or the budget allows it (monotone objective: never hurts).
      const bool room =
          (lim.goal == Goal::max_cover_k && st.count() < lim.k) ||
          (lim.goal == Goal::max_cover_budget && st.cost() + r.cost[a] <= lim.budget + 1e-9);
      if (room && st.clashes(a) == 0 && positive(ga, lim.eps)) {
        st.open(a);
        ++stats.moves;
        improved = true;
        refresh();
        continue;
      }
      if (open.empty()) continue;
      st.swap_corrections(a, corr);
      uint32_t best = kNone;
      Score best_delta;
      double best_saving = 0;
      for (uint32_t rr : open) {
        if (st.clashes(a) == 1 && !r.conflicts(a, rr)) continue;
        if (lim.goal == Goal::max_cover_budget &&
            st.cost() - r.cost[rr] + r.cost[a] > lim.budget + 1e-9)
          continue;
        const Score delta = ga - loss[rr] + corr[rr];
        if (target && lim.min_cost) {
          // Cheaper site, target still met: the larger saving wins, then the larger delta.
          const double saving = r.cost[rr] - r.cost[a];
          if (saving <= 1e-12 || !lim.target_met(st.value().p + delta.p)) continue;
          if (best == kNone || saving > best_saving + 1e-12 ||
              (saving > best_saving - 1e-12 && better(delta, best_delta, lim.eps)))
            best = rr, best_delta = delta, best_saving = saving;
          continue;
        }
        if (best == kNone || better(delta, best_delta, lim.eps)) best = rr, best_delta = delta;
      }
      for (uint32_t rr : open) corr[rr] = {};
      const bool take = best != kNone && (best_saving > 0 || positive(best_delta, lim.eps));
      if (take) {
        st.close(best);
        st.open(a);
        ++stats.moves;
        improved = true;
        if (target) drop_redundant(st, lim);
        refresh();
      }
    }
    progress(std::min(1.0, 0.2 * stats.passes), "local search");
  }
  return stats;
}

}  // namespace yz::siting
