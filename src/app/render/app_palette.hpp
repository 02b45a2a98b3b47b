#pragma once
// Colours only the app's map draws (the shared ones are the engine's palette, map_style.hpp):
// stations closed at the hour chosen in the time control, and mobile stations' rounds. The map
// layers and the legend read them from here, so the legend shows what the map draws.
#include "app/render/map_style.hpp"

namespace yz::app::app_style {

// Closed at the chosen hour: a pale grey fill the stations layer's colour does not tint.
inline constexpr Rgba closed_fill{200, 200, 205}, closed_outline{120, 120, 125};
// A mobile station's round (teal, a colour no other layer uses): its stops linked in order, each
// stop a white disc with a teal rim, the stop the van stands at in the chosen hour larger and
// filled teal.
inline constexpr Rgba mobile_route{0, 128, 128, 220};
inline constexpr Rgba mobile_stop{0, 128, 128};
inline constexpr Rgba mobile_current{0, 170, 150};
inline constexpr float mobile_route_px = 2.5f, mobile_stop_px = 4, mobile_current_px = 7.5f;

}  // namespace yz::app::app_style
