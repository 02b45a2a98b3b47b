#pragma once
// An offscreen picture of some map layers (colour with premultiplied alpha, plus a stencil for the
// layers that need one), drawn for a view grown by a margin so that small pans reuse it, shifted,
// instead of drawing a million street vertices again: on llvmpipe a static frame then costs one
// textured quad per cache. A part can be redrawn alone (an edit touches one station's
// surroundings).
#include <cstdint>

#include "app/render/camera.hpp"
#include "app/render/gl_program.hpp"

namespace yz::app {

class LayerCache {
 public:
  struct Rect {
    int x = 0, y = 0, w = 0, h = 0;  // framebuffer pixels of the cache, GL rows (from the bottom)
  };
  explicit LayerCache(int margin_px = 128);  // needs a current GL context
  ~LayerCache();
  LayerCache(const LayerCache&) = delete;
  LayerCache& operator=(const LayerCache&) = delete;

  // True when the cache holds the layers drawn with `key` for this zoom and framebuffer size, and
  // this view lies inside what it drew.
  bool covers(const Camera& cam, int fb_width, int fb_height, uint64_t key) const;

  // Binds the cache for a full redraw and clears it to `clear` (premultiplied); returns the camera
  // to draw with (the view grown by the margin) and its framebuffer size in `fb_w`/`fb_h`.
  Camera begin(const Camera& cam, int fb_width, int fb_height, uint64_t key, const float clear[4],
               int& fb_w, int& fb_h);
  // Binds the cache to redraw only what lies within `world` (metres) grown by `pad_px`: scissor
  // on, that part cleared. Returns the cache's camera. False (nothing bound) when the cache is
  // empty.
  bool begin_part(Box world, double pad_px, const float clear[4], Camera& cache_cam, int& fb_w,
                  int& fb_h);
  // Binds the cache for a full redraw (cleared, stencil too) at exactly `like`'s view and size;
  // returns that view's camera.
  Camera begin_like(const LayerCache& like, uint64_t key, const float clear[4], int& fb_w,
                    int& fb_h);
  // Binds the cache with only `r` writable (scissor), nothing cleared.
  void begin_rect(const Rect& r);
  const Rect& last_part() const { return part_; }  // what begin_part made writable
  void end();  // restores the framebuffer and viewport bound before begin
  // While bound (between begin and end): copies all of `src` (drawn for the same view) in.
  void copy_from(const LayerCache& src);  // honours the scissor of begin_rect

  // Draws the cache over the bound framebuffer for `cam` (premultiplied "over"; `cam` may be
  // another cache's view, or a zoomed one: the picture is then scaled).
  void composite(const Camera& cam);
  // Copies the cache into the bound framebuffer for `cam` (opaque caches; whole-pixel pans).
  void blit(const Camera& cam, int fb_width, int fb_height);
  void invalidate() { valid_ = false; }
  const Camera& camera() const { return cam_; }
  bool valid() const { return valid_; }

 private:
  GlProgram prog_;
  int u_rect_ = -1, u_tex_ = -1, u_uv_max_ = -1;
  unsigned fbo_ = 0, tex_ = 0, depth_ = 0, vao_ = 0;
  int margin_px_;
  int alloc_w_ = 0, alloc_h_ = 0;  // texture size
  bool valid_ = false;
  Camera cam_;  // what the cache was drawn for (grown by the margin)
  double fb_scale_ = 1;
  int fb_w_ = 0, fb_h_ = 0;  // framebuffer size the cache serves
  uint64_t key_ = 0;
  int prev_fbo_ = 0, prev_vp_[4] = {0, 0, 0, 0};
  Rect part_, scissor_;
  bool scissored_ = false;
  int margin_fb() const;
  void bind(int fb_w, int fb_h);  // allocates (growing only) and binds
};

}  // namespace yz::app
