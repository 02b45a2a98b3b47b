#include "engine/siting/siting_solver.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <sstream>

#include "engine/siting/capacity_bound.hpp"
#include "engine/siting/capacity_greedy.hpp"
#include "engine/siting/capacity_search.hpp"
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

// Work budgets. Everything that decides the plan is limited by counted work, never by the clock,
// so a slow or loaded machine returns the same stations (see Options::time_limit_s). Units:
// local-search units (local_search.hpp), cover-matrix entries per Lagrangian iteration,
// simplex iterations and nodes for CBC. Calibrated so that on a typical 2020s core the heuristic
// of a city-sized instance takes about a second and CBC's budget ends well inside the time limit.
constexpr double kLocalSearchWork = 6e7;      // first swap search
constexpr double kIteratedWork = 8e7;         // iterated search of the heuristic
constexpr double kIteratedRoundWork = 2e7;    // sets its round count from one round's size
constexpr double kExactIteratedWork = 2.5e8;  // more rounds before CBC, per 10 s of time limit
constexpr double kLagrangianWork = 1e9;       // Lagrangian bound, per 10 s of time limit
constexpr double kCapacitySearchWork = 2e8;
constexpr double kCbcNodes = 20000;         // per 10 s of time limit
constexpr double kCbcIterationWork = 2e10;  // simplex iterations x model size, per 10 s

// Heuristic plan on the presolved problem: reduced ids of the new sites.
std::vector<uint32_t> heuristic(const Reduced& r, const Limits& lim, const Progress& progress) {
  std::vector<uint32_t> out;
  if (r.capacitated) {
    for (uint32_t j : capacity_greedy(r, lim, progress))
      if (!r.fixed[j]) out.push_back(j);
    if (lim.goal != Goal::min_for_target)
      capacity_local_search(r, lim, out, progress, static_cast<uint64_t>(kCapacitySearchWork));
    return out;
  }
  CoverState st(r);
  lazy_greedy(st, lim, progress);
  local_search(st, lim, progress, static_cast<uint64_t>(kLocalSearchWork));
  // Rounds scale with the work one costs (cover matrix + sites x plan), so a city-sized instance
  // stays near a second.
  const double work = static_cast<double>(r.cov.size()) +
                      static_cast<double>(r.sites()) * std::max<size_t>(st.open_list().size(), 1);
  const uint32_t rounds =
      static_cast<uint32_t>(std::clamp(kIteratedRoundWork / std::max(work, 1.0), 5.0, 100.0));
  iterated_search(st, lim, progress, rounds, 30, static_cast<uint64_t>(kIteratedWork));
  for (uint32_t j : st.open_list())
    if (!r.fixed[j]) out.push_back(j);
  return out;
}

