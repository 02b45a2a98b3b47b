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

}  // namespace yz
