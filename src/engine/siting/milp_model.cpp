#include "engine/siting/milp_model.hpp"

#include <algorithm>
#include <cmath>

namespace yz::siting {

namespace {

struct Builder {
  MilpModel& m;
  uint32_t col(double lb, double ub, double c, bool integer) {
    m.col_lb.push_back(lb);
    m.col_ub.push_back(ub);
    m.obj.push_back(c);
    m.integer.push_back(integer ? 1 : 0);
    return m.cols() - 1;
  }
  void row(const std::vector<std::pair<uint32_t, double>>& terms, double lb, double ub) {
    for (auto [c, v] : terms) {
      m.row_col.push_back(c);
      m.row_val.push_back(v);
    }
    m.row_first.push_back(static_cast<uint32_t>(m.row_col.size()));
    m.row_lb.push_back(lb);
    m.row_ub.push_back(ub);
  }
};

constexpr double kInf = 1e30;

}  // namespace

MilpModel build_milp(const Reduced& r, const Limits& lim, MilpStage stage, double floor) {
  MilpModel m;
  Builder b{m};
  const uint32_t ns = r.sites(), ng = r.groups();
  const ValueModel& v = r.value;
  const bool target = lim.goal == Goal::min_for_target;
  const bool secondary = stage == MilpStage::secondary;
  // Objective weights of coverage: the primary measure, or the secondary one in stage 2.
  const double c1 = secondary ? v.s1 : v.p1, c2 = secondary ? v.s2 : v.p2;
  const bool cover_in_obj = !target || secondary;
  m.negated = cover_in_obj;
  for (uint32_t j = 0; j < ns; ++j) {
    double c = 0;
    if (target && !secondary) c = r.fixed[j] ? 0 : (lim.min_cost ? r.cost[j] : 1.0);
    b.col(r.fixed[j] ? 1 : 0, 1, c, true);
  }
  m.x_cols = ns;
  std::vector<std::pair<uint32_t, double>> primary;  // terms of the primary coverage measure
  std::vector<std::pair<uint32_t, double>> t;
  m.y_col.assign(ng, kNone);
  m.z_col.assign(ng, kNone);
  if (!r.capacitated) {
    const bool twice = v.uses_double();
    // y + z <= sum x and z <= y allow y = z = 1/2 under one station; harmless when the first
    // coverage is worth at least the second (y wins), not otherwise: then z must be integer.
    const bool z_int = twice && (c2 > c1 || (target && v.p2 > v.p1));
    for (uint32_t g = 0; g < ng; ++g) {
      const double w = r.weight[g];
      if (r.base[g] == 0) {
        m.y_col[g] = b.col(0, 1, cover_in_obj ? -w * c1 : 0, false);
        if (v.p1 != 0) primary.emplace_back(m.y_col[g], w * v.p1);
      }
      if (twice) {
        m.z_col[g] = b.col(0, 1, cover_in_obj ? -w * c2 : 0, z_int);
        if (v.p2 != 0) primary.emplace_back(m.z_col[g], w * v.p2);
      }
      t.clear();
      if (m.y_col[g] != kNone) t.emplace_back(m.y_col[g], 1.0);
      if (m.z_col[g] != kNone) t.emplace_back(m.z_col[g], 1.0);
      for (const uint32_t* j = r.inv_begin(g); j != r.inv_end(g); ++j) t.emplace_back(*j, -1.0);
      b.row(t, -kInf, 0);
      if (m.y_col[g] != kNone && m.z_col[g] != kNone)
        b.row({{m.z_col[g], 1.0}, {m.y_col[g], -1.0}}, -kInf, 0);
    }
  } else {
    m.a_first = m.cols();
    for (uint32_t g = 0; g < ng; ++g)
      for (const uint32_t* j = r.inv_begin(g); j != r.inv_end(g); ++j) {
        uint32_t c = b.col(0, kInf, cover_in_obj ? -1.0 : 0, false);
        primary.emplace_back(c, 1.0);
      }
    // Demand rows.
    uint32_t c = m.a_first;
    for (uint32_t g = 0; g < ng; ++g) {
      t.clear();
      for (const uint32_t* j = r.inv_begin(g); j != r.inv_end(g); ++j) t.emplace_back(c++, 1.0);
      b.row(t, -kInf, r.weight[g]);
    }
    // Capacity rows, and a_gj <= w_g x_j (tight LP) while the model stays small.
    std::vector<std::vector<std::pair<uint32_t, double>>> per_site(ns);
    c = m.a_first;
    const bool strong = r.inv.size() <= 200000;
    for (uint32_t g = 0; g < ng; ++g)
      for (const uint32_t* j = r.inv_begin(g); j != r.inv_end(g); ++j, ++c) {
        per_site[*j].emplace_back(c, 1.0);
        if (strong) b.row({{c, 1.0}, {*j, -r.weight[g]}}, -kInf, 0);
      }
    for (uint32_t j = 0; j < ns; ++j) {
      double cap = r.capacity[j];
      if (!std::isfinite(cap)) {
        cap = 0;
        for (const uint32_t* g = r.cov_begin(j); g != r.cov_end(j); ++g) cap += r.weight[*g];
      }
      per_site[j].emplace_back(j, -cap);
      b.row(per_site[j], -kInf, 0);
    }
  }
  // The goal's resource or target.
  t.clear();
  switch (lim.goal) {
    case Goal::max_cover_k:
      for (uint32_t j = 0; j < ns; ++j)
        if (!r.fixed[j]) t.emplace_back(j, 1.0);
      b.row(t, -kInf, lim.k);
      break;
    case Goal::max_cover_budget:
      for (uint32_t j = 0; j < ns; ++j)
        if (!r.fixed[j]) t.emplace_back(j, r.cost[j]);
      b.row(t, -kInf, lim.budget);
      break;
    case Goal::min_for_target:
      b.row(primary, lim.need - lim.eps, kInf);
      if (secondary) {
        t.clear();
        for (uint32_t j = 0; j < ns; ++j)
          if (!r.fixed[j]) t.emplace_back(j, lim.min_cost ? r.cost[j] : 1.0);
        b.row(t, -kInf, floor + 1e-7);
      }
      break;
  }
  if (secondary && !target) b.row(primary, floor - lim.eps, kInf);
  for (uint32_t a = 0; a < ns; ++a)
    for (const uint32_t* c = r.conf_begin(a); c != r.conf_end(a); ++c)
      if (a < *c) b.row({{a, 1.0}, {*c, 1.0}}, -kInf, 1);
  return m;
}

std::vector<double> milp_start(const Reduced& r, const MilpModel& m,
                               const std::vector<uint32_t>& open) {
  std::vector<double> col(m.cols(), 0.0);
  for (uint32_t j = 0; j < r.sites(); ++j)
    if (r.fixed[j]) col[j] = 1;
  for (uint32_t j : open) col[j] = 1;
  if (!r.capacitated) {
    for (uint32_t g = 0; g < r.groups(); ++g) {
      uint32_t n = r.base[g];
      for (const uint32_t* j = r.inv_begin(g); j != r.inv_end(g); ++j) n += col[*j] > 0.5 ? 1 : 0;
      if (m.y_col[g] != kNone) col[m.y_col[g]] = n >= 1 ? 1 : 0;
      if (m.z_col[g] != kNone) col[m.z_col[g]] = n >= 2 ? 1 : 0;
    }
  } else {
    std::vector<double> left(r.sites());
    for (uint32_t j = 0; j < r.sites(); ++j)
      left[j] = std::isfinite(r.capacity[j]) ? r.capacity[j] : 1e300;
    uint32_t c = m.a_first;
    for (uint32_t g = 0; g < r.groups(); ++g) {
      double need = r.weight[g];
      for (const uint32_t* j = r.inv_begin(g); j != r.inv_end(g); ++j, ++c) {
        if (col[*j] < 0.5 || need <= 0) continue;
        double a = std::min(need, left[*j]);
        col[c] = a;
        need -= a;
        left[*j] -= a;
      }
    }
  }
  return col;
}

double milp_value(const MilpModel& m, const std::vector<double>& col) {
  double s = 0;
  for (uint32_t c = 0; c < m.cols(); ++c) s += m.obj[c] * col[c];
  return m.negated ? -s : s;
}

}  // namespace yz::siting