// CBC's deterministic budget for a model: nodes, and simplex iterations in proportion to how
// much one iteration costs (about the model's size).
MilpLimits cbc_limits(const MilpModel& m, double scale, double seconds) {
  MilpLimits l;
  l.time_limit_s = seconds;
  l.max_nodes = std::max(100.0, kCbcNodes * scale);
  const double size = static_cast<double>(m.nonzeros()) + m.rows() + m.cols() + 1.0;
  l.max_iterations = std::clamp(kCbcIterationWork * scale / size, 5000.0, 5e7);
  return l;
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
  // Budgets follow the time-limit setting (never the clock): more time, more deterministic work.
  const double scale = std::clamp(o.time_limit_s / 10.0, 0.05, 10.0);
  const auto time_left = [&] { return std::max(0.0, o.time_limit_s - since(t_start)); };
  // The heuristic stages (greedy, swap and iterated search, also the extra rounds before CBC)
  // always run to the end of their work budgets. The Lagrangian bound and CBC stop at the time
  // limit at the latest; once the clock has cut one short, the stages after it may still tighten
  // the bound but no longer change the plan: what they would return depends on the machine.
  bool repeatable = true;
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
  std::vector<uint32_t> plan = heuristic(r, lim, progress);
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
    std::vector<uint32_t> best = heuristic(r, all, progress);
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
        local_search(st, lim, progress, static_cast<uint64_t>(kLocalSearchWork));
        plan.clear();
        for (uint32_t j : st.open_list()) plan.push_back(j);
      }
      plan_cover = covered_p(plan);
    }
    res.heuristic_objective = reached ? cost_of(plan) : 0;
  }

  // 2. Bound. Only the Lagrangian bounds feed back into the plan (through the reduction below);
  // they are iteration-counted. The LP is for the proof only, so it may be stopped by the clock.
  const auto t_bound = Clock::now();
  double bound = target ? 0 : W;  // trivial
  res.bound_method = "trivial";
  LagrangianBound lb;
  if (!target && !r.capacitated) {
    const double gain = plan_cover - r.constant.p;
    lb =
        lagrangian_bound(r, lim, gain, progress, 1e-4,
                         lagrangian_iterations(r, kLagrangianWork * scale, 100, 3000), time_left());
    if (lb.stopped_by_time) repeatable = false, res.stopped_by_time = true;
    bound = std::min(bound, r.constant.p + lb.bound);
    res.bound_method = "lagrangian";
  } else if (!target) {
    const CapacityBound cb = capacity_bound(
        r, lim, plan_cover - r.constant.p, progress,
        lagrangian_iterations(r, kLagrangianWork * scale, 50, 2000), 1e-4, 0.5 * time_left());
    bound = std::min(bound, r.constant.p + cb.bound);
    res.bound_method = "capacity lagrangian";
  } else if (!proven_unreachable) {
    MilpSolve lp = solve_lp(build_milp(r, lim), 0.3 * time_left(), progress);
    if (lp.optimal) {
      double b = lp.bound;
      if (!o.min_cost) b = std::ceil(b - 1e-6);
      bound = std::max(bound, b);
      res.bound_method = "lp";
    } else if (lp.infeasible) {
      proven_unreachable = true;
    } else {
      res.stopped_by_time = true;
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
  // A solution CBC found is used only when CBC stopped by itself (proof, or its node/iteration
  // budget): one the clock cut short depends on the machine's speed.
  auto usable = [&](const MilpSolve& ms) { return ms.has_solution && !ms.by_time && repeatable; };
  double objective = reached ? value_of(plan) : 0;
  if (!target) bound = std::max(bound, objective);
  bool optimal = reached && gap_of(objective, bound) <= 1e-9;
  const auto t_exact = Clock::now();
  if (o.exact && !optimal && !proven_unreachable) {
    res.exact_run = true;
    // More iterated-search rounds first: on city-sized models CBC may not get past its root LP
    // in the time left, and a better plan also sharpens the reduction below. Rounds and work
    // follow the time-limit setting and the instance size, never the clock.
    if (!target && !r.capacitated && reached && !plan.empty()) {
      CoverState st(r);
      for (uint32_t j : plan) st.open(j);
      const double work = static_cast<double>(r.cov.size()) +
                          static_cast<double>(r.sites()) * static_cast<double>(plan.size());
      const uint32_t rounds = static_cast<uint32_t>(
          std::clamp(kExactIteratedWork * scale / 4 / std::max(work, 1.0), 0.0, 300.0));
      // Part of the plan, so never cut by the clock (its budget is sized to leave CBC time).
      iterated_search(st, lim, progress, rounds, 60,
                      static_cast<uint64_t>(kExactIteratedWork * scale));
      std::vector<uint32_t> better_plan;
      for (uint32_t j : st.open_list())
        if (!r.fixed[j]) better_plan.push_back(j);
      const double v = covered_p(better_plan);
      if (v > objective + eps) {
        plan = better_plan;
        plan_cover = objective = v;
        res.exact_improved = true;
        res.plan_source = "iterated search";
      }
    }
  }
  // The extra rounds run whatever the clock says (they decide the plan); CBC only with time left.
  if (o.exact && !optimal && !proven_unreachable && time_left() <= 0.05)
    res.stopped_by_time = true;  // no time left for CBC: the proof ends here
  if (o.exact && !optimal && !proven_unreachable && time_left() > 0.05) {
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
    // When the second stage follows, the first leaves it part of the time.
    const bool second = o.objective == Objective::single_then_double && !r.capacitated;
    const double share = second ? 0.6 : 1.0;
    MilpSolve ms = solve_milp(model, reached ? &start : nullptr,
                              cbc_limits(model, scale * share, share * time_left()), progress);
    progress.throw_if_cancelled();
    res.cbc_nodes = ms.nodes;
    res.cbc_iterations = ms.iterations;
    if (ms.by_time) res.stopped_by_time = true;
    if (er != &r && !target) ms.bound = std::max(ms.bound, removed_max);
    if (usable(ms)) {
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
        res.plan_source = "cbc";
      }
    }
    if (ms.infeasible && target) proven_unreachable = true;
    if (ms.optimal && reached) {
      bound = objective;
      res.bound_method = "cbc";
    } else if (!ms.infeasible) {
      double b = target ? ms.bound : r.constant.p + ms.bound;
      if (target && !o.min_cost) b = std::ceil(b - 1e-6);
      if (std::isfinite(b) && (target ? b > bound : b < bound)) {
        bound = b;
        res.bound_method = "cbc";
      }
    }
  }
  // Lexicographic second stage: the most double coverage with the primary held at what the plan
  // reaches. Runs whether or not the primary was proven optimal; its own bound and proof are
  // reported apart (secondary_bound, secondary_optimal).
  double sec_bound = W;
  bool sec_optimal = false;
  if (o.objective == Objective::single_then_double && o.exact && reached && !r.capacitated &&
      time_left() > 0.05) {
    res.secondary_run = true;
    const double floor = target ? objective : objective - r.constant.p;
    const MilpModel m2 = build_milp(r, lim, MilpStage::secondary, floor);
    std::vector<double> s2 = milp_start(r, m2, plan);
    MilpSolve ms2 = solve_milp(m2, &s2, cbc_limits(m2, scale * 0.4, time_left()), progress);
    progress.throw_if_cancelled();
    if (ms2.by_time) res.stopped_by_time = true;
    const Score now = plan_value(p, with_fixed(p, to_original(r, plan)));
    if (usable(ms2)) {
      std::vector<uint32_t> cand = from_columns(r, ms2.col);
      const Score then = plan_value(p, with_fixed(p, to_original(r, cand)));
      const double v = value_of(cand);
      const bool keeps =
          target ? (v <= objective + 1e-9 && then.p >= o.target * W - eps) : then.p >= now.p - eps;
      if (keeps && then.s > now.s + eps) {
        plan = cand;
        plan_cover = then.p;
        res.exact_improved = true;
        res.plan_source = "cbc second stage";
      }
    }
    const double s_now = plan_value(p, with_fixed(p, to_original(r, plan))).s;
    // CBC's values carry its feasibility tolerance; the plan's own value is exact.
    const double tol = 1e-6 * std::max(1.0, W);
    if (ms2.optimal) {
      const double best = r.constant.s + ms2.objective;
      sec_bound = best > s_now + tol ? best : s_now;
    } else if (!ms2.infeasible && std::isfinite(ms2.bound)) {
      const double b = r.constant.s + ms2.bound;
      sec_bound = std::min(sec_bound, b > s_now + tol ? b : s_now);
    }
    sec_optimal = sec_bound <= s_now + eps;
  }
  if (res.exact_run || res.secondary_run) res.exact_s = since(t_exact);

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
  res.secondary_bound = std::max(sec_bound, val.s);
  res.secondary_optimal = sec_optimal;
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
    if (!conflicts.empty()) {
      if (o.spacing_m > 0 && o.spacing_walk_m > 0)
        m << " (with " << o.spacing_m << " m spacing and " << o.spacing_walk_m
          << " m walking spacing)";
      else if (o.spacing_walk_m > 0)
        m << " (with " << o.spacing_walk_m << " m walking spacing)";
      else if (o.spacing_m > 0)
        m << " (with " << o.spacing_m << " m spacing)";
      else
        m << " (with the given site conflicts)";
    }
    res.message = m.str();
    // Still hand back the plan reaching the most, so the planner sees where it ends.
    Limits all = lim;
    all.goal = Goal::max_cover_k;
    all.k = r.sites();
    chosen = to_original(r, heuristic(r, all, progress));
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
