#version 330 core
// Premultiplied colour, composited with glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA).
in vec2 v_uv;
uniform sampler2D u_tex;
uniform vec2 u_uv_max;  // the used part of the texture
out vec4 frag;
void main() { frag = texture(u_tex, v_uv * u_uv_max); }
