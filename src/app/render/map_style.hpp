#pragma once
// The map's colours and widths for the app: the engine's palette (engine/export/map_palette.hpp,
// the one definition the PNG map and PDF report share) under the app's names `style::`, `Rgba`,
// `road_style`; and the default per-layer styles (LayerStyles::defaults in map_style.cpp).
#include "engine/export/map_palette.hpp"

namespace yz::app {

using Rgba = palette::Rgba;
namespace style = ::yz::palette;
using palette::road_style;
using palette::RoadStyle;

}  // namespace yz::app
