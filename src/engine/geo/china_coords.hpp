#pragma once
// Coordinates copied from Chinese web maps. Amap/Gaode and Tencent show GCJ-02 (WGS-84 with a
// deliberate, non-linear offset of a few hundred metres); Baidu adds a second twist on top (BD-09).
// PROJ has neither, so planners' points would land in the wrong street without this module.
// Forward transforms follow the published formulas; the inverses are solved by fixed-point
// iteration to below 1e-9 degrees (sub-millimetre), not the usual one-step approximation (metres).
#include <optional>
#include <string_view>

#include "engine/geo/vec2.hpp"

namespace yz {

enum class WebDatum { wgs84, gcj02, bd09 };

// "wgs84" / "epsg:4326", "gcj02" / "gcj-02", "bd09" / "bd-09" (case-insensitive); nullopt
// otherwise.
std::optional<WebDatum> parse_web_datum(std::string_view name);
const char* web_datum_name(WebDatum d);  // "WGS-84", "GCJ-02", "BD-09"

// The web maps only shift points inside a box around China; outside it all three coincide.
bool outside_china(Vec2 lonlat);

Vec2 wgs84_to_gcj02(Vec2 lonlat);
Vec2 gcj02_to_wgs84(Vec2 lonlat);
Vec2 gcj02_to_bd09(Vec2 lonlat);
Vec2 bd09_to_gcj02(Vec2 lonlat);

Vec2 to_wgs84(Vec2 lonlat, WebDatum from);
Vec2 from_wgs84(Vec2 lonlat, WebDatum to);

}  // namespace yz
