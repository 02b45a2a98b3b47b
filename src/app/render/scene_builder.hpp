#pragma once
// Builds the map scene (what the map view draws) from the session: the active scenario's
// stations and walk pieces, demand coloured by the chosen coverage test, candidates, the last
// suggestion, and the difference to a compared scenario.
#include "app/app_state.hpp"
#include "app/render/map_scene.hpp"

namespace yz::app {

void build_scene(const AppState& st, MapScene& out);

// Index into kHostTypes / kStatuses, or kUnknown.
uint8_t host_index(const std::string& host_type);
uint8_t status_index(const std::string& status);

}  // namespace yz::app
