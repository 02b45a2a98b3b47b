#version 330 core
// Quartic (biweight) kernel, as in QGIS's heatmap: 1 at the point, smoothly 0 at the radius.
in float v_weight;
out vec4 frag;
void main() {
  vec2 q = gl_PointCoord * 2.0 - 1.0;
  float t2 = dot(q, q);
  if (t2 >= 1.0) discard;
  float k = (1.0 - t2) * (1.0 - t2);
  frag = vec4(v_weight * k, 0.0, 0.0, 0.0);
}
