#pragma once
// Glue from the app's Scenario to the map view's MapScene and LayerStyles, until the app builds
// them itself (the session rewrite replaces this file).
#include <vector>

#include "app/map_legend.hpp"
#include "app/map_scene.hpp"
#include "app/map_view.hpp"
#include "app/scenario.hpp"

namespace yz::app {

// Host type and status index (kHostTypes / kStatuses, kUnknown otherwise) per input station;
// scenario slots keep input order until a recompute drops removed stations.
struct StationLooks {
  std::vector<uint8_t> host, status;
};
StationLooks station_looks(const PointSet& stations);

// Fills `out` (reusing its vectors' memory) with the plan's stations, walk pieces and demand.
void fill_scene(const Scenario& sc, int selected, const StationLooks& looks, MapScene& out);
MapScene scene_from(const Scenario& sc, int selected, const StationLooks& looks = {});

// The default looks, with layers switched by name in $YIZHAN_MAP_LAYERS
// ("+demand_density,-circles"), for screenshots; read once at start.
LayerStyles startup_styles();
// `base` with the first app's toggles applied (a toggle can only hide a layer).
LayerStyles styles_from(const MapLayers& toggles, LayerStyles base);

// English legend labels (temporary: the app's strings table will provide both languages).
LegendText english_legend_text();

}  // namespace yz::app
