#include "engine/siting/siting_problem.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/inputs/weight_limits.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz::siting {

double Problem::total_weight() const {
  double s = 0;
  for (double w : demand_weight) s += w;
  return s;
}

bool Problem::capacitated() const {
  for (const Site& s : sites)
    if (std::isfinite(s.capacity)) return true;
  return false;
}

uint32_t Problem::fixed_count() const {
  uint32_t n = 0;
  for (const Site& s : sites) n += s.fixed ? 1 : 0;
  return n;
}

void Options::validate() const {
  if (goal == Goal::max_cover_k) check_param("k", k, kK);
  if (goal == Goal::max_cover_budget) check_param("budget", budget, kBudget);
  check_param("spacing_m", spacing_m, kSpacingM);
  check_param("spacing_walk_m", spacing_walk_m, kSpacingM);
  check_param("time_limit_s", time_limit_s, kTimeLimitS);
}

void validate(const Problem& p) {
  const auto bad = [](Message what) { throw CodedError("siting", std::move(what)); };
  if (p.sites.size() >= std::numeric_limits<uint32_t>::max() ||
      p.demand_weight.size() >= std::numeric_limits<uint32_t>::max())
    bad(Msg::siting_too_many);
  for (size_t i = 0; i < p.demand_weight.size(); ++i)
    if (!(p.demand_weight[i] >= 0) || !std::isfinite(p.demand_weight[i]))
      bad(Message(Msg::siting_bad_weight, {{"index", i}}));
  const uint32_t n = static_cast<uint32_t>(p.demand_weight.size());
  for (size_t j = 0; j < p.sites.size(); ++j) {
    const Site& s = p.sites[j];
    for (size_t t = 0; t < s.covers.size(); ++t) {
      if (s.covers[t] >= n) bad(Message(Msg::siting_unknown_demand, {{"index", j}}));
      if (t > 0 && s.covers[t] <= s.covers[t - 1])
        bad(Message(Msg::siting_unsorted, {{"index", j}}));
    }
    if (!(s.cost >= 0) || !std::isfinite(s.cost))
      bad(Message(Msg::siting_bad_cost, {{"index", j}}));
    if (!(s.capacity >= 0)) bad(Message(Msg::siting_bad_capacity, {{"index", j}}));
  }
  const Options& o = p.options;
  o.validate();
  if (!(p.total_weight() <= kMaxTotalDemand)) bad(Msg::siting_total_weight);
  if (o.goal == Goal::min_for_target && !(o.target > 0 && o.target <= 1))
    bad(Msg::siting_bad_target);
  for (auto [a, b] : o.conflicts)
    if (a >= p.sites.size() || b >= p.sites.size() || a == b) bad(Msg::siting_bad_conflict);
  if (p.capacitated() && o.objective != Objective::single) bad(Msg::siting_capacity_double);
}

Problem make_siting_problem(const std::vector<SiteCover>& covers, Criterion criterion,
                            std::vector<double> demand_weight, uint32_t fixed_count,
                            const std::vector<Vec2>& positions, const std::vector<double>& costs,
                            const std::vector<double>& capacities, Options options) {
  if (positions.size() != covers.size()) throw CodedError("siting", Msg::siting_one_position);
  if (!costs.empty() && costs.size() != covers.size())
    throw CodedError("siting", Msg::siting_one_cost);
  if (!capacities.empty() && capacities.size() != covers.size())
    throw CodedError("siting", Msg::siting_one_capacity);
  if (fixed_count > covers.size()) throw CodedError("siting", Msg::siting_fixed_count);
  Problem p;
  p.demand_weight = std::move(demand_weight);
  p.options = std::move(options);
  p.sites.resize(covers.size());
  for (size_t j = 0; j < covers.size(); ++j) {
    Site& s = p.sites[j];
    s.covers = covers[j].covered(criterion);
    s.fixed = j < fixed_count;
    s.pos = positions[j];
    if (!costs.empty()) s.cost = costs[j];
    if (!capacities.empty()) s.capacity = capacities[j];
  }
  validate(p);
  return p;
}

std::vector<std::pair<uint32_t, uint32_t>> conflict_pairs(const Problem& p) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (auto [a, b] : p.options.conflicts) {
    if (p.sites[a].fixed && p.sites[b].fixed) continue;
    out.emplace_back(std::min(a, b), std::max(a, b));
  }
  const double d = p.options.spacing_m;
  if (d > 0) {
    // Uniform grid with cell = spacing: only neighbouring cells can hold a conflict. std::map keeps
    // the iteration order fixed (the output is sorted anyway).
    std::map<std::pair<int64_t, int64_t>, std::vector<uint32_t>> grid;
    auto cell = [d](Vec2 v) {
      return std::pair<int64_t, int64_t>{static_cast<int64_t>(std::floor(v.x / d)),
                                         static_cast<int64_t>(std::floor(v.y / d))};
    };
    for (uint32_t j = 0; j < p.sites.size(); ++j) grid[cell(p.sites[j].pos)].push_back(j);
    for (uint32_t j = 0; j < p.sites.size(); ++j) {
      auto [cx, cy] = cell(p.sites[j].pos);
      for (int64_t dx = -1; dx <= 1; ++dx)
        for (int64_t dy = -1; dy <= 1; ++dy) {
          auto it = grid.find({cx + dx, cy + dy});
          if (it == grid.end()) continue;
          for (uint32_t l : it->second) {
            if (l <= j || (p.sites[j].fixed && p.sites[l].fixed)) continue;
            if (distance(p.sites[j].pos, p.sites[l].pos) < d) out.emplace_back(j, l);
          }
        }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string to_string(Goal g) {
  switch (g) {
    case Goal::max_cover_k:
      return "k";
    case Goal::max_cover_budget:
      return "budget";
    case Goal::min_for_target:
      return "target";
  }
  return "?";
}

std::string to_string(Objective o) {
  switch (o) {
    case Objective::single:
      return "single";
    case Objective::double_cover:
      return "double";
    case Objective::single_then_double:
      return "single-then-double";
  }
  return "?";
}

bool parse_objective(std::string_view s, Objective& out) {
  for (Objective o : {Objective::single, Objective::double_cover, Objective::single_then_double})
    if (to_string(o) == s) {
      out = o;
      return true;
    }
  return false;
}

}  // namespace yz::siting
