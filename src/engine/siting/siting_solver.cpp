#include "engine/siting/siting_solver.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <sstream>

#include "engine/siting/capacity_greedy.hpp"
#include "engine/siting/cover_state.hpp"
#include "engine/siting/exact_solver.hpp"
#include "engine/siting/iterated_search.hpp"
#include "engine/siting/lagrangian_bound.hpp"
#include "engine/siting/lazy_greedy.hpp"
#include "engine/siting/local_search.hpp"
#include "engine/siting/milp_model.hpp"
#include "engine/siting/plan_report.hpp"
#include "engine/siting/presolve.hpp"

namespace yz::siting {

namespace {

using Clock = std::chrono::steady_clock;
double since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// Heuristic plan on the presolved problem: reduced ids of the new sites.
std::vector<uint32_t> heuristic(const Reduced& r, const Limits& lim, const Progress& progress,
                                double ls_time_s) {
  std::vector<uint32_t> out;
  if (r.capacitated) {
    for (uint32_t j : capacity_greedy(r, lim, progress))
      if (!r.fixed[j]) out.push_back(j);
    return out;
  }
  CoverState st(r);
  lazy_greedy(st, lim, progress);
  local_search(st, lim, progress, ls_time_s);
  // Rounds scale with the work one costs (cover matrix + sites x plan), so a city-sized instance
  // stays near a second; counted, not timed, to stay deterministic.
  const double work = static_cast<double>(r.cov.size()) +
                      static_cast<double>(r.sites()) * std::max<size_t>(st.open_list().size(), 1);
  const uint32_t rounds = static_cast<uint32_t>(std::clamp(2e7 / std::max(work, 1.0), 5.0, 100.0));
  iterated_search(st, lim, progress, rounds, 30, std::max(10.0, ls_time_s));
  for (uint32_t j : st.open_list())
    if (!r.fixed[j]) out.push_back(j);
  return out;
}

std::vector<uint32_t> to_original(const Reduced& r, const std::vector<uint32_t>& sites) {
  std::vector<uint32_t> out;
  for (uint32_t j : sites) out.push_back(r.site_orig[j]);
  return out;
}

std::vector<uint32_t> from_columns(const Reduced& r, const std::vector<double>& col) {
  std::vector<uint32_t> out;
  for (uint32_t j = 0; j < r.sites(); ++j)
    if (!r.fixed[j] && col[j] > 0.5) out.push_back(j);
  return out;
}

std::string percent(double f) {
  std::ostringstream s;
  s.precision(f < 0.001 ? 3 : 4);
  s << 100 * f << " %";
  return s.str();
}

}  // namespace

SitingResult solve_siting(const Problem& p, const Progress& progress) {
  validate(p);
  const auto t_start = Clock::now();
  const Options& o = p.options;
  const bool target = o.goal == Goal::min_for_target;
  SitingResult res;
  progress(0, "presolve");
  const auto conflicts = conflict_pairs(p);
  const Reduced r = presolve(p, conflicts);
  const Limits lim = Limits::of(p, r);
  res.presolve_s = since(t_start);
  res.demand_groups = r.groups();
  res.candidates_kept = 0;
  for (uint32_t j = 0; j < r.sites(); ++j) res.candidates_kept += r.fixed[j] ? 0 : 1;
  res.candidates_dominated = r.dropped_dominated;
  res.candidates_conflicting = r.dropped_conflicting;
  res.candidates_empty = r.dropped_empty;
  progress.throw_if_cancelled();

  // What a plan is worth: coverage for max goals, money or count for a target.
  auto cost_of = [&](const std::vector<uint32_t>& red) {
    double c = 0;
    for (uint32_t j : red) c += o.min_cost ? r.cost[j] : 1.0;
    return c;
  };
  auto covered_p = [&](const std::vector<uint32_t>& red) {
    return plan_value(p, with_fixed(p, to_original(r, red))).p;
  };
  const double W = r.total_weight;
  const double eps = lim.eps;

  // 1. Heuristic.
  const auto t_heur = Clock::now();
  std::vector<uint32_t> plan = heuristic(r, lim, progress, std::max(1.0, 0.25 * o.time_limit_s));
  res.heuristic_s = since(t_heur);
  double plan_cover = covered_p(plan);
  bool reached = !target || plan_cover >= o.target * W - eps;
  res.heuristic_objective = target ? cost_of(plan) : plan_cover;

  // A target the heuristic missed: find what is reachable at all (no limit on stations).
  double reach_bound = W;
  bool proven_unreachable = false;
  if (!reached) {
    Limits all = lim;
    all.goal = Goal::max_cover_k;
    all.k = r.sites();
    std::vector<uint32_t> best = heuristic(r, all, progress, std::max(1.0, 0.25 * o.time_limit_s));
    double best_cover = covered_p(best);
    // Every candidate open (spacing ignored) is the most anyone can cover.
    std::vector<uint32_t> every;
    for (uint32_t j = 0; j < r.sites(); ++j)
      if (!r.fixed[j]) every.push_back(j);
    reach_bound = covered_p(every);
    proven_unreachable = reach_bound < o.target * W - eps;
    if (conflicts.empty() && reach_bound > best_cover) best = every, best_cover = reach_bound;
    res.best_reachable = W > 0 ? best_cover / W : 0;
    if (best_cover >= o.target * W - eps) {
      // Enough after all (greedy stopped early): trim it.
      plan = best;
      reached = true;
      if (!r.capacitated) {
        CoverState st(r);
        for (uint32_t j : plan) st.open(j);
        local_search(st, lim, progress, std::max(1.0, 0.25 * o.time_limit_s));
        plan.clear();
        for (uint32_t j : st.open_list()) plan.push_back(j);
      }
      plan_cover = covered_p(plan);
    }
    res.heuristic_objective = reached ? cost_of(plan) : 0;
  }

  // 2. Bound.
  const auto t_bound = Clock::now();
  const double bound_time = 0.3 * o.time_limit_s;
  double bound = target ? 0 : W;  // trivial
  res.bound_method = "trivial";
  LagrangianBound lb;
  if (!target && !r.capacitated) {
    const double gain = plan_cover - r.constant.p;
    // Iteration-limited (the time limit is a safety net) so the same input gives the same bound.
    lb = lagrangian_bound(r, lim, gain, bound_time, progress, 1e-4, 600);
    bound = std::min(bound, r.constant.p + lb.bound);
    res.bound_method = "lagrangian";
  } else if (!proven_unreachable) {
    MilpSolve lp = solve_lp(build_milp(r, lim), bound_time);
    if (lp.optimal) {
      double b = target ? lp.bound : r.constant.p + lp.bound;
      if (target && !o.min_cost) b = std::ceil(b - 1e-6);
      bound = target ? std::max(bound, b) : std::min(bound, b);
      res.bound_method = "lp";
    } else if (lp.infeasible && target) {
      proven_unreachable = true;
    }
  }
  res.bound_s = since(t_bound);
  progress.throw_if_cancelled();

  // 3. Exact search, warm-started from the heuristic.
  auto value_of = [&](const std::vector<uint32_t>& red) {
    return target ? cost_of(red) : covered_p(red);
  };
  auto gap_of = [&](double obj, double b) {
    if (target) return obj > 0 ? std::max(0.0, (obj - b) / obj) : 0.0;
    return b > 0 ? std::max(0.0, (b - obj) / b) : 0.0;
  };
  double objective = reached ? value_of(plan) : 0;
  if (!target) bound = std::max(bound, objective);
  bool optimal = reached && gap_of(objective, bound) <= 1e-9;
  const double time_left = std::max(0.0, o.time_limit_s - since(t_bound));
  if (o.exact && !optimal && !proven_unreachable && time_left > 0.05) {
    const auto t_exact = Clock::now();
    res.exact_run = true;
    // More iterated-search rounds first: on city-sized models CBC may not get past its root LP
    // in the time left, and a better plan also sharpens the reduction below. The round count
    // follows the time limit and the instance size, never the clock, so runs repeat exactly.
    if (!target && !r.capacitated && reached && !plan.empty()) {
      CoverState st(r);
      for (uint32_t j : plan) st.open(j);
      const double work = static_cast<double>(r.cov.size()) +
                          static_cast<double>(r.sites()) * static_cast<double>(plan.size());
      const uint32_t rounds = static_cast<uint32_t>(
          std::clamp(1e8 * (o.time_limit_s / 10) / std::max(work, 1.0), 0.0, 300.0));
      iterated_search(st, lim, progress, rounds, 60, 0.5 * time_left + 1);
      std::vector<uint32_t> better_plan;
      for (uint32_t j : st.open_list())
        if (!r.fixed[j]) better_plan.push_back(j);
      const double v = covered_p(better_plan);
      if (v > objective + eps) {
        plan = better_plan;
        plan_cover = objective = v;
        res.exact_improved = true;
      }
    }
    // Lagrangian reduction: a site whose "opened" bound is below the heuristic plan cannot be in
    // a better plan, so the exact search goes without it. Any plan using one is worth at most
    // removed_max, which stays part of the bound.
    Reduced restricted;
    const Reduced* er = &r;
    double removed_max = -std::numeric_limits<double>::infinity();
    if (!lb.with_site.empty()) {
      const double lower = plan_cover - r.constant.p;
      std::vector<uint8_t> keep(r.sites(), 1);
      uint32_t removed = 0;
      for (uint32_t j = 0; j < r.sites(); ++j)
        if (!r.fixed[j] && lb.with_site[j] < lower - eps) {
          keep[j] = 0;
          ++removed;
          removed_max = std::max(removed_max, lb.with_site[j]);
        }
      for (uint32_t j : plan) keep[j] = 1;
      if (removed > 0) {
        restricted = restrict_sites(r, keep);
        er = &restricted;
      }
      res.candidates_fixed_out = removed;
    }
    std::vector<uint32_t> er_plan;
    for (uint32_t j : plan) er_plan.push_back(er->orig_site[r.site_orig[j]]);
    const MilpModel model = build_milp(*er, lim);
    std::vector<double> start;
    if (reached) start = milp_start(*er, model, er_plan);
    const double cbc_time = std::max(0.05, o.time_limit_s - since(t_bound));
    MilpSolve ms = solve_milp(model, reached ? &start : nullptr, cbc_time, progress);
    progress.throw_if_cancelled();
    if (er != &r && !target) ms.bound = std::max(ms.bound, removed_max);
    if (ms.has_solution) {
      std::vector<uint32_t> cand;
      for (uint32_t j : from_columns(*er, ms.col)) cand.push_back(r.orig_site[er->site_orig[j]]);
      const double v = value_of(cand);
      const bool ok = !target || covered_p(cand) >= o.target * W - eps;
      if (ok && (!reached || (target ? v < objective - 1e-9 : v > objective + eps))) {
        plan = cand;
        objective = v;
        plan_cover = covered_p(plan);
        reached = true;
        res.exact_improved = true;
      }
    }
    if (ms.infeasible && target) proven_unreachable = true;
    if (ms.optimal && reached) {
      bound = objective;
      res.bound_method = "cbc";
    } else if (!ms.infeasible) {
      double b = target ? ms.bound : r.constant.p + ms.bound;
      if (target && !o.min_cost) b = std::ceil(b - 1e-6);
      if (target ? b > bound : b < bound) {
        bound = b;
        res.bound_method = "cbc";
      }
    }
    // Lexicographic second stage: the secondary measure with the primary held.
    if (o.objective == Objective::single_then_double && reached && !r.capacitated &&
        o.time_limit_s - since(t_bound) > 0.05) {
      const double floor = target ? objective : objective - r.constant.p;
      const MilpModel m2 = build_milp(r, lim, MilpStage::secondary, floor);
      std::vector<double> s2 = milp_start(r, m2, plan);
      MilpSolve ms2 = solve_milp(m2, &s2, o.time_limit_s - since(t_bound), progress);
      if (ms2.has_solution) {
        std::vector<uint32_t> cand = from_columns(r, ms2.col);
        const Score now = plan_value(p, with_fixed(p, to_original(r, plan)));
        const Score then = plan_value(p, with_fixed(p, to_original(r, cand)));
        const double v = value_of(cand);
        const bool keeps = target ? (v <= objective + 1e-9 && then.p >= o.target * W - eps)
                                  : then.p >= now.p - eps;
        if (keeps && then.s > now.s + eps) plan = cand, res.exact_improved = true;
      }
    }
    res.exact_s = since(t_exact);
  }

  // 4. Report on the original problem.
  progress(0.98, "report");
  std::vector<uint32_t> chosen = to_original(r, plan);
  const std::vector<uint32_t> open = with_fixed(p, chosen);
  const Score val = plan_value(p, open);
  res.before = coverage_summary(p, with_fixed(p, {}));
  res.after = coverage_summary(p, open);
  res.count = static_cast<uint32_t>(chosen.size());
  for (uint32_t j : chosen) res.cost += p.sites[j].cost;
  res.secondary = val.s;
  res.feasible = reached;
  if (target) {
    res.objective = reached ? (o.min_cost ? res.cost : res.count) : 0;
    res.bound = reached ? std::min(bound, res.objective) : bound;
  } else {
    res.objective = val.p;
    res.bound = std::max(bound, val.p);
  }
  res.gap = reached ? gap_of(res.objective, res.bound) : 1;
  res.optimal = reached && res.gap <= 1e-9;
  if (!reached) {
    const double best = res.best_reachable;
    res.reachable_bound = proven_unreachable ? std::min(1.0, reach_bound / std::max(W, 1e-300)) : 1;
    std::ostringstream m;
    m << "coverage target " << percent(o.target) << " cannot be reached"
      << (proven_unreachable ? "" : " by the search (not proven impossible)")
      << ": the best plan found covers " << percent(best);
    if (proven_unreachable) m << ", and no plan covers more than " << percent(res.reachable_bound);
    if (!conflicts.empty()) m << " (with " << o.spacing_m << " m spacing)";
    res.message = m.str();
    // Still hand back the plan reaching the most, so the planner sees where it ends.
    Limits all = lim;
    all.goal = Goal::max_cover_k;
    all.k = r.sites();
    chosen = to_original(r, heuristic(r, all, progress, 1.0));
    const std::vector<uint32_t> open2 = with_fixed(p, chosen);
    res.after = coverage_summary(p, open2);
    res.count = static_cast<uint32_t>(chosen.size());
    res.cost = 0;
    for (uint32_t j : chosen) res.cost += p.sites[j].cost;
  }
  res.sites = describe_plan(p, chosen, conflicts);
  progress(1, "done");
  return res;
}

}  // namespace yz::siting
