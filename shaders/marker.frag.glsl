#version 330 core
// Marker shapes as signed distances in window pixels (negative inside), after Inigo Quilez's 2D
// distance functions. Ids and proportions as in src/app/render/marker_shape.hpp. Layers from the
// outside in: a faint dark edge, the outline, the fill; interior pixels get the fill colour
// exactly (the tests check it). Opacity fades the marker as a whole.
flat in vec4 v_fill;
flat in vec4 v_line;
flat in int v_shape;
flat in int v_edge;
flat in float v_radius;
flat in float v_line_px;
flat in float v_half_extent;
uniform vec4 u_edge_color;
uniform float u_opacity;
out vec4 frag;

float sd_box(vec2 p, vec2 b) {
  vec2 d = abs(p) - b;
  return length(max(d, 0.0)) + min(max(d.x, d.y), 0.0);
}
float sd_triangle(vec2 p, float r) {  // equilateral, half-side r, pointing up
  const float k = sqrt(3.0);
  p.x = abs(p.x) - r;
  p.y = p.y + r / k;
  if (p.x + k * p.y > 0.0) p = vec2(p.x - k * p.y, -k * p.x - p.y) / 2.0;
  p.x -= clamp(p.x, -2.0 * r, 0.0);
  return -length(p) * sign(p.y);
}
float sd_hexagon(vec2 p, float r) {  // apothem r
  const vec3 k = vec3(-0.866025404, 0.5, 0.577350269);
  p = abs(p);
  p -= 2.0 * min(dot(k.xy, p), 0.0) * k.xy;
  p -= vec2(clamp(p.x, -k.z * r, k.z * r), r);
  return length(p) * sign(p.y);
}
float sd_star5(vec2 p, float r, float rf) {
  const vec2 k1 = vec2(0.809016994375, -0.587785252292);
  const vec2 k2 = vec2(-k1.x, k1.y);
  p.x = abs(p.x);
  p -= 2.0 * max(dot(k1, p), 0.0) * k1;
  p -= 2.0 * max(dot(k2, p), 0.0) * k2;
  p.x = abs(p.x);
  p.y -= r;
  vec2 ba = rf * vec2(-k1.y, k1.x) - vec2(0, 1);
  float h = clamp(dot(p, ba) / dot(ba, ba), 0.0, r);
  return length(p - ba * h) * sign(p.y * ba.x - p.x * ba.y);
}
float sd_plus(vec2 p, vec2 b) {  // arm length b.x, half-width b.y
  p = abs(p);
  p = (p.y > p.x) ? p.yx : p.xy;
  vec2 q = p - b;
  float k = max(q.y, q.x);
  vec2 w = (k > 0.0) ? q : vec2(b.y - p.x, -k);
  return sign(k) * length(max(w, 0.0));
}
vec2 turn45(vec2 p) { return vec2(p.x + p.y, p.y - p.x) * 0.70710678; }

float shape_distance(vec2 p, float R) {
  switch (v_shape) {
    case 1: return sd_box(p, vec2(0.89 * R));
    case 2: return sd_box(turn45(p), vec2(0.89 * R));
    case 3: return sd_triangle(p, 1.35 * R);
    case 4: return sd_triangle(vec2(p.x, -p.y), 1.35 * R);
    case 5: return sd_hexagon(p, 0.93 * R);
    case 6: return sd_star5(p, 1.6 * R, 0.45);
    case 7: return sd_plus(p, vec2(1.2 * R, 0.36 * R));
    case 8: return sd_plus(turn45(p), vec2(1.2 * R, 0.36 * R));
    case 9: return abs(length(p) - R) - 0.22 * R;
    default: return length(p) - R;
  }
}

void main() {
  // Pixel position from the centre, y up.
  vec2 p = (gl_PointCoord - 0.5) * vec2(2.0, -2.0) * v_half_extent;
  float d = shape_distance(p, v_radius);
  // Disjoint bands (so a hollow marker stays empty inside), each antialiased over a pixel.
  float in_fill = clamp(0.5 - d, 0.0, 1.0);
  float in_line = clamp(0.5 - (d - v_line_px), 0.0, 1.0);
  float in_edge = v_edge != 0 ? clamp(0.5 - (d - v_line_px - 1.0), 0.0, 1.0) : in_line;
  vec3 w = vec3(v_fill.a * in_fill, v_line.a * (in_line - in_fill),
                u_edge_color.a * v_line.a * (in_edge - in_line));
  float a = w.x + w.y + w.z;
  if (a < 0.004) discard;
  frag = vec4((v_fill.rgb * w.x + v_line.rgb * w.y + u_edge_color.rgb * w.z) / a, a * u_opacity);
}
