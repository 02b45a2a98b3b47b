#version 330 core
// Map geometry in metres; `offset` is a screen-space extrusion in pixels (line width). The layer's
// look (colour, opacity, width) comes from uniforms, so restyling never touches the buffers.
layout(location = 0) in vec2 pos;
layout(location = 1) in vec2 offset;
layout(location = 2) in vec4 color;
layout(location = 3) in float main_color;  // 1: use u_main's colour instead of `color`
uniform vec2 u_scale;         // metres -> clip
uniform vec2 u_shift;         // clip translation
uniform vec2 u_pixel;         // pixels -> clip
uniform float u_width_scale;  // widens lines (the selected walk area)
uniform vec4 u_main;          // the layer's colour; its alpha scales main vertices' alpha
uniform float u_opacity;      // the layer's opacity
out vec4 v_color;
void main() {
  gl_Position = vec4(pos * u_scale + u_shift + offset * u_width_scale * u_pixel, 0.0, 1.0);
  vec3 rgb = mix(color.rgb, u_main.rgb, main_color);
  float a = color.a * mix(1.0, u_main.a, main_color) * u_opacity;
  v_color = vec4(rgb, a);
}
