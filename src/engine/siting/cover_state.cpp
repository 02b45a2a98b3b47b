#include "engine/siting/cover_state.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace yz::siting {

CoverState::CoverState(const Reduced& r)
    : r_(r),
      k_(r.groups(), 0),
      s1_(r.groups(), 0),
      s2_(r.groups(), 0),
      open_(r.sites(), 0),
      clash_(r.sites(), 0) {}

Score CoverState::gain(uint32_t j) const {
  Score s;
  const ValueModel& v = r_.value;
  for (const uint32_t* g = r_.cov_begin(j); g != r_.cov_end(j); ++g) {
    uint32_t c = r_.base[*g] + k_[*g];
    if (c < 2) s += v.step(c) * r_.weight[*g];
  }
  return s;
}

Score CoverState::loss(uint32_t j) const {
  Score s;
  const ValueModel& v = r_.value;
  for (const uint32_t* g = r_.cov_begin(j); g != r_.cov_end(j); ++g) {
    uint32_t c = r_.base[*g] + k_[*g];
    if (c <= 2) s += v.step(c - 1) * r_.weight[*g];
  }
  return s;
}

void CoverState::open(uint32_t j) {
  assert(!open_[j]);
  value_ += gain(j);
  const uint64_t id = j, sq = id * id;
  for (const uint32_t* g = r_.cov_begin(j); g != r_.cov_end(j); ++g) {
    ++k_[*g];
    s1_[*g] += id;
    s2_[*g] += sq;
  }
  for (const uint32_t* c = r_.conf_begin(j); c != r_.conf_end(j); ++c) ++clash_[*c];
  open_[j] = 1;
  order_.push_back(j);
  if (!r_.fixed[j]) {
    cost_ += r_.cost[j];
    ++count_;
  }
}

void CoverState::close(uint32_t j) {
  assert(open_[j]);
  value_ -= loss(j);
  const uint64_t id = j, sq = id * id;
  for (const uint32_t* g = r_.cov_begin(j); g != r_.cov_end(j); ++g) {
    --k_[*g];
    s1_[*g] -= id;
    s2_[*g] -= sq;
  }
  for (const uint32_t* c = r_.conf_begin(j); c != r_.conf_end(j); ++c) --clash_[*c];
  open_[j] = 0;
  order_.erase(std::find(order_.begin(), order_.end(), j));
  if (!r_.fixed[j]) {
    cost_ -= r_.cost[j];
    --count_;
  }
}

uint32_t CoverState::owners(uint32_t g, uint32_t out[2]) const {
  if (k_[g] == 1) {
    out[0] = static_cast<uint32_t>(s1_[g]);
    return 1;
  }
  if (k_[g] == 2) {
    // a + b = s, a^2 + b^2 = q  =>  (a - b)^2 = 2q - s^2, exact in wrapping 64-bit arithmetic
    // because the true value is below 2^64.
    const uint64_t s = s1_[g], d2 = 2 * s2_[g] - s * s;
    uint64_t d = static_cast<uint64_t>(std::sqrt(static_cast<double>(d2)));
    while (d * d > d2) --d;
    while ((d + 1) * (d + 1) <= d2) ++d;
    out[0] = static_cast<uint32_t>((s - d) / 2);
    out[1] = static_cast<uint32_t>((s + d) / 2);
    return 2;
  }
  return 0;
}

void CoverState::swap_corrections(uint32_t a, std::vector<Score>& corr) const {
  const ValueModel& v = r_.value;
  for (const uint32_t* g = r_.cov_begin(a); g != r_.cov_end(a); ++g) {
    const uint32_t c = r_.base[*g] + k_[*g];
    if (c == 0 || c > 2) continue;
    uint32_t own[2];
    const uint32_t n = owners(*g, own);
    if (n == 0) continue;
    const Score d = (v.step(c - 1) - v.step(c)) * r_.weight[*g];
    for (uint32_t t = 0; t < n; ++t) corr[own[t]] += d;
  }
}

}  // namespace yz::siting
