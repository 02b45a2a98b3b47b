#pragma once
// The map camera: a centre in map metres and a scale (metres per pixel). Pans by pixel drags,
// zooms about the cursor so the point under it stays put.
#include "engine/geo/vec2.hpp"

namespace yz::app {

struct Camera {
  Vec2 centre{0, 0};
  double m_per_px = 10;
  double width_px = 1280, height_px = 800;

  void fit(const Box& b, double margin = 0.05);
  void pan_pixels(double dx_px, double dy_px);        // screen-space drag (y down)
  void zoom_at(double sx, double sy, double factor);  // factor > 1 zooms in
  Vec2 to_world(double sx, double sy) const;
  Vec2 to_screen(Vec2 w) const;
};

}  // namespace yz::app
