#pragma once
// What the map view draws for a plan, as plain data the app prepares from the session whenever the
// plan changes (an edit, a selection, a scenario switch). The view owns no plan logic: it turns
// this into GPU buffers. Layer looks (visibility, opacity, colour) are separate (LayerStyles) so
// changing them never rebuilds buffers.
#include <array>
#include <cstdint>
#include <vector>

#include "app/render/map_style.hpp"
#include "engine/geo/vec2.hpp"

namespace yz::app {

// Every layer the planner can switch, tint and fade in the Layers panel, in drawing order.
enum class MapLayer : uint8_t {
  areas,           // water and parks
  streets,         // streets by class (walkable / not)
  demand_density,  // workers as a smooth density surface (shader)
  demand_points,   // workers as points coloured by how many stations reach them on foot
  uncovered,       // workers no station reaches on foot, highlighted
  disagreement,    // workers inside some 1 km circle but not within any 15-minute walk
  joins,           // disconnected street pieces points were joined off; connecting lines
  walk_areas,      // each station's reached streets
  circles,         // each station's 1 km circle
  candidates,      // candidate sites
  scenario_diff,   // compared scenario: stations and workers gained/lost
  stations,        // stations by host type (shape) and status (colour)
  suggestions,     // suggested sites, numbered by rank
  count
};
inline constexpr int kMapLayerCount = static_cast<int>(MapLayer::count);

struct LayerStyle {
  bool visible = true;
  float opacity = 1;  // multiplies the layer's alpha
  Rgba color;         // the layer's main colour (what the Layers panel's colour button edits)
};

struct LayerStyles {
  std::array<LayerStyle, kMapLayerCount> layer;
  LayerStyle& operator[](MapLayer l) { return layer[static_cast<int>(l)]; }
  const LayerStyle& operator[](MapLayer l) const { return layer[static_cast<int>(l)]; }
  static LayerStyles defaults();
};

inline constexpr uint8_t kUnknown = 255;

struct SceneStation {
  Vec2 xy;  // metres
  uint8_t host =
      kUnknown;  // index into kHostTypes (standalone, co-built, shared, alliance, mobile)
  uint8_t status = kUnknown;  // index into kStatuses (built, planned, upgrading)
  bool selected = false;
  bool closed = false;  // closed at the hour chosen in the time control: drawn grey
  // Reached street pieces (metres) of this station's 15-minute walk; owned by the session and
  // alive until the next set_scene call.
  const std::vector<std::vector<Vec2>>* walk_pieces = nullptr;
};

struct SceneSuggestion {
  Vec2 xy;
  uint32_t rank = 0;  // 1 = build first
  bool selected = false;
};

// Scenario comparison: what the compared plan (B) has that the shown one (A) lacks and back.
struct SceneDiff {
  std::vector<Vec2> stations_only_here, stations_only_there;
  std::vector<Vec2> workers_gained, workers_lost;  // walk coverage here vs there
};

// A mobile station's round (engine/inputs/mobile_schedule): its stops in order, and the stop the
// van stands at in the hour chosen in the time control (-1: none then, or all day shown).
struct SceneRound {
  std::vector<Vec2> stops;  // metres
  int current = -1;
};

struct MapScene {
  std::vector<SceneStation> stations;
  double radius_m = 1000;
  // Demand, one entry per point: position, workers, and how many stations cover it by walk and by
  // radius (saturated at 255).
  std::vector<Vec2> demand_xy;
  std::vector<float> demand_weight;
  std::vector<uint8_t> demand_walk, demand_radius;
  // How many stations cover each point under the test the planner chose to view (walk, radius,
  // both or either): what demand points are coloured by. Empty = use demand_walk.
  std::vector<uint8_t> demand_count;
  std::vector<Vec2> candidates;
  int selected_candidate = -1;
  std::vector<SceneSuggestion> suggestions;
  SceneDiff diff;
  // The island rule's joins (metres): every street of each piece a worker or station was joined
  // off, and each straight connecting line from the point to the main network.
  std::vector<std::vector<Vec2>> join_lines;
  std::vector<SceneRound> mobile;  // drawn with the stations layer
};

}  // namespace yz::app
