#pragma once
// The allocation table greedy and local search share: per demand group, how many open sites cover
// it and which ones while there are at most two (kept as the sum of their ids and of their
// squares, so no per-group list is needed); per site, how many open sites clash with it. Gains,
// losses and swap corrections are then linear in the cover lists involved.
#include <cstdint>
#include <vector>

#include "engine/siting/presolve.hpp"

namespace yz::siting {

class CoverState {
 public:
  explicit CoverState(const Reduced& r);

  Score gain(uint32_t j) const;  // value added by opening j
  Score loss(uint32_t j) const;  // value lost by closing open j
  void open(uint32_t j);
  void close(uint32_t j);

  bool is_open(uint32_t j) const { return open_[j] != 0; }
  uint32_t clashes(uint32_t j) const { return clash_[j]; }  // open sites in conflict with j
  Score value() const { return value_; }                    // gain over the presolve constant
  double cost() const { return cost_; }                     // money of open non-fixed sites
  uint32_t count() const { return count_; }                 // open non-fixed sites
  const std::vector<uint32_t>& open_list() const { return order_; }  // in opening order
  uint32_t covering(uint32_t g) const { return r_.base[g] + k_[g]; }

  // For a group with at most two open covering sites, writes them (returns how many).
  uint32_t owners(uint32_t g, uint32_t out[2]) const;

  // Change in value if `a` (closed) opens and each open site r closes, as corrections:
  // delta(r) = gain(a) - loss(r) + corr[r]. Adds into corr (indexed by site; only open sites are
  // touched, so the caller resets corr over open_list() afterwards).
  void swap_corrections(uint32_t a, std::vector<Score>& corr) const;

  const Reduced& reduced() const { return r_; }

 private:
  const Reduced& r_;
  std::vector<uint32_t> k_;        // open covering sites per group
  std::vector<uint64_t> s1_, s2_;  // sum of their ids and of their squares (mod 2^64)
  std::vector<uint8_t> open_;
  std::vector<uint32_t> clash_;
  std::vector<uint32_t> order_;
  Score value_;
  double cost_ = 0;
  uint32_t count_ = 0;
};

}  // namespace yz::siting
