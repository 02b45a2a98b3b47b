#include "app/render/density_layer.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "app/render/gl.hpp"

namespace yz::app {
namespace {

constexpr double kTargetRadiusTexels = 4;  // kernel radius in texels: smooth enough, cheap splats

void set_rgba(int loc, Rgba c) {
  glUniform4f(loc, c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f);
}

}  // namespace

double density_robust_max(const std::vector<Vec2>& xy, const std::vector<float>& weight,
                          double radius_m, double quantile) {
  std::unordered_map<uint64_t, double> cells;
  cells.reserve(xy.size() / 2 + 1);
  for (size_t i = 0; i < xy.size(); ++i) {
    if (!(weight[i] > 0)) continue;
    const auto cx = static_cast<int64_t>(std::floor(xy[i].x / radius_m));
    const auto cy = static_cast<int64_t>(std::floor(xy[i].y / radius_m));
    cells[static_cast<uint64_t>(cx) << 32 ^ static_cast<uint32_t>(cy)] += weight[i];
  }
  if (cells.empty()) return 0;
  std::vector<double> sums;
  sums.reserve(cells.size());
  for (const auto& c : cells) sums.push_back(c.second);
  const size_t k =
      std::min(sums.size() - 1, static_cast<size_t>(std::lround(quantile * (sums.size() - 1))));
  std::nth_element(sums.begin(), sums.begin() + static_cast<std::ptrdiff_t>(k), sums.end());
  return sums[k];
}

double density_radius_m(double m_per_px) {
  const double r = style::density_radius_m, min_r = style::density_min_radius_px * m_per_px;
  if (r >= min_r) return r;
  return r * std::exp2(std::ceil(4 * std::log2(min_r / r)) / 4);
}

DensityLayer::DensityLayer()
    : splat_prog_("density_splat.vert.glsl", "density_splat.frag.glsl"),
      ramp_prog_("density_ramp.vert.glsl", "density_ramp.frag.glsl") {
  u_splat_scale_ = splat_prog_.uniform("u_scale");
  u_splat_shift_ = splat_prog_.uniform("u_shift");
  u_shrink_ = splat_prog_.uniform("u_shrink");
  u_diameter_ = splat_prog_.uniform("u_diameter");
  u_tex_ = ramp_prog_.uniform("u_density");
  u_uv_scale_ = ramp_prog_.uniform("u_uv_scale");
  u_uv_offset_ = ramp_prog_.uniform("u_uv_offset");
  u_inv_max_ = ramp_prog_.uniform("u_inv_max");
  u_low_ = ramp_prog_.uniform("u_low");
  u_mid_ = ramp_prog_.uniform("u_mid");
  u_main_ = ramp_prog_.uniform("u_main");
  u_opacity_ = ramp_prog_.uniform("u_opacity");
  glGenVertexArrays(1, &empty_vao_);
  glGenTextures(1, &tex_);
  glGenFramebuffers(1, &fbo_);
  // Probe once: a float texture must be renderable (with blending) for the additive splat.
  GLint prev_fbo = 0, prev_tex = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &prev_fbo);
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &prev_tex);
  glBindTexture(GL_TEXTURE_2D, tex_);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, 16, 16, 0, GL_RED, GL_FLOAT, nullptr);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, tex_, 0);
  const bool ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(prev_fbo));
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(prev_tex));
  alloc_w_ = alloc_h_ = 16;
  if (!ok) {
    glDeleteFramebuffers(1, &fbo_);
    fbo_ = 0;
  }
}

DensityLayer::~DensityLayer() {
  if (fbo_) glDeleteFramebuffers(1, &fbo_);
  glDeleteTextures(1, &tex_);
  glDeleteVertexArrays(1, &empty_vao_);
}

double DensityLayer::robust_max(double radius_m, const DensityPoints& pts) {
  if (max_version_ != pts.version) max_by_radius_.clear(), max_version_ = pts.version;
  for (const auto& [r, m] : max_by_radius_)
    if (r == radius_m) return m;
  const double m = density_robust_max(*pts.xy, *pts.weight, radius_m);
  max_by_radius_.emplace_back(radius_m, m);
  return m;
}

