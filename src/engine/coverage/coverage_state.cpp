#include "engine/coverage/coverage_state.hpp"

#include <algorithm>
#include <iterator>

namespace yz {

const CriterionTotals& CoverageSummary::of(Criterion c) const {
  switch (c) {
    case Criterion::walk: return walk;
    case Criterion::radius: return radius;
    case Criterion::both: return both;
    case Criterion::either: return either;
  }
  return walk;
}

const JoinEffect& CoverageSummary::joins(Criterion c) const {
  static const JoinEffect none;
  switch (c) {
    case Criterion::walk:
      return join_walk;
    case Criterion::both:
      return join_both;
    case Criterion::either:
      return join_either;
    case Criterion::radius:
      return none;
  }
  return none;
}

CoverageState::CoverageState(const std::vector<double>& w, const std::vector<uint8_t>* snapped) : weight_(w) {
  for (auto& c : counts_) c.assign(w.size(), 0);
  for (int c : {0, 2, 3}) plain_[c].assign(w.size(), 0);
  for (size_t i = 0; i < w.size(); ++i) {
    summary_.total += w[i];
    if (snapped && !(*snapped)[i]) summary_.unsnapped += w[i];
  }
}

namespace {
CriterionTotals& totals(CoverageSummary& s, Criterion c) {
  return const_cast<CriterionTotals&>(s.of(c));
}
}  // namespace

void CoverageState::bump(Criterion c, uint32_t d, int sign) {
  uint16_t& n = counts_[static_cast<int>(c)][d];
  const double w = weight_[d];
  auto& t = totals(summary_, c);
  const uint16_t before = n;
  n = static_cast<uint16_t>(n + sign);
  auto band = [](uint16_t k) { return k == 0 ? 0 : k == 1 ? 1 : 2; };
  const int b0 = band(before), b1 = band(n);
  if (b0 == b1) return;
  auto add = [&](int b, double s) {
    if (b >= 1) t.covered += s;
    if (b == 1) t.once += s;
    if (b == 2) t.twice += s;
  };
  add(b0, -w);
  add(b1, w);
}

void CoverageState::apply(const SiteCover& cv, int sign) {
  // Disagreement before, for the demand this station touches.
  std::vector<uint32_t> either = cv.covered(Criterion::either);
  auto disagreement = [&](int s) {
    for (uint32_t d : either) {
      const bool w = counts_[0][d] > 0, r = counts_[1][d] > 0;
      if (r && !w) summary_.radius_not_walk += s * weight_[d];
      if (w && !r) summary_.walk_not_radius += s * weight_[d];
    }
  };
  // The island rule's effect, for the demand this station touches with the rule on or off. While
  // no active station's coverage depends on the rule, counts with and without it are equal and the
  // effect is zero: nothing to recount.
  const bool recount = join_covers_ > 0 || cv.joins_matter();
  std::vector<uint32_t> touched;
  if (recount)
    std::set_union(either.begin(), either.end(), cv.join_loss.begin(), cv.join_loss.end(),
                   std::back_inserter(touched));
  auto join_effect = [&](int s) {
    for (uint32_t d : touched)
      for (Criterion c : {Criterion::walk, Criterion::both, Criterion::either}) {
        const int k = static_cast<int>(c);
        const bool on = counts_[k][d] > 0, off = plain_[k][d] > 0;
        JoinEffect& e = c == Criterion::walk   ? summary_.join_walk
                        : c == Criterion::both ? summary_.join_both
                                               : summary_.join_either;
        if (on && !off) e.only_through_joins += s * weight_[d];
        if (off && !on) e.only_without_joins += s * weight_[d];
      }
  };
  disagreement(-1);
  join_effect(-1);
  const std::vector<uint32_t> both = cv.covered(Criterion::both);
  for (uint32_t d : cv.walk) bump(Criterion::walk, d, sign);
  for (uint32_t d : cv.radius) bump(Criterion::radius, d, sign);
  for (uint32_t d : both) bump(Criterion::both, d, sign);
  for (uint32_t d : either) bump(Criterion::either, d, sign);
  for (Criterion c : {Criterion::walk, Criterion::both, Criterion::either}) {
    auto& n = plain_[static_cast<int>(c)];
    auto count = [&](const std::vector<uint32_t>& ids) {
      for (uint32_t d : ids) n[d] = static_cast<uint16_t>(n[d] + sign);
    };
    if (cv.joins_matter())
      count(cv.covered_without_joins(c));
    else
      count(c == Criterion::walk ? cv.walk : c == Criterion::both ? both : either);
  }
  if (cv.joins_matter()) join_covers_ = sign > 0 ? join_covers_ + 1 : join_covers_ - 1;
  disagreement(+1);
  join_effect(+1);
}

uint32_t CoverageState::add(SiteCover cover) {
  apply(cover, +1);
  covers_.push_back(std::move(cover));
  active_.push_back(1);
  return static_cast<uint32_t>(covers_.size() - 1);
}

void CoverageState::replace(uint32_t slot, SiteCover cover) {
  if (active_[slot]) apply(covers_[slot], -1);
  apply(cover, +1);
  covers_[slot] = std::move(cover);
  active_[slot] = 1;
}

void CoverageState::remove(uint32_t slot) {
  if (!active(slot)) return;
  apply(covers_[slot], -1);
  covers_[slot] = SiteCover{};
  active_[slot] = 0;
}

double CoverageState::covered_weight(uint32_t slot, Criterion c) const {
  if (!active(slot)) return 0;
  double s = 0;
  for (uint32_t d : covers_[slot].covered(c)) s += weight_[d];
  return s;
}

double CoverageState::unique_weight(uint32_t slot, Criterion c) const {
  if (!active(slot)) return 0;
  double s = 0;
  const auto& cnt = counts_[static_cast<int>(c)];
  for (uint32_t d : covers_[slot].covered(c))
    if (cnt[d] == 1) s += weight_[d];
  return s;
}

}  // namespace yz
