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

ReducedFlow reduced_flow(const Reduced& r, const std::vector<uint8_t>& open) {
  const uint32_t ng = r.groups(), ns = r.sites();
  ReducedFlow out;
  out.served.assign(ns, 0);
  out.residual = r.weight;
  out.first.assign(ng + 1, 0);
  // Nodes: 0 source, 1 sink, 2.. open sites, then the groups they touch.
  std::vector<uint32_t> site_node(ns, 0xffffffffu), group_node(ng, 0xffffffffu);
  uint32_t n = 2;
  for (uint32_t j = 0; j < ns; ++j)
    if (open[j]) site_node[j] = n++;
  for (uint32_t g = 0; g < ng; ++g) {
    if (!(r.weight[g] > 0)) continue;
    for (const uint32_t* j = r.inv_begin(g); j != r.inv_end(g); ++j)
      if (open[*j]) {
        group_node[g] = n++;
        break;
      }
  }
  MaxFlow mf(n);
  std::vector<uint32_t> arc_first(ng + 1, 0);
  std::vector<std::pair<uint32_t, uint32_t>> arcs;  // (site, arc id) by group
  for (uint32_t g = 0; g < ng; ++g) {
    arc_first[g] = static_cast<uint32_t>(arcs.size());
    if (group_node[g] == 0xffffffffu) continue;
    mf.add(0, group_node[g], r.weight[g]);
    for (const uint32_t* j = r.inv_begin(g); j != r.inv_end(g); ++j)
      if (open[*j]) arcs.emplace_back(*j, mf.add(group_node[g], site_node[*j], r.weight[g]));
  }
  arc_first[ng] = static_cast<uint32_t>(arcs.size());
  std::vector<uint32_t> sink_arc(ns, 0);
  for (uint32_t j = 0; j < ns; ++j) {
    if (!open[j]) continue;
    double cap = r.capacity[j];
    if (!std::isfinite(cap)) {
      cap = 0;
      for (const uint32_t* g = r.cov_begin(j); g != r.cov_end(j); ++g) cap += r.weight[*g];
    }
    sink_arc[j] = mf.add(site_node[j], 1, cap);
  }
  out.value = mf.run(0, 1);
  for (uint32_t j = 0; j < ns; ++j)
    if (open[j]) out.served[j] = mf.flow_on(sink_arc[j]);
  for (uint32_t g = 0; g < ng; ++g) {
    out.first[g] = static_cast<uint32_t>(out.alloc.size());
    for (uint32_t t = arc_first[g]; t < arc_first[g + 1]; ++t) {
      const double f = mf.flow_on(arcs[t].second);
      if (f > 0) {
        out.alloc.emplace_back(arcs[t].first, f);
        out.residual[g] -= f;
      }
    }
    if (out.residual[g] < 0) out.residual[g] = 0;
  }
  out.first[ng] = static_cast<uint32_t>(out.alloc.size());
  return out;
}

}  // namespace yz::siting
