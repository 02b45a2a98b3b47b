#pragma once
// What covering a worker once or twice is worth, and the two-level score (primary objective,
// then a tie-breaking secondary one) that greedy and local search compare.
#include <cmath>

#include "engine/siting/siting_problem.hpp"

namespace yz::siting {

struct Score {
  double p = 0;  // primary objective (what the goal optimises and the bound proves)
  double s = 0;  // secondary: breaks ties (double coverage after single, or the reverse)
  Score& operator+=(Score o) {
    p += o.p;
    s += o.s;
    return *this;
  }
  Score& operator-=(Score o) {
    p -= o.p;
    s -= o.s;
    return *this;
  }
  friend Score operator+(Score a, Score b) { return a += b; }
  friend Score operator-(Score a, Score b) { return a -= b; }
  friend Score operator*(Score a, double f) { return {a.p * f, a.s * f}; }
};

// a clearly better than b: sums of doubles are compared with a tolerance `eps` so that rounding
// never decides (ties then fall to the caller's index order, which keeps runs deterministic).
inline bool better(Score a, Score b, double eps) {
  if (a.p > b.p + eps) return true;
  if (a.p < b.p - eps) return false;
  return a.s > b.s + eps;
}

// Value of the first and of the second coverage of one worker, for both levels.
struct ValueModel {
  double p1 = 1, p2 = 0, s1 = 0, s2 = 0;
  static ValueModel of(Objective o) {
    switch (o) {
      case Objective::single:
        return {1, 0, 0, 0};
      case Objective::double_cover:
        return {0, 1, 1, 0};  // ties broken by single coverage
      case Objective::single_then_double:
        return {1, 0, 0, 1};
    }
    return {};
  }
  // Worth of a worker covered c times.
  Score at(unsigned c) const {
    return {(c >= 1 ? p1 : 0) + (c >= 2 ? p2 : 0), (c >= 1 ? s1 : 0) + (c >= 2 ? s2 : 0)};
  }
  // Gain of going from c to c+1 coverings.
  Score step(unsigned c) const {
    if (c == 0) return {p1, s1};
    if (c == 1) return {p2, s2};
    return {};
  }
  unsigned saturation() const { return (p2 != 0 || s2 != 0) ? 2 : 1; }
  bool uses_double() const { return saturation() == 2; }
};

}  // namespace yz::siting
