#include "app/render/map_painter.hpp"

#include "app/render/gl.hpp"

namespace yz::app {

void set_rgba(int loc, Rgba c, float alpha_scale) {
  glUniform4f(loc, c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f * alpha_scale);
}

MapPainter::MapPainter()
    : lines_("map.vert.glsl", "map.frag.glsl"),
      markers_("marker.vert.glsl", "marker.frag.glsl"),
      demand_("demand.vert.glsl", "demand.frag.glsl") {
  ul_ = {lines_.uniform("u_scale"),       lines_.uniform("u_shift"), lines_.uniform("u_pixel"),
         lines_.uniform("u_width_scale"), lines_.uniform("u_main"),  lines_.uniform("u_opacity")};
  um_ = {markers_.uniform("u_scale"),    markers_.uniform("u_shift"),
         markers_.uniform("u_fb_scale"), markers_.uniform("u_main"),
         markers_.uniform("u_opacity"),  markers_.uniform("u_edge_color")};
  ud_ = {demand_.uniform("u_scale"),  demand_.uniform("u_shift"), demand_.uniform("u_size"),
         demand_.uniform("u_cover"),  demand_.uniform("u_mode"),  demand_.uniform("u_main"),
         demand_.uniform("u_opacity")};
}

void MapPainter::begin(const Camera& cam, Vec2 origin, int fb_w, int fb_h) {
  cam_ = cam, origin_ = origin, fb_w_ = fb_w, fb_h_ = fb_h;
  const double sx = 2.0 / (cam.m_per_px * cam.width_px), sy = 2.0 / (cam.m_per_px * cam.height_px);
  scale_[0] = static_cast<float>(sx), scale_[1] = static_cast<float>(sy);
  shift_[0] = static_cast<float>((origin.x - cam.centre.x) * sx);
  shift_[1] = static_cast<float>((origin.y - cam.centre.y) * sy);
  fb_scale_ = static_cast<float>(fb_w / cam.width_px);
  lines_.use();
  glUniform2f(ul_.pixel, static_cast<float>(2.0 / cam.width_px),
              static_cast<float>(2.0 / cam.height_px));
}

void MapPainter::use_lines(Rgba main, float opacity, float width_scale) {
  lines_.use();
  glUniform2f(ul_.scale, scale_[0], scale_[1]);
  glUniform2f(ul_.shift, shift_[0], shift_[1]);
  glUniform1f(ul_.width_scale, width_scale);
  set_rgba(ul_.main, main);
  glUniform1f(ul_.opacity, opacity);
}

void MapPainter::draw_triangles(const GlBuffer& b, int first, int count) const {
  if (count < 0) count = b.count - first;
  if (count <= 0) return;
  glBindVertexArray(b.vao);
  glDrawArrays(GL_TRIANGLES, first, count);
}

void MapPainter::each_once(int n, const std::function<void(int)>& draw_one) const {
  if (n <= 0) return;
  glEnable(GL_STENCIL_TEST);
  glStencilOp(GL_KEEP, GL_KEEP, GL_REPLACE);
  for (int i = 0; i < n; ++i) {
    if (i % 255 == 0) glClear(GL_STENCIL_BUFFER_BIT);
    glStencilFunc(GL_NOTEQUAL, i % 255 + 1, 0xff);
    draw_one(i);
  }
  glDisable(GL_STENCIL_TEST);
}

void MapPainter::draw_markers(const GlBuffer& b, Rgba main, float opacity) {
  if (b.count == 0) return;
  markers_.use();
  glUniform2f(um_.scale, scale_[0], scale_[1]);
  glUniform2f(um_.shift, shift_[0], shift_[1]);
  glUniform1f(um_.fb_scale, fb_scale_);
  set_rgba(um_.main, main);
  glUniform1f(um_.opacity, opacity);
  set_rgba(um_.edge, style::marker_edge);
  glBindVertexArray(b.vao);
  glDrawArrays(GL_POINTS, 0, b.count);
}

void MapPainter::draw_demand(unsigned vao, int count, bool indexed, int mode,
                             const LayerStyle& look, float size_px) {
  if (count == 0) return;
  demand_.use();
  glUniform2f(ud_.scale, scale_[0], scale_[1]);
  glUniform2f(ud_.shift, shift_[0], shift_[1]);
  glUniform1f(ud_.size, size_px * fb_scale_);
  const Rgba cover[3] = {look.color, style::demand1, style::demand2};
  float c[12];
  for (int i = 0; i < 3; ++i)
    c[4 * i] = cover[i].r / 255.f, c[4 * i + 1] = cover[i].g / 255.f,
          c[4 * i + 2] = cover[i].b / 255.f, c[4 * i + 3] = cover[i].a / 255.f;
  glUniform4fv(ud_.cover, 3, c);
  glUniform1i(ud_.mode, mode);
  set_rgba(ud_.main, look.color);
  glUniform1f(ud_.opacity, look.opacity);
  glBindVertexArray(vao);
  if (indexed)
    glDrawElements(GL_POINTS, count, GL_UNSIGNED_INT, nullptr);
  else
    glDrawArrays(GL_POINTS, 0, count);
}

}  // namespace yz::app
