#pragma once
// The map legend: a compact box explaining what the visible layers draw (station shapes per host
// type and colours per status, demand colours 0/1/2+, uncovered and disagreement highlights,
// density ramp, walk areas, circles, candidates, suggestion star, scenario differences, stations
// closed at the chosen hour, mobile stations' rounds), in the
// colours the layers are drawn with now. All text comes from the caller (strings stay in
// strings.cpp); a null label leaves its row out.
#include <imgui.h>

#include "app/render/map_scene.hpp"

namespace yz::app {

struct LegendText {
  const char* title = nullptr;
  const char* stations = nullptr;  // heading over the host types / statuses
  const char* host[6] = {};        // kHostTypes order (standalone, co-built, ...), then unknown
  const char* status[4] = {};      // kStatuses order (built, planned, upgrading), then unknown
  const char* demand = nullptr;    // "Workers by stations within a 15-minute walk"
  const char* demand_count[3] = {"0", "1", "2+"};
  const char* uncovered = nullptr;
  const char* disagreement = nullptr;
  const char* density = nullptr;
  const char* walk_area = nullptr;
  const char* circle = nullptr;
  const char* candidate = nullptr;
  const char* suggestion = nullptr;
  const char* diff_here = nullptr;    // station only in this plan
  const char* diff_there = nullptr;   // station only in the compared plan
  const char* diff_gained = nullptr;  // workers this plan reaches and the other does not
  const char* diff_lost = nullptr;
  const char* closed = nullptr;          // grey stations: closed at the time control's hour
  const char* mobile_route = nullptr;    // a mobile station's stops linked in order
  const char* mobile_current = nullptr;  // the stop the van stands at in the chosen hour
};

// Draws the legend with its top-left corner at `top_left` (screen pixels) and returns its size;
// with `dl` null it only measures (to place it, e.g. right-aligned). Needs a current ImGui frame
// (for the font). Nothing is drawn, and {0, 0} returned, when no explained layer is visible.
ImVec2 draw_map_legend(ImDrawList* dl, ImVec2 top_left, const LayerStyles& styles,
                       const LegendText& text);

// `text` without the rows for what `scene` does not hold at all (no candidates, no suggestions,
// no comparison, no demand...), so the legend explains only what can be on the map.
LegendText legend_rows_for(const MapScene& scene, LegendText text);

}  // namespace yz::app
