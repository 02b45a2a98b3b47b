#pragma once
// The demand density surface: every worker point splatted as a smooth kernel of its weight into a
// float texture (additive blending, reduced resolution so llvmpipe keeps up), then coloured on
// screen by a warm ramp normalised by a robust maximum computed once per kernel size from the
// data (never read back from the GPU). The splat is redone only when the view or the data change.
#include <cstdint>
#include <utility>
#include <vector>

#include "app/render/camera.hpp"
#include "app/render/gl_program.hpp"
#include "app/render/map_scene.hpp"

namespace yz::app {

// The density (sum of weight x quartic kernel) that the ramp treats as full colour: the `quantile`
// of the weight in `radius_m` grid cells that hold any (a cell's sum approximates the kernel
// density at its centre, to within 5 % for even spreads and exactly for a single spot).
double density_robust_max(const std::vector<Vec2>& xy, const std::vector<float>& weight,
                          double radius_m, double quantile = 0.99);

// Kernel radius on the ground at this zoom: style::density_radius_m, widened in steps of 2^(1/4)
// (so the robust maximum can be cached per step) once it would draw under
// style::density_min_radius_px.
double density_radius_m(double m_per_px);

struct DensityPoints {
  unsigned vao = 0;  // attribute 0: x, y (metres from `origin`), weight
  int count = 0;
  const std::vector<Vec2>* xy = nullptr;  // the same points, for the robust maximum
  const std::vector<float>* weight = nullptr;
  uint64_t version = 0;  // changes whenever the points or weights do
};

class DensityLayer {
 public:
  DensityLayer();  // needs a current GL context
  ~DensityLayer();
  DensityLayer(const DensityLayer&) = delete;
  DensityLayer& operator=(const DensityLayer&) = delete;

  // False when the driver cannot render to a float texture (the layer then draws nothing).
  bool supported() const { return fbo_ != 0; }
  // Draws into the framebuffer bound at the call; `scale`/`shift` map metres from the points'
  // origin to clip space, as for every other layer.
  void draw(const Camera& cam, const float scale[2], const float shift[2], int fb_width,
            int fb_height, const LayerStyle& look, const DensityPoints& pts);

 private:
  void splat(const float scale[2], const float shift[2], const DensityPoints& pts);
  double robust_max(double radius_m, const DensityPoints& pts);

  GlProgram splat_prog_, ramp_prog_;
  int u_splat_scale_, u_splat_shift_, u_shrink_, u_diameter_;
  int u_tex_, u_uv_scale_, u_uv_offset_, u_inv_max_, u_low_, u_mid_, u_main_, u_opacity_;
  unsigned fbo_ = 0, tex_ = 0, empty_vao_ = 0;
  int alloc_w_ = 0, alloc_h_ = 0;
  // The splat in the texture: texels used, view size within them, and what it was drawn for.
  int used_w_ = 0, used_h_ = 0;
  double view_w_tex_ = 0, view_h_tex_ = 0, texel_px_ = 1, radius_tex_ = 0;
  struct Key {
    float scale[2], shift[2];
    int fb_w, fb_h;
    double radius_m;
    uint64_t version;
    bool operator==(const Key&) const = default;
  } key_{};
  bool have_splat_ = false;
  uint64_t max_version_ = 0;
  std::vector<std::pair<double, double>> max_by_radius_;  // radius_m -> robust max
};

}  // namespace yz::app
