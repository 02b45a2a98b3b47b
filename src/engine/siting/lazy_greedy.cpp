#include "engine/siting/lazy_greedy.hpp"

#include <queue>
#include <tuple>

namespace yz::siting {

namespace {

struct Entry {
  Score key;  // gain, or gain per unit of money
  uint32_t site;
  uint32_t version;  // number of openings when key was computed
};

// Heap order: larger key first, then lower site id (deterministic).
struct Lower {
  bool operator()(const Entry& a, const Entry& b) const {
    return std::make_tuple(a.key.p, a.key.s, b.site) < std::make_tuple(b.key.p, b.key.s, a.site);
  }
};

bool positive(Score g, double eps) {
  return g.p > eps || (g.p > -eps && g.s > eps);
}

}  // namespace

void lazy_greedy(CoverState& st, const Limits& lim, const Progress& progress) {
  const Reduced& r = st.reduced();
  const bool by_ratio =
      lim.goal == Goal::max_cover_budget || (lim.goal == Goal::min_for_target && lim.min_cost);
  auto key_of = [&](uint32_t j, Score g) {
    if (!by_ratio) return g;
    return g * (1.0 / std::max(r.cost[j], 1e-9));
  };
  auto done = [&] {
    switch (lim.goal) {
      case Goal::max_cover_k:
        return st.count() >= lim.k;
      case Goal::max_cover_budget:
        return false;  // stops when nothing affordable adds value
      case Goal::min_for_target:
        return lim.target_met(st.value().p);
    }
    return true;
  };
  auto allowed = [&](uint32_t j) {
    if (st.is_open(j) || st.clashes(j) > 0) return false;
    if (lim.goal == Goal::max_cover_budget && st.cost() + r.cost[j] > lim.budget + 1e-9)
      return false;
    return true;
  };

  std::priority_queue<Entry, std::vector<Entry>, Lower> heap;
  uint32_t version = 0;
  for (uint32_t j = 0; j < r.sites(); ++j)
    if (allowed(j)) heap.push({key_of(j, st.gain(j)), j, version});
  const uint32_t start = st.count();
  const double goal_n = lim.goal == Goal::max_cover_k ? std::max<uint32_t>(lim.k, 1) : r.sites();
  while (!heap.empty() && !done()) {
    Entry e = heap.top();
    heap.pop();
    // Clashes and spent budget only grow during greedy: such sites are gone for good.
    if (!allowed(e.site)) continue;
    if (e.version != version) {
      heap.push({key_of(e.site, st.gain(e.site)), e.site, version});
      continue;
    }
    if (!positive(e.key, lim.eps)) break;  // the best fresh gain adds nothing
    st.open(e.site);
    ++version;
    if ((version & 15) == 0) {
      progress.throw_if_cancelled();
      progress(std::min(1.0, (st.count() - start) / goal_n), "greedy");
    }
  }

  if (lim.goal == Goal::max_cover_budget) {
    // Ratio greedy can be arbitrarily bad against one large affordable site: keep the better.
    uint32_t best = kNone;
    Score best_gain;
    CoverState probe = st;
    for (uint32_t j : std::vector<uint32_t>(st.open_list()))
      if (!r.fixed[j]) probe.close(j);
    for (uint32_t j = 0; j < r.sites(); ++j) {
      if (probe.is_open(j) || probe.clashes(j) > 0 || r.cost[j] > lim.budget + 1e-9) continue;
      Score g = probe.gain(j);
      if (best == kNone || better(g, best_gain, lim.eps)) best = j, best_gain = g;
    }
    if (best != kNone && better(probe.value() + best_gain, st.value(), lim.eps)) {
      for (uint32_t j : std::vector<uint32_t>(st.open_list()))
        if (!r.fixed[j]) st.close(j);
      st.open(best);
      lazy_greedy(st, lim, progress);  // fill what budget is left
    }
  }
}

}  // namespace yz::siting
