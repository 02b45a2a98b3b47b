#version 330 core
// Demand points (one vertex each; a city has 100k+): coloured by how many stations reach them on
// foot, or highlighted (uncovered: halo; disagreement: ring) when drawn through an index list.
layout(location = 0) in vec3 pos_weight;  // metres from the origin, workers
layout(location = 1) in uvec2 counts;     // stations reaching it by walk, by radius
uniform vec2 u_scale;
uniform vec2 u_shift;
uniform float u_size;    // point diameter in framebuffer pixels
uniform vec4 u_cover[3];  // colours for 0, 1, 2+ stations on foot
flat out vec4 v_color;
void main() {
  gl_Position = vec4(pos_weight.xy * u_scale + u_shift, 0.0, 1.0);
  gl_PointSize = u_size;
  v_color = u_cover[min(counts.x, 2u)];
}
