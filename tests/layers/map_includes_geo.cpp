// Probe for the test layer_fence_allows: the map layer may include itself and the layers below.
#include "engine/geo/vec2.hpp"
#include "engine/map/road_class.hpp"
#include "engine/util/error.hpp"

int main() { return 0; }
