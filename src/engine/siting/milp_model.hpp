#pragma once
// The siting problem as a mixed-integer program (plain arrays; CBC/CLP stay in the .cpp files
// that solve it). Always a minimisation: max objectives are negated.
//   x_j in {0,1}    open site j (existing stations: fixed to 1)
//   y_g, z_g in [0,1]  group g covered once / twice (y + z <= base + sum x, z <= y)
//   a_gj >= 0       with capacities: workers of g served by j (sum_j a_gj <= w_g,
//                   sum_g a_gj <= cap_j x_j, a_gj <= w_g x_j)
//   k: sum x <= k | budget: sum c x <= B | target: coverage >= need, minimise sum c x (or sum x)
//   spacing: x_a + x_b <= 1 for each clashing pair
#include <cstdint>
#include <string>
#include <vector>

#include "engine/siting/presolve.hpp"
#include "engine/siting/siting_limits.hpp"

namespace yz::siting {

struct MilpModel {
  std::vector<double> col_lb, col_ub, obj;
  std::vector<uint8_t> integer;
  // Rows in CSR form.
  std::vector<uint32_t> row_first{0}, row_col;
  std::vector<double> row_val, row_lb, row_ub;
  uint32_t x_cols = 0;                 // columns [0, x_cols) are the sites' x_j
  std::vector<uint32_t> y_col, z_col;  // per group, or kNone
  uint32_t a_first = 0;  // capacities: a_gj columns from here, by group then inv order
  bool negated = false;  // objective was a maximisation: solver value = -true value
  uint32_t cols() const { return static_cast<uint32_t>(obj.size()); }
  uint32_t rows() const { return static_cast<uint32_t>(row_lb.size()); }
  size_t nonzeros() const { return row_val.size(); }
};

enum class MilpStage : uint8_t {
  primary,    // the goal's own objective
  secondary,  // max the tie-break measure with the primary held at `floor` (max goals: primary
              // value >= floor; target goal: cost (or count) <= floor)
};

// floor is in presolved terms (gain over the constant for max goals).
MilpModel build_milp(const Reduced& r, const Limits& lim, MilpStage stage = MilpStage::primary,
                     double floor = 0);

// Column values of a full solution from the open sites (y, z, a filled in consistently; a from
// a greedy split, which is feasible, not optimal).
std::vector<double> milp_start(const Reduced& r, const MilpModel& m,
                               const std::vector<uint32_t>& open);

// Model value of column values (objective, true sense).
double milp_value(const MilpModel& m, const std::vector<double>& col);

}  // namespace yz::siting
