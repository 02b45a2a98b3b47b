#include "app/render/layer_cache.hpp"

#include <algorithm>
#include <cmath>

#include "app/render/gl.hpp"

namespace yz::app {

LayerCache::LayerCache(int margin_px)
    : prog_("composite.vert.glsl", "composite.frag.glsl"), margin_px_(margin_px) {
  u_rect_ = prog_.uniform("u_rect");
  u_tex_ = prog_.uniform("u_tex");
  u_uv_max_ = prog_.uniform("u_uv_max");
  glGenFramebuffers(1, &fbo_);
  glGenTextures(1, &tex_);
  glGenRenderbuffers(1, &depth_);
  glGenVertexArrays(1, &vao_);
}

LayerCache::~LayerCache() {
  glDeleteFramebuffers(1, &fbo_);
  glDeleteTextures(1, &tex_);
  glDeleteRenderbuffers(1, &depth_);
  glDeleteVertexArrays(1, &vao_);
}

bool LayerCache::covers(const Camera& cam, int fb_width, int fb_height, uint64_t key) const {
  if (!valid_ || key != key_ || fb_width != fb_w_ || fb_height != fb_h_ ||
      cam.m_per_px != cam_.m_per_px || cam.width_px + 2 * margin_px_ != cam_.width_px ||
      cam.height_px + 2 * margin_px_ != cam_.height_px)
    return false;
  const double dx = std::abs(cam.centre.x - cam_.centre.x) / cam.m_per_px;
  const double dy = std::abs(cam.centre.y - cam_.centre.y) / cam.m_per_px;
  return dx <= margin_px_ && dy <= margin_px_;
}

int LayerCache::margin_fb() const {
  return static_cast<int>(std::lround(margin_px_ * fb_scale_));
}

void LayerCache::bind(int fb_w, int fb_h) {
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &prev_fbo_);
  glGetIntegerv(GL_VIEWPORT, prev_vp_);
  if (fb_w > alloc_w_ || fb_h > alloc_h_) {  // grows with the window, never per frame
    alloc_w_ = std::max(alloc_w_, fb_w);
    alloc_h_ = std::max(alloc_h_, fb_h);
    glBindTexture(GL_TEXTURE_2D, tex_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, alloc_w_, alloc_h_, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 nullptr);
    // Nearest: the cache is shown at its own scale, so pixels (and exact colours) stay as drawn.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindRenderbuffer(GL_RENDERBUFFER, depth_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, alloc_w_, alloc_h_);
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex_, 0);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, depth_);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glViewport(0, 0, fb_w, fb_h);
}

Camera LayerCache::begin(const Camera& cam, int fb_width, int fb_height, uint64_t key,
                         const float clear[4], int& fb_w, int& fb_h) {
  fb_scale_ = fb_width / cam.width_px;
  fb_w = fb_width + 2 * margin_fb();
  fb_h = fb_height + 2 * margin_fb();
  bind(fb_w, fb_h);
  glDisable(GL_SCISSOR_TEST);
  glClearColor(clear[0], clear[1], clear[2], clear[3]);
  glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
  cam_ = cam;
  cam_.width_px = cam.width_px + 2 * margin_px_;
  cam_.height_px = cam.height_px + 2 * margin_px_;
  fb_w_ = fb_width;
  fb_h_ = fb_height;
  key_ = key;
  valid_ = true;
  return cam_;
}

Camera LayerCache::begin_like(const LayerCache& like, uint64_t key, const float clear[4], int& fb_w,
                              int& fb_h) {
  margin_px_ = like.margin_px_;
  fb_scale_ = like.fb_scale_;
  fb_w_ = like.fb_w_;
  fb_h_ = like.fb_h_;
  cam_ = like.cam_;
  key_ = key;
  fb_w = fb_w_ + 2 * margin_fb();
  fb_h = fb_h_ + 2 * margin_fb();
  bind(fb_w, fb_h);
  glDisable(GL_SCISSOR_TEST);
  glClearColor(clear[0], clear[1], clear[2], clear[3]);
  glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
  valid_ = like.valid_;
  return cam_;
}

void LayerCache::begin_rect(const Rect& r) {
  bind(fb_w_ + 2 * margin_fb(), fb_h_ + 2 * margin_fb());
  glEnable(GL_SCISSOR_TEST);
  glScissor(r.x, r.y, r.w, r.h);
  scissor_ = r;
  scissored_ = true;
}

