#include "engine/coverage/site_cover.hpp"

#include <algorithm>
#include <iterator>

namespace yz {

std::vector<uint32_t> SiteCover::covered(Criterion c) const {
  std::vector<uint32_t> out;
  switch (c) {
    case Criterion::walk: return walk;
    case Criterion::radius: return radius;
    case Criterion::both:
      std::set_intersection(walk.begin(), walk.end(), radius.begin(), radius.end(), std::back_inserter(out));
      return out;
    case Criterion::either:
      std::set_union(walk.begin(), walk.end(), radius.begin(), radius.end(), std::back_inserter(out));
      return out;
  }
  return out;
}

std::vector<uint32_t> SiteCover::covered_without_joins(Criterion c) const {
  if (!joins_matter() || c == Criterion::radius) return covered(c);
  SiteCover plain;
  std::vector<uint32_t> kept;
  std::set_difference(walk.begin(), walk.end(), join_gain.begin(), join_gain.end(),
                      std::back_inserter(kept));
  std::set_union(kept.begin(), kept.end(), join_loss.begin(), join_loss.end(),
                 std::back_inserter(plain.walk));
  plain.radius = radius;
  return plain.covered(c);
}

}  // namespace yz
