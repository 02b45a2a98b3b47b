#version 330 core
// A cached layer picture as one quad: u_rect = its clip-space corners (x0, y0, x1, y1).
uniform vec4 u_rect;
out vec2 v_uv;
void main() {
  vec2 t = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1));
  gl_Position = vec4(mix(u_rect.xy, u_rect.zw, t), 0.0, 1.0);
  v_uv = t;
}
