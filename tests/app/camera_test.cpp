// The map camera and scale bar: zooming keeps the point under the cursor fixed, fitting shows the
// whole box, screen/world conversions invert each other, scale-bar lengths are 1/2/5 x 10^k.
#include <catch2/catch.hpp>

#include "app/render/camera.hpp"
#include "app/ui/map_overlay.hpp"

using yz::Box;
using yz::Vec2;
using yz::app::Camera;

TEST_CASE("camera zooms about the cursor and fits a box", "[app]") {
  Camera cam;
  cam.width_px = 1000, cam.height_px = 500;
  Box b;
  b.add({0, 0});
  b.add({2000, 500});
  cam.fit(b, 0);
  CHECK(cam.m_per_px == Approx(2.0));  // width decides: 2000 m over 1000 px
  Vec2 s = cam.to_screen({0, 500});    // top-left corner of the box
  CHECK(s.x == Approx(0).margin(1e-9));
  CHECK(s.y == Approx(125));  // box is 250 px tall, centred in 500 px

  Vec2 before = cam.to_world(200, 100);
  cam.zoom_at(200, 100, 2.0);
  CHECK(cam.m_per_px == Approx(1.0));
  Vec2 after = cam.to_world(200, 100);
  CHECK(after.x == Approx(before.x));
  CHECK(after.y == Approx(before.y));

  // Dragging right by 10 px moves the map right: the world point under a pixel moves left.
  Vec2 w0 = cam.to_world(500, 250);
  cam.pan_pixels(10, -20);
  Vec2 w1 = cam.to_world(500, 250);
  CHECK(w1.x == Approx(w0.x - 10));
  CHECK(w1.y == Approx(w0.y - 20));  // dragging up (negative y) reveals what is further south
  Vec2 back = cam.to_screen(cam.to_world(123, 456));
  CHECK(back.x == Approx(123));
  CHECK(back.y == Approx(456));
}

TEST_CASE("scale bar lengths are round numbers that fit", "[app]") {
  CHECK(yz::app::nice_scale_m(10, 160) == Approx(1000));  // 1600 m available -> 1 km
  CHECK(yz::app::nice_scale_m(4, 160) == Approx(500));    // 640 m -> 500 m
  CHECK(yz::app::nice_scale_m(1.5, 160) == Approx(200));  // 240 m -> 200 m
  CHECK(yz::app::nice_scale_m(0.1, 160) == Approx(10));   // 16 m -> 10 m
}
