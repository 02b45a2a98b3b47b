#version 330 core
// Round demand points; u_mode 1 adds a white halo (uncovered), 2 draws a ring (disagreement).
// Hard edges: points are a few pixels wide and their colours must read exactly.
flat in vec4 v_color;
uniform int u_mode;
uniform vec4 u_main;  // highlight colour (modes 1 and 2)
uniform float u_opacity;
out vec4 frag;
void main() {
  float r = length(gl_PointCoord * 2.0 - 1.0);
  if (r > 1.0) discard;
  vec4 c = v_color;
  if (u_mode == 1) c = r < 0.62 ? u_main : vec4(1.0, 1.0, 1.0, 0.75);
  if (u_mode == 2) {
    if (r < 0.5) discard;
    c = r < 0.82 ? u_main : vec4(1.0, 1.0, 1.0, 0.6);
  }
  frag = vec4(c.rgb, c.a * u_opacity);
}
