#include "app/map_view.hpp"

#include <stdexcept>
#include <string>

#include "app/gl.hpp"
#include "app/scenario.hpp"
#include "app/shader_files.hpp"

namespace yz::app {
namespace {

unsigned compile(GLenum type, const std::string& src, const char* name) {
  unsigned s = glCreateShader(type);
  const char* p = src.c_str();
  glShaderSource(s, 1, &p, nullptr);
  glCompileShader(s);
  int ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[2048];
    glGetShaderInfoLog(s, sizeof log, nullptr, log);
    throw std::runtime_error(std::string("shader ") + name + ": " + log);
  }
  return s;
}

}  // namespace

MapView::MapView() {
  unsigned vs = compile(GL_VERTEX_SHADER, read_shader("map.vert.glsl"), "map.vert.glsl");
  unsigned fs = compile(GL_FRAGMENT_SHADER, read_shader("map.frag.glsl"), "map.frag.glsl");
  program_ = glCreateProgram();
  glAttachShader(program_, vs);
  glAttachShader(program_, fs);
  glLinkProgram(program_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  int ok = 0;
  glGetProgramiv(program_, GL_LINK_STATUS, &ok);
  if (!ok) throw std::runtime_error("map shader program failed to link");
  u_scale_ = glGetUniformLocation(program_, "u_scale");
  u_shift_ = glGetUniformLocation(program_, "u_shift");
  u_pixel_ = glGetUniformLocation(program_, "u_pixel");
  for (auto& b : buf_) {
    glGenVertexArrays(1, &b.vao);
    glGenBuffers(1, &b.vbo);
    glBindVertexArray(b.vao);
    glBindBuffer(GL_ARRAY_BUFFER, b.vbo);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(MapVertex),
                          (void*)offsetof(MapVertex, x));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(MapVertex),
                          (void*)offsetof(MapVertex, ox));
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(MapVertex),
                          (void*)offsetof(MapVertex, r));
  }
  glBindVertexArray(0);
}

MapView::~MapView() {
  for (auto& b : buf_) {
    glDeleteBuffers(1, &b.vbo);
    glDeleteVertexArrays(1, &b.vao);
  }
  glDeleteProgram(program_);
}

void MapView::upload(Layer l, const MeshBuilder& m) {
  glBindBuffer(GL_ARRAY_BUFFER, buf_[l].vbo);
  glBufferData(GL_ARRAY_BUFFER, m.v.size() * sizeof(MapVertex), m.v.data(), GL_DYNAMIC_DRAW);
  buf_[l].count = static_cast<int>(m.v.size());
}

void MapView::set_map(const RoadLines& lines) {
  // Areas: a triangle fan per ring (stencil parity decides inside, so holes and concave shapes
  // work without triangulation) and the polygon's bounding box to paint through the stencil.
  MeshBuilder fan[2], box[2];
  const MapAreas& a = lines.areas;
  for (size_t p = 0; p < a.size(); ++p) {
    int k = a.kind[p] == AreaKind::water ? 0 : 1;
    Rgba c = k == 0 ? style::water : style::park;
    Box bb;
    for (uint32_t r = a.poly_first[p]; r < a.poly_first[p + 1]; ++r) {
      uint32_t b = a.ring_first[r], e = a.ring_first[r + 1];
      for (uint32_t i = b; i < e; ++i) bb.add(a.points[i]);
      for (uint32_t i = b + 1; i + 1 < e; ++i)
        fan[k].triangle(a.points[b], a.points[i], a.points[i + 1], c);
    }
    if (bb.empty()) continue;
    box[k].triangle(bb.min, {bb.max.x, bb.min.y}, bb.max, c);
    box[k].triangle(bb.max, {bb.min.x, bb.max.y}, bb.min, c);
  }
  upload(water_fan, fan[0]);
  upload(water_box, box[0]);
  upload(park_fan, fan[1]);
  upload(park_box, box[1]);

  // Streets: a grey casing under every street, minor classes first so arterials draw on top.
  MeshBuilder cas, st;
  for (int pass = 0; pass < 3; ++pass) {
    for (size_t i = 0; i < lines.size(); ++i) {
      RoadStyle rs = road_style(lines.road_class[i]);
      int rank = rs.width_px < 2 ? 0 : rs.width_px < 4 ? 1 : 2;
      if (rank != pass) continue;
      const Vec2* p = lines.points.data() + lines.first[i];
      size_t n = lines.first[i + 1] - lines.first[i];
      Rgba c = lines.walkable[i] ? rs.color : style::not_walkable;
      if (rs.width_px >= 2) cas.line(p, n, rs.width_px + 1.5f, style::casing);
      st.line(p, n, rs.width_px, c);
    }
  }
  upload(casing, cas);
  upload(streets, st);
}

