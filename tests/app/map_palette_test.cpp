// The offscreen map (engine) draws in the app's colours: the engine's mirror of src/app/map_style
// must not drift.
#include <catch2/catch.hpp>

#include "app/map_style.hpp"
#include "engine/export/map_palette.hpp"

namespace {
bool same(yz::app::Rgba a, yz::palette::Rgba b) {
  return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}
}  // namespace

TEST_CASE("engine map palette mirrors the app's map style", "[app][export]") {
  namespace s = yz::app::style;
  namespace p = yz::palette;
  CHECK(same(s::background, p::background));
  CHECK(same(s::water, p::water));
  CHECK(same(s::park, p::park));
  CHECK(same(s::casing, p::casing));
  CHECK(same(s::not_walkable, p::not_walkable));
  CHECK(same(s::demand0, p::demand0));
  CHECK(same(s::demand1, p::demand1));
  CHECK(same(s::demand2, p::demand2));
  CHECK(same(s::walk_area, p::walk_area));
  CHECK(same(s::circle, p::circle));
  CHECK(same(s::station_outline, p::station_outline));
  CHECK(same(s::station_selected, p::station_selected));
  CHECK(same(s::station, p::station));
  CHECK(s::station_half_px == p::station_half_px);
  for (int c = 0; c <= static_cast<int>(yz::RoadClass::other); ++c) {
    const auto rc = static_cast<yz::RoadClass>(c);
    CHECK(same(yz::app::road_style(rc).color, p::road_style(rc).color));
    CHECK(yz::app::road_style(rc).width_px == p::road_style(rc).width_px);
  }
}
