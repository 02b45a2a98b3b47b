#version 330 core
// Demand density, pass 2: density / robust maximum -> a warm ramp, transparent where nobody works.
// The square root spreads the many low values over more of the ramp.
uniform sampler2D u_density;
uniform vec2 u_uv_scale;   // framebuffer pixel -> texture coordinate
uniform vec2 u_uv_offset;
uniform float u_inv_max;
uniform vec4 u_low;
uniform vec4 u_mid;
uniform vec4 u_main;  // the high end (the layer's colour)
uniform float u_opacity;
out vec4 frag;
void main() {
  float d = texture(u_density, gl_FragCoord.xy * u_uv_scale + u_uv_offset).r * u_inv_max;
  if (d <= 0.001) discard;
  float t = sqrt(min(d, 1.0));
  vec3 rgb = t < 0.5 ? mix(u_low.rgb, u_mid.rgb, t * 2.0) : mix(u_mid.rgb, u_main.rgb, t * 2.0 - 1.0);
  float a = smoothstep(0.0, 0.25, t) * (0.45 + 0.4 * t);
  frag = vec4(rgb, a * u_opacity);
}
