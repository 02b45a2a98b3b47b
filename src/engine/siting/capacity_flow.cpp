#include "engine/siting/capacity_flow.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

namespace yz::siting {

namespace {

// Dinic's max flow on doubles; small residuals below `tiny` count as saturated.
class MaxFlow {
 public:
  explicit MaxFlow(uint32_t n) : first_(n, kEnd), level_(n), it_(n) {}
  uint32_t add(uint32_t a, uint32_t b, double cap) {
    arcs_.push_back({b, first_[a], cap});
    first_[a] = static_cast<uint32_t>(arcs_.size() - 1);
    arcs_.push_back({a, first_[b], 0});
    first_[b] = static_cast<uint32_t>(arcs_.size() - 1);
    return static_cast<uint32_t>(arcs_.size() - 2);
  }
  double run(uint32_t s, uint32_t t) {
    double total = 0;
    while (bfs(s, t)) {
      it_ = first_;
      for (double f; (f = dfs(s, t, std::numeric_limits<double>::infinity())) > kTiny;) total += f;
    }
    return total;
  }
  double flow_on(uint32_t arc) const { return arcs_[arc ^ 1].cap; }

 private:
  static constexpr uint32_t kEnd = 0xffffffffu;
  static constexpr double kTiny = 1e-9;
  struct Arc {
    uint32_t to, next;
    double cap;
  };
  bool bfs(uint32_t s, uint32_t t) {
    std::fill(level_.begin(), level_.end(), -1);
    std::queue<uint32_t> q;
    level_[s] = 0;
    q.push(s);
    while (!q.empty()) {
      uint32_t u = q.front();
      q.pop();
      for (uint32_t e = first_[u]; e != kEnd; e = arcs_[e].next)
        if (arcs_[e].cap > kTiny && level_[arcs_[e].to] < 0) {
          level_[arcs_[e].to] = level_[u] + 1;
          q.push(arcs_[e].to);
        }
    }
    return level_[t] >= 0;
  }
  // Iterative-enough: the graph is 4 layers deep, so recursion depth is at most 4.
  double dfs(uint32_t u, uint32_t t, double f) {
    if (u == t) return f;
    for (uint32_t& e = it_[u]; e != kEnd; e = arcs_[e].next) {
      Arc& a = arcs_[e];
      if (a.cap <= kTiny || level_[a.to] != level_[u] + 1) continue;
      double got = dfs(a.to, t, std::min(f, a.cap));
      if (got > kTiny) {
        a.cap -= got;
        arcs_[e ^ 1].cap += got;
        return got;
      }
    }
    return 0;
  }
  std::vector<Arc> arcs_;
  std::vector<uint32_t> first_;
  std::vector<int> level_;
  std::vector<uint32_t> it_;
};

}  // namespace

double capacitated_cover(const Problem& p, const std::vector<uint32_t>& open,
                         std::vector<double>* served) {
  // Nodes: 0 source, 1 sink, 2.. open sites, then the demand points they touch.
  const uint32_t ns = static_cast<uint32_t>(open.size());
  std::vector<uint32_t> node_of(p.demand_weight.size(), 0xffffffffu);
  uint32_t n = 2 + ns;
  for (uint32_t s : open)
    for (uint32_t d : p.sites[s].covers)
      if (node_of[d] == 0xffffffffu && p.demand_weight[d] > 0) node_of[d] = n++;
  MaxFlow mf(n);
  for (uint32_t d = 0; d < node_of.size(); ++d)
    if (node_of[d] != 0xffffffffu) mf.add(0, node_of[d], p.demand_weight[d]);
  std::vector<uint32_t> sink_arc(ns);
  for (uint32_t i = 0; i < ns; ++i) {
    const Site& s = p.sites[open[i]];
    for (uint32_t d : s.covers)
      if (node_of[d] != 0xffffffffu)
        mf.add(node_of[d], 2 + i, std::numeric_limits<double>::infinity());
    double cap = s.capacity;
    if (!std::isfinite(cap)) {
      cap = 0;
      for (uint32_t d : s.covers) cap += p.demand_weight[d];
    }
    sink_arc[i] = mf.add(2 + i, 1, cap);
  }
  const double total = mf.run(0, 1);
  if (served) {
    served->assign(ns, 0);
    for (uint32_t i = 0; i < ns; ++i) (*served)[i] = mf.flow_on(sink_arc[i]);
  }
  return total;
}

}  // namespace yz::siting
