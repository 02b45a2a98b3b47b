#include "engine/siting/capacity_bound.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

namespace yz::siting {

CapacityBound capacity_bound(const Reduced& r, const Limits& lim, double lower,
                             const Progress& progress, uint32_t max_iterations, double rel_gap,
                             double time_cap_s) {
  const auto t0 = std::chrono::steady_clock::now();
  const uint32_t ng = r.groups(), m = r.sites();
  CapacityBound out;
  double total = 0;
  for (uint32_t g = 0; g < ng; ++g) total += r.weight[g];
  out.bound = out.capacity_only = total;
  if (ng == 0 || m == 0) {
    out.bound = out.capacity_only = 0;
    return out;
  }
  std::vector<double> cap(m);
  for (uint32_t j = 0; j < m; ++j) {
    double reach = 0;
    for (const uint32_t* g = r.cov_begin(j); g != r.cov_end(j); ++g) reach += r.weight[*g];
    cap[j] = std::isfinite(r.capacity[j]) ? std::min(r.capacity[j], reach) : reach;
  }
  std::vector<double> lambda(ng, 0.0), best_lambda(ng, 0.0), value(m), x(m), served(ng);
  std::vector<uint32_t> idx(m), order;
  double theta = 1.0;
  uint32_t since_best = 0;
  // Per site: the best fill of its capacity at multipliers lambda (value of one worker of g is
  // 1 - lambda_g); when `add` > 0, adds add * the fill to served[].
  auto fill = [&](uint32_t j, double add) {
    const uint32_t *b = r.cov_begin(j), *e = r.cov_end(j);
    double sum = 0, reach = 0;
    for (const uint32_t* g = b; g != e; ++g)
      if (lambda[*g] < 1) sum += (1 - lambda[*g]) * r.weight[*g], reach += r.weight[*g];
    if (reach <= cap[j] + 1e-12) {
      if (add > 0)
        for (const uint32_t* g = b; g != e; ++g)
          if (lambda[*g] < 1) served[*g] += add * r.weight[*g];
      return sum;
    }
    order.assign(b, e);
    std::sort(order.begin(), order.end(), [&](uint32_t p, uint32_t q) {
      return lambda[p] < lambda[q] || (lambda[p] == lambda[q] && p < q);
    });
    double left = cap[j], v = 0;
    for (uint32_t g : order) {
      if (left <= 0 || lambda[g] >= 1) break;
      const double t = std::min(left, r.weight[g]);
      v += (1 - lambda[g]) * t;
      left -= t;
      if (add > 0) served[g] += add * t;
    }
    return v;
  };
  for (uint32_t it = 0; it < max_iterations; ++it) {
    for (uint32_t j = 0; j < m; ++j) value[j] = fill(j, 0);
    std::fill(x.begin(), x.end(), 0.0);
    double L = 0;
    for (uint32_t g = 0; g < ng; ++g) L += lambda[g] * r.weight[g];
    idx.clear();
    for (uint32_t j = 0; j < m; ++j) {
      if (r.fixed[j])
        x[j] = 1, L += value[j];
      else if (value[j] > 0)
        idx.push_back(j);
    }
    if (lim.goal == Goal::max_cover_k) {
      const uint32_t k = std::min<uint32_t>(lim.k, static_cast<uint32_t>(idx.size()));
      auto cmp = [&](uint32_t a, uint32_t b) {
        return value[a] > value[b] || (value[a] == value[b] && a < b);
      };
      if (k < idx.size()) std::nth_element(idx.begin(), idx.begin() + k, idx.end(), cmp);
      for (uint32_t t = 0; t < k; ++t) x[idx[t]] = 1, L += value[idx[t]];
    } else {
      auto ratio = [&](uint32_t j) { return value[j] / std::max(r.cost[j], 1e-12); };
      std::sort(idx.begin(), idx.end(), [&](uint32_t a, uint32_t b) {
        const double ra = ratio(a), rb = ratio(b);
        return ra > rb || (ra == rb && a < b);
      });
      double left = lim.budget;
      for (uint32_t j : idx) {
        if (left <= 0) break;
        const double c = r.cost[j];
        const double f = c <= left ? 1.0 : (c > 0 ? left / c : 1.0);
        x[j] = f;
        L += f * value[j];
        left -= f * c;
      }
    }
    ++out.iterations;
    if (it == 0) out.capacity_only = std::min(total, L);
    if (L < out.bound - 1e-12) {
      out.bound = L;
      best_lambda = lambda;
      since_best = 0;
    } else if (++since_best >= 10) {
      theta *= 0.5;
      since_best = 0;
    }
    if (out.bound - lower <= rel_gap * std::max(1.0, std::abs(lower)) || theta < 1e-5) break;
    // Subgradient of L at lambda: w_g - served_g.
    std::fill(served.begin(), served.end(), 0.0);
    for (uint32_t j = 0; j < m; ++j)
      if (x[j] > 0) fill(j, x[j]);
    double norm = 0;
    for (uint32_t g = 0; g < ng; ++g) {
      double s = r.weight[g] - served[g];
      if (lambda[g] <= 0 && s > 0) s = 0;  // projected: stays at zero
      served[g] = s;
      norm += s * s;
    }
    if (norm <= 0) break;
    if ((it & 7) == 0) {
      progress.throw_if_cancelled();
      progress(std::min(1.0, it / static_cast<double>(std::max(max_iterations, 1u))), "bound");
      if (std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() > time_cap_s)
        break;
    }
    const double step = theta * std::max(L - lower, 1e-9 * std::max(1.0, lower)) / norm;
    for (uint32_t g = 0; g < ng; ++g) lambda[g] = std::max(0.0, lambda[g] - step * served[g]);
  }
  out.bound = std::min(out.bound, total);
  return out;
}

}  // namespace yz::siting
