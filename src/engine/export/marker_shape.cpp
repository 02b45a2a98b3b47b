#include "engine/export/marker_shape.hpp"

#include <iterator>

#include "engine/inputs/site_attributes.hpp"

namespace yz {

static_assert(std::size(kHostTypes) == 5, "host_shape(uint8_t) has a shape for every host type");

MarkerShape host_shape(const std::string& host_type) {
  for (size_t k = 0; k < std::size(kHostTypes); ++k)
    if (host_type == kHostTypes[k]) return host_shape(static_cast<uint8_t>(k));
  return MarkerShape::circle;
}

}  // namespace yz
