#version 330 core
// Map geometry in metres; `offset` is a screen-space extrusion in pixels (line width, marker size).
layout(location = 0) in vec2 pos;
layout(location = 1) in vec2 offset;
layout(location = 2) in vec4 color;
uniform vec2 u_scale;   // metres -> clip
uniform vec2 u_shift;   // clip translation
uniform vec2 u_pixel;   // pixels -> clip
out vec4 v_color;
void main() {
  gl_Position = vec4(pos * u_scale + u_shift + offset * u_pixel, 0.0, 1.0);
  v_color = color;
}
