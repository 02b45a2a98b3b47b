#version 330 core
// One vertex per marker, drawn as a point sprite big enough for the shape, its outline and edge;
// the fragment shader cuts the shape out (marker.frag.glsl).
layout(location = 0) in vec2 pos;
layout(location = 1) in vec4 fill;
layout(location = 2) in vec4 line;
layout(location = 3) in uvec4 info;  // shape, radius and outline width in quarter pixels, flags
uniform vec2 u_scale;
uniform vec2 u_shift;
uniform float u_fb_scale;  // framebuffer pixels per window pixel (HiDPI)
uniform vec4 u_main;
flat out vec4 v_fill;
flat out vec4 v_line;
flat out int v_shape;
flat out int v_edge;
flat out float v_radius;
flat out float v_line_px;
flat out float v_half_extent;
void main() {
  gl_Position = vec4(pos * u_scale + u_shift, 0.0, 1.0);
  v_shape = int(info.x);
  v_radius = float(info.y) * 0.25;
  v_line_px = float(info.z) * 0.25;
  v_edge = int((info.w & 4u) != 0u);
  v_fill = (info.w & 1u) != 0u ? vec4(u_main.rgb, fill.a) : fill;
  v_line = (info.w & 2u) != 0u ? vec4(u_main.rgb, line.a) : line;
  // 1.6 R: the farthest shape (star, marker_shape.hpp); then outline, edge and a pixel for AA.
  v_half_extent = 1.6 * v_radius + v_line_px + 2.0;
  gl_PointSize = 2.0 * v_half_extent * u_fb_scale;
}
