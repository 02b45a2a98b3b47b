// Probe for the test layer_fence_refuses: compiled as the map layer compiles (its own and lower
// folders only), this include of a higher layer (network) must not be found.
#include "engine/map/road_class.hpp"
#include "engine/network/snap.hpp"
