#include "engine/inputs/point_set.hpp"

namespace yz {

const std::string& PointSet::attr(size_t i, const std::string& column) const {
  static const std::string empty;
  for (size_t c = 0; c < attr_names.size(); ++c)
    if (attr_names[c] == column) return i < attr_values.size() ? attr_values[i][c] : empty;
  return empty;
}

}  // namespace yz
