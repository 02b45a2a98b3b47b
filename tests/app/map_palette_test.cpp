// The app's map style and the offscreen map (PNG, PDF) share one palette and one host type ->
// marker shape table (engine/export/map_palette.hpp, engine/export/marker_shape.hpp).
#include <catch2/catch.hpp>
#include <set>
#include <type_traits>

#include "app/render/map_style.hpp"
#include "app/render/marker_shape.hpp"
#include "engine/export/map_palette.hpp"
#include "engine/export/marker_shape.hpp"
#include "engine/inputs/site_attributes.hpp"

TEST_CASE("the app's map style is the engine's palette, not a copy", "[app][export]") {
  static_assert(std::is_same_v<yz::app::Rgba, yz::palette::Rgba>);
  static_assert(std::is_same_v<yz::app::MarkerShape, yz::MarkerShape>);
  // The same objects, so nothing can drift.
  CHECK(&yz::app::style::station == &yz::palette::station);
  CHECK(&yz::app::style::demand0 == &yz::palette::demand0);
  for (int c = 0; c <= static_cast<int>(yz::RoadClass::other); ++c) {
    const auto rc = static_cast<yz::RoadClass>(c);
    CHECK(yz::app::road_style(rc).width_px == yz::palette::road_style(rc).width_px);
  }
}

TEST_CASE("one host type -> marker shape table, by index and by word", "[app][export]") {
  std::set<yz::MarkerShape> shapes;
  for (uint8_t k = 0; k < std::size(yz::kHostTypes); ++k) {
    const yz::MarkerShape by_word = yz::host_shape(std::string(yz::kHostTypes[k]));
    CHECK(by_word == yz::app::host_shape(k));
    CHECK(by_word != yz::MarkerShape::circle);  // circle means "unknown type"
    shapes.insert(by_word);
  }
  CHECK(shapes.size() == std::size(yz::kHostTypes));  // each type its own shape
  CHECK(yz::host_shape(std::string()) == yz::MarkerShape::circle);
  CHECK(yz::host_shape(std::string("kiosk")) == yz::MarkerShape::circle);
  CHECK(yz::app::host_shape(uint8_t{200}) == yz::MarkerShape::circle);
  // The hand-written table: standalone square, co-built diamond, shared triangle, alliance
  // hexagon, mobile triangle pointing down (the legend and the README say so).
  CHECK(yz::host_shape(std::string("standalone")) == yz::MarkerShape::square);
  CHECK(yz::host_shape(std::string("co-built")) == yz::MarkerShape::diamond);
  CHECK(yz::host_shape(std::string("shared")) == yz::MarkerShape::triangle);
  CHECK(yz::host_shape(std::string("alliance")) == yz::MarkerShape::hexagon);
  CHECK(yz::host_shape(std::string("mobile")) == yz::MarkerShape::triangle_down);
}