void LayerCache::copy_from(const LayerCache& src) {
  Rect r{0, 0, fb_w_ + 2 * margin_fb(), fb_h_ + 2 * margin_fb()};
  if (scissored_) r = scissor_;  // blits ignore the scissor in some drivers: copy just the rect
  glBindFramebuffer(GL_READ_FRAMEBUFFER, src.fbo_);
  glBlitFramebuffer(r.x, r.y, r.x + r.w, r.y + r.h, r.x, r.y, r.x + r.w, r.y + r.h,
                    GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
}

bool LayerCache::begin_part(Box world, double pad_px, const float clear[4], Camera& cache_cam,
                            int& fb_w, int& fb_h) {
  if (!valid_ || world.empty()) return false;
  fb_w = fb_w_ + 2 * margin_fb();
  fb_h = fb_h_ + 2 * margin_fb();
  const Vec2 a = cam_.to_screen(world.min), b = cam_.to_screen(world.max);  // y down
  const double s = fb_scale_;
  const int x0 = std::max(0, static_cast<int>(std::floor((std::min(a.x, b.x) - pad_px) * s)));
  const int x1 = std::min(fb_w, static_cast<int>(std::ceil((std::max(a.x, b.x) + pad_px) * s)));
  const int y0 = std::max(0, static_cast<int>(std::floor((std::min(a.y, b.y) - pad_px) * s)));
  const int y1 = std::min(fb_h, static_cast<int>(std::ceil((std::max(a.y, b.y) + pad_px) * s)));
  if (x1 <= x0 || y1 <= y0) return false;
  bind(fb_w, fb_h);
  glEnable(GL_SCISSOR_TEST);
  part_ = {x0, fb_h - y1, x1 - x0, y1 - y0};  // GL rows count from the bottom
  glScissor(part_.x, part_.y, part_.w, part_.h);
  glClearColor(clear[0], clear[1], clear[2], clear[3]);
  glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
  cache_cam = cam_;
  return true;
}

void LayerCache::end() {
  glDisable(GL_SCISSOR_TEST);
  scissored_ = false;
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(prev_fbo_));
  glViewport(prev_vp_[0], prev_vp_[1], prev_vp_[2], prev_vp_[3]);
}

void LayerCache::blit(const Camera& cam, int fb_width, int fb_height) {
  if (!valid_) return;
  const int m = margin_fb();
  const int ox =
      static_cast<int>(std::lround((cam_.centre.x - cam.centre.x) / cam.m_per_px * fb_scale_));
  const int oy =
      static_cast<int>(std::lround((cam_.centre.y - cam.centre.y) / cam.m_per_px * fb_scale_));
  GLint draw_fbo = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw_fbo);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
  glBlitFramebuffer(m - ox, m - oy, m - ox + fb_width, m - oy + fb_height, 0, 0, fb_width,
                    fb_height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(draw_fbo));
}

void LayerCache::composite(const Camera& cam) {
  if (!valid_) return;
  // The cache's extent relative to the view, in clip space; shifted by the pan since it was drawn.
  const double ox = (cam_.centre.x - cam.centre.x) / cam.m_per_px;
  const double oy = (cam_.centre.y - cam.centre.y) / cam.m_per_px;
  // Zoomed since it was drawn: the picture scales with the view (a preview while zooming).
  const double zoom = cam_.m_per_px / cam.m_per_px;
  const double hw = cam_.width_px / 2 * zoom, hh = cam_.height_px / 2 * zoom;
  const double sx = 2 / cam.width_px, sy = 2 / cam.height_px;
  prog_.use();
  glUniform4f(u_rect_, static_cast<float>((ox - hw) * sx), static_cast<float>((oy - hh) * sy),
              static_cast<float>((ox + hw) * sx), static_cast<float>((oy + hh) * sy));
  glUniform2f(u_uv_max_, static_cast<float>(fb_w_ + 2 * margin_fb()) / alloc_w_,
              static_cast<float>(fb_h_ + 2 * margin_fb()) / alloc_h_);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, tex_);
  glUniform1i(u_tex_, 0);
  glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glBindVertexArray(vao_);
  glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
  glBindTexture(GL_TEXTURE_2D, 0);
}

}  // namespace yz::app
