#pragma once
// What every layer family draws with: the three map programs (lines and fills, markers, demand
// points), their uniforms, and the view transform of the picture being drawn (metres from the
// map's origin -> clip space). One per MapView; families get it in their draw().
#include <functional>

#include "app/render/camera.hpp"
#include "app/render/gl_buffer.hpp"
#include "app/render/gl_program.hpp"
#include "app/render/map_scene.hpp"

namespace yz::app {

class MapPainter {
 public:
  MapPainter();  // needs a current OpenGL 3.3 core context

  // The transform for a picture of `cam` into a framebuffer of fb_w pixels wide; the camera
  // offset is taken in double.
  void begin(const Camera& cam, Vec2 origin, int fb_w, int fb_h);

  const Camera& camera() const { return cam_; }
  Vec2 origin() const { return origin_; }
  int fb_width() const { return fb_w_; }
  int fb_height() const { return fb_h_; }
  const float* scale() const { return scale_; }
  const float* shift() const { return shift_; }

  // Lines and fills in `main` (vertices flagged main), `width_scale` times their width.
  void use_lines(Rgba main, float opacity, float width_scale = 1);
  void draw_triangles(const GlBuffer& b, int first = 0, int count = -1) const;
  void draw_markers(const GlBuffer& b, Rgba main, float opacity);
  // Draws n per-station line sets (draw_one(i)) through the stencil so each tints a pixel once:
  // a station's lines overlap at joints, and its area must read as one even wash while overlaps
  // between stations still show.
  void each_once(int n, const std::function<void(int)>& draw_one) const;
  // Demand points (demand.vert.glsl): `mode` 0 all by cover, 1 uncovered, 2 disagreement.
  void draw_demand(unsigned vao, int count, bool indexed, int mode, const LayerStyle& look,
                   float size_px);

 private:
  GlProgram lines_, markers_, demand_;
  struct {
    int scale, shift, pixel, width_scale, main, opacity;
  } ul_{};
  struct {
    int scale, shift, fb_scale, main, opacity, edge;
  } um_{};
  struct {
    int scale, shift, size, cover, mode, main, opacity;
  } ud_{};
  Camera cam_;
  Vec2 origin_{0, 0};
  int fb_w_ = 0, fb_h_ = 0;
  float scale_[2] = {1, 1}, shift_[2] = {0, 0}, fb_scale_ = 1;
};

void set_rgba(int loc, Rgba c, float alpha_scale = 1);

}  // namespace yz::app
