#pragma once
// The goal's limits in presolved terms, shared by the heuristics and the exact model.
#include <cstdint>

#include "engine/siting/presolve.hpp"

namespace yz::siting {

struct Limits {
  Goal goal = Goal::max_cover_k;
  uint32_t k = 0;     // max_cover_k
  double budget = 0;  // max_cover_budget
  double need = 0;    // min_for_target: primary value needed over the presolve constant
  bool min_cost = false;
  double eps = 1e-9;  // comparison tolerance, scaled to the total demand weight

  static Limits of(const Problem& p, const Reduced& r) {
    Limits l;
    l.goal = p.options.goal;
    l.k = p.options.k;
    l.budget = p.options.budget;
    l.min_cost = p.options.min_cost;
    l.eps = 1e-9 * (r.total_weight > 1 ? r.total_weight : 1.0);
    l.need = p.options.target * r.total_weight - r.constant.p;
    return l;
  }
  bool target_met(double value_p) const { return value_p >= need - eps; }
};

}  // namespace yz::siting