void MapView::set_plan(const Scenario& sc, int selected, const MapLayers& layers) {
  MeshBuilder w, c, d, s;
  const double radius = sc.params().radius_m;
  for (int pass = 0; pass < 2; ++pass) {  // the selected station's area and circle on top
    for (uint32_t k = 0; k < sc.slots(); ++k) {
      if (!sc.active(k) || (static_cast<int>(k) == selected) != (pass == 1)) continue;
      bool sel = pass == 1;
      if (layers.walk_areas)
        for (const auto& piece : sc.pieces(k))
          w.line(piece, sel ? 3.5f : 3, sel ? style::walk_area_selected : style::walk_area);
      if (layers.circles)
        c.circle(sc.position(k), radius, sel ? 2.0f : 1.2f,
                 sel ? style::circle_selected : style::circle);
    }
  }
  if (layers.demand) {
    const auto& dem = sc.demand();
    for (size_t i = 0; i < dem.size(); ++i) {
      uint16_t n = sc.state().count(Criterion::walk, static_cast<uint32_t>(i));
      d.point(dem.xy[i], n == 0 ? style::demand0 : n == 1 ? style::demand1 : style::demand2);
    }
  }
  for (uint32_t k = 0; k < sc.slots(); ++k) {
    if (!sc.active(k)) continue;
    bool sel = static_cast<int>(k) == selected;
    s.marker(sc.position(k), style::station_half_px + style::station_outline_px + (sel ? 1 : 0),
             sel ? style::station_selected : style::station_outline, true);
    s.marker(sc.position(k), style::station_half_px, style::station, true);
  }
  upload(walk, w);
  upload(circles, c);
  upload(demand, d);
  upload(stations, s);
}

void MapView::draw_layer(Layer l) const {
  if (buf_[l].count == 0) return;
  glBindVertexArray(buf_[l].vao);
  glDrawArrays(GL_TRIANGLES, 0, buf_[l].count);
}

void MapView::fill_areas(Layer fan, Layer box) const {
  glEnable(GL_STENCIL_TEST);
  glClear(GL_STENCIL_BUFFER_BIT);
  glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
  glStencilFunc(GL_ALWAYS, 0, 0xff);
  glStencilOp(GL_KEEP, GL_KEEP, GL_INVERT);
  draw_layer(fan);
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
  glStencilFunc(GL_NOTEQUAL, 0, 0xff);
  glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
  draw_layer(box);
  glDisable(GL_STENCIL_TEST);
}

void MapView::draw(const Camera& cam, int fb_width, int fb_height) const {
  glViewport(0, 0, fb_width, fb_height);
  glClearColor(style::background.r / 255.f, style::background.g / 255.f,
               style::background.b / 255.f, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  glUseProgram(program_);
  // Coordinates relative to the camera centre would be more precise for huge maps; metric
  // coordinates of one city stay well within float precision.
  float sx = static_cast<float>(2.0 / (cam.m_per_px * cam.width_px));
  float sy = static_cast<float>(2.0 / (cam.m_per_px * cam.height_px));
  glUniform2f(u_scale_, sx, sy);
  glUniform2f(u_shift_, static_cast<float>(-cam.centre.x * sx),
              static_cast<float>(-cam.centre.y * sy));
  glUniform2f(u_pixel_, static_cast<float>(2.0 / cam.width_px),
              static_cast<float>(2.0 / cam.height_px));
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glEnable(GL_BLEND);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  fill_areas(park_fan, park_box);
  fill_areas(water_fan, water_box);
  // Casings only matter when streets are wide apart; zoomed out they double the vertex work.
  if (cam.m_per_px < 4) draw_layer(casing);
  draw_layer(streets);
  draw_layer(walk);
  draw_layer(circles);
  // Demand: one vertex per point (a large city has hundreds of thousands), drawn as square points.
  glPointSize(3);
  if (buf_[demand].count > 0) {
    glBindVertexArray(buf_[demand].vao);
    glDrawArrays(GL_POINTS, 0, buf_[demand].count);
  }
  draw_layer(stations);
  glBindVertexArray(0);
  glUseProgram(0);
}

}  // namespace yz::app
