#include "engine/siting/lagrangian_bound.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

namespace yz::siting {

uint32_t lagrangian_iterations(const Reduced& r, double work, uint32_t min_it, uint32_t max_it) {
  // One iteration: a pass over the cover matrix (site values), the groups, and the sites.
  const double per = static_cast<double>(r.cov.size()) + 2.0 * r.sites() + 2.0 * r.groups() + 1.0;
  return static_cast<uint32_t>(std::clamp(work / per, double(min_it), double(max_it)));
}

LagrangianBound lagrangian_bound(const Reduced& r, const Limits& lim, double lower,
                                 const Progress& progress, double rel_gap, uint32_t max_iterations,
                                 double time_cap_s) {
  const auto t0 = std::chrono::steady_clock::now();
  const uint32_t ng = r.groups(), m = r.sites();
  const double p1 = r.value.p1, p2 = r.value.p2;
  LagrangianBound out;
  // Trivial bound first: every group at its best.
  double trivial = 0;
  for (uint32_t g = 0; g < ng; ++g) trivial += r.weight[g] * (r.base[g] == 0 ? p1 + p2 : p2);
  out.bound = trivial;
  if (ng == 0 || m == 0) {
    out.bound = 0;
    return out;
  }

  std::vector<double> lambda(ng), rho(m), x(m), sub(ng), cover(ng);
  for (uint32_t g = 0; g < ng; ++g) lambda[g] = 0.5 * r.weight[g] * std::max(p1, p2);
  std::vector<uint32_t> idx(m);
  // Sites sorted once by cost for the knapsack would change with rho; sort per iteration.
  std::vector<double> best_lambda = lambda;
  double theta = 2.0;
  uint32_t since_best = 0;
  for (uint32_t it = 0; it < max_iterations; ++it) {
    // Site part: value rho_j of opening j.
    for (uint32_t j = 0; j < m; ++j) {
      double s = 0;
      for (const uint32_t* g = r.cov_begin(j); g != r.cov_end(j); ++g) s += lambda[*g];
      rho[j] = r.fixed[j] ? 0 : s;
    }
    std::fill(x.begin(), x.end(), 0.0);
    double site_part = 0;
    std::iota(idx.begin(), idx.end(), 0u);
    if (lim.goal == Goal::max_cover_k) {
      const uint32_t k = std::min<uint32_t>(lim.k, m);
      auto cmp = [&](uint32_t a, uint32_t b) {
        return rho[a] > rho[b] || (rho[a] == rho[b] && a < b);
      };
      if (k > 0 && k < m) std::nth_element(idx.begin(), idx.begin() + k, idx.end(), cmp);
      for (uint32_t t = 0; t < k; ++t)
        if (rho[idx[t]] > 0) x[idx[t]] = 1, site_part += rho[idx[t]];
    } else {
      // Fractional knapsack: an upper bound on the 0-1 pick within the budget.
      auto ratio = [&](uint32_t j) { return rho[j] / std::max(r.cost[j], 1e-12); };
      std::sort(idx.begin(), idx.end(), [&](uint32_t a, uint32_t b) {
        double ra = ratio(a), rb = ratio(b);
        return ra > rb || (ra == rb && a < b);
      });
      double left = lim.budget;
      for (uint32_t j : idx) {
        if (rho[j] <= 0) break;
        double c = r.cost[j];
        double f = c <= left ? 1.0 : (c > 0 ? left / c : 1.0);
        x[j] = f;
        site_part += f * rho[j];
        left -= f * c;
        if (left <= 0) break;
      }
    }
    // Group part and subgradient. Coverage by the (few) chosen sites, from their cover lists:
    // cheaper than a pass over every group's site list.
    std::fill(cover.begin(), cover.end(), 0.0);
    for (uint32_t j = 0; j < m; ++j)
      if (x[j] > 0)
        for (const uint32_t* g = r.cov_begin(j); g != r.cov_end(j); ++g) cover[*g] += x[j];
    double group_part = 0, norm = 0;
    for (uint32_t g = 0; g < ng; ++g) {
      const double w = r.weight[g], l = lambda[g];
      double take = 0, best = 0;
      if (r.base[g] == 0) {
        double one = w * p1 - l, two = w * (p1 + p2) - 2 * l;
        if (one > best) best = one, take = 1;
        if (two > best) best = two, take = 2;
      } else {
        double one = w * p2 - l;
        if (one > best) best = one, take = 1;
      }
      group_part += best;
      sub[g] = cover[g] - take;
      // Projected: a multiplier at zero that would go negative does not move.
      if (l <= 0 && sub[g] > 0) sub[g] = 0;
      norm += sub[g] * sub[g];
    }
    const double L = group_part + site_part;
    ++out.iterations;
    if (L < out.bound - 1e-12) {
      out.bound = L;
      best_lambda = lambda;
      since_best = 0;
    } else if (++since_best >= 15) {
      theta *= 0.5;
      since_best = 0;
    }
    const double gap = out.bound - lower;
    if (gap <= rel_gap * std::max(1.0, std::abs(lower)) || norm <= 0 || theta < 1e-6) break;
    if ((it & 7) == 0) {
      progress.throw_if_cancelled();
      progress(std::min(1.0, it / static_cast<double>(std::max(max_iterations, 1u))), "bound");
      if (std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() >
          time_cap_s) {
        out.stopped_by_time = true;
        break;
      }
    }
    const double step = theta * std::max(L - lower, 1e-9 * std::max(1.0, lower)) / norm;
    for (uint32_t g = 0; g < ng; ++g) lambda[g] = std::max(0.0, lambda[g] - step * sub[g]);
  }
  out.bound = std::min(out.bound, trivial);
  if (lim.goal == Goal::max_cover_k && out.bound < trivial) {
    // L(lambda) with x_j forced open: the site part swaps the weakest chosen site for j.
    double group_part = 0;
    for (uint32_t g = 0; g < ng; ++g) {
      const double w = r.weight[g], l = best_lambda[g];
      double best = 0;
      if (r.base[g] == 0)
        best = std::max({0.0, w * p1 - l, w * (p1 + p2) - 2 * l});
      else
        best = std::max(0.0, w * p2 - l);
      group_part += best;
    }
    for (uint32_t j = 0; j < m; ++j) {
      double s = 0;
      for (const uint32_t* g = r.cov_begin(j); g != r.cov_end(j); ++g) s += best_lambda[*g];
      rho[j] = r.fixed[j] ? 0 : s;
    }
    const uint32_t k = std::min<uint32_t>(lim.k, m);
    std::iota(idx.begin(), idx.end(), 0u);
    auto cmp = [&](uint32_t a, uint32_t b) {
      return rho[a] > rho[b] || (rho[a] == rho[b] && a < b);
    };
    std::sort(idx.begin(), idx.end(), cmp);
    double top = 0;
    uint32_t taken = 0;
    for (uint32_t t = 0; t < k; ++t)
      if (rho[idx[t]] > 0) top += rho[idx[t]], ++taken;
    const double weakest = taken == k && k > 0 ? rho[idx[k - 1]] : 0.0;
    out.with_site.assign(m, 0);
    for (uint32_t t = 0; t < m; ++t) {
      const uint32_t j = idx[t];
      out.with_site[j] =
          t < taken ? group_part + top : group_part + top - weakest + std::max(0.0, rho[j]);
      if (k == 0) out.with_site[j] = group_part + std::max(0.0, rho[j]);
    }
  }
  return out;
}

}  // namespace yz::siting
