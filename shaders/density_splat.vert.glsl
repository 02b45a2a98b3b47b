#version 330 core
// Demand density, pass 1: each worker point becomes a kernel splat of its weight, summed with
// additive blending into a float texture (a margin around the view so kernels of points just off
// screen still count).
layout(location = 0) in vec3 pos_weight;
uniform vec2 u_scale;
uniform vec2 u_shift;
uniform vec2 u_shrink;     // view clip -> texture clip (the texture has a margin)
uniform float u_diameter;  // kernel diameter in texels
out float v_weight;
void main() {
  gl_Position = vec4((pos_weight.xy * u_scale + u_shift) * u_shrink, 0.0, 1.0);
  gl_PointSize = u_diameter;
  v_weight = pos_weight.z;
}