void DensityLayer::splat(const float scale[2], const float shift[2], const DensityPoints& pts) {
  GLint prev_fbo = 0, vp[4], blend[4];
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &prev_fbo);
  glGetIntegerv(GL_VIEWPORT, vp);
  glGetIntegerv(GL_BLEND_SRC_RGB, &blend[0]);
  glGetIntegerv(GL_BLEND_DST_RGB, &blend[1]);
  glGetIntegerv(GL_BLEND_SRC_ALPHA, &blend[2]);
  glGetIntegerv(GL_BLEND_DST_ALPHA, &blend[3]);
  const bool scissor = glIsEnabled(GL_SCISSOR_TEST);
  glDisable(GL_SCISSOR_TEST);  // the splat always covers its whole texture
  // Grow the texture when the window does (never per frame); the splat uses its corner.
  if (used_w_ > alloc_w_ || used_h_ > alloc_h_) {
    alloc_w_ = std::max(alloc_w_, used_w_ + 32);
    alloc_h_ = std::max(alloc_h_, used_h_ + 32);
    glBindTexture(GL_TEXTURE_2D, tex_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, alloc_w_, alloc_h_, 0, GL_RED, GL_FLOAT, nullptr);
    glBindTexture(GL_TEXTURE_2D, 0);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glViewport(0, 0, used_w_, used_h_);
  glClearColor(0, 0, 0, 0);
  glClear(GL_COLOR_BUFFER_BIT);  // all of it: the ramp's bilinear taps at the edge read zeros
  glBlendFunc(GL_ONE, GL_ONE);
  splat_prog_.use();
  glUniform2f(u_splat_scale_, scale[0], scale[1]);
  glUniform2f(u_splat_shift_, shift[0], shift[1]);
  glUniform2f(u_shrink_, static_cast<float>(view_w_tex_ / used_w_),
              static_cast<float>(view_h_tex_ / used_h_));
  glUniform1f(u_diameter_, static_cast<float>(2 * radius_tex_));
  glBindVertexArray(pts.vao);
  glDrawArrays(GL_POINTS, 0, pts.count);
  glBlendFuncSeparate(static_cast<GLenum>(blend[0]), static_cast<GLenum>(blend[1]),
                      static_cast<GLenum>(blend[2]), static_cast<GLenum>(blend[3]));
  if (scissor) glEnable(GL_SCISSOR_TEST);
  glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(prev_fbo));
  glViewport(vp[0], vp[1], vp[2], vp[3]);
}

void DensityLayer::draw(const Camera& cam, const float scale[2], const float shift[2], int fb_width,
                        int fb_height, const LayerStyle& look, const DensityPoints& pts) {
  if (!supported() || pts.count == 0 || fb_width <= 0 || fb_height <= 0) return;
  const double radius_m = density_radius_m(cam.m_per_px);
  const double max = robust_max(radius_m, pts);
  if (!(max > 0)) return;
  const Key key{{scale[0], scale[1]}, {shift[0], shift[1]}, fb_width, fb_height, radius_m,
                pts.version};
  if (!have_splat_ || !(key == key_)) {
    // Texels so the kernel spans about kTargetRadiusTexels: the splat's cost stays flat with zoom.
    const double fb_per_px = fb_width / cam.width_px;
    const double radius_fb = radius_m / cam.m_per_px * fb_per_px;
    texel_px_ = std::max(1.0, std::floor(radius_fb / kTargetRadiusTexels));
    radius_tex_ = radius_fb / texel_px_;
    const double margin = std::ceil(radius_tex_) + 1;
    view_w_tex_ = fb_width / texel_px_;
    view_h_tex_ = fb_height / texel_px_;
    used_w_ = static_cast<int>(std::ceil(view_w_tex_ + 2 * margin));
    used_h_ = static_cast<int>(std::ceil(view_h_tex_ + 2 * margin));
    splat(scale, shift, pts);
    key_ = key;
    have_splat_ = true;
  }
  ramp_prog_.use();
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, tex_);
  glUniform1i(u_tex_, 0);
  glUniform2f(u_uv_scale_, static_cast<float>(1 / (texel_px_ * alloc_w_)),
              static_cast<float>(1 / (texel_px_ * alloc_h_)));
  glUniform2f(u_uv_offset_, static_cast<float>((used_w_ - view_w_tex_) / 2 / alloc_w_),
              static_cast<float>((used_h_ - view_h_tex_) / 2 / alloc_h_));
  glUniform1f(u_inv_max_, static_cast<float>(1 / max));
  set_rgba(u_low_, style::density_low);
  set_rgba(u_mid_, style::density_mid);
  set_rgba(u_main_, look.color);
  glUniform1f(u_opacity_, look.opacity);
  glBindVertexArray(empty_vao_);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindTexture(GL_TEXTURE_2D, 0);
}

}  // namespace yz::app
