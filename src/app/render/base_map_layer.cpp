#include "app/render/base_map_layer.hpp"

#include "app/render/gl.hpp"
#include "app/render/street_mesh.hpp"

namespace yz::app {

BaseMapLayer::BaseMapLayer() {
  for (GlBuffer* b : {&water_fan_, &water_box_, &park_fan_, &park_box_}) *b = line_buffer();
}

BaseMapLayer::~BaseMapLayer() {
  for (GlBuffer* b : {&water_fan_, &water_box_, &park_fan_, &park_box_}) free_buffer(*b);
  for (StreetGpu& g : levels_) free_buffer(g.streets), free_buffer(g.casings);
}

void BaseMapLayer::set(const RoadLines& lines, Vec2 origin) {
  // Areas: a triangle fan per ring (stencil parity decides inside, so holes and concave shapes
  // work without triangulation) and the polygon's bounding box to paint through the stencil.
  MeshBuilder fan[2], box[2];
  for (MeshBuilder* m : {&fan[0], &fan[1], &box[0], &box[1]}) m->origin = origin;
  const MapAreas& a = lines.areas;
  for (size_t p = 0; p < a.size(); ++p) {
    const int k = a.kind[p] == AreaKind::water ? 0 : 1;
    const Rgba c = k == 0 ? style::water : style::park;
    const bool main = k == 0;  // the areas layer's colour recolours water
    Box bb;
    for (uint32_t r = a.poly_first[p]; r < a.poly_first[p + 1]; ++r) {
      uint32_t b = a.ring_first[r], e = a.ring_first[r + 1];
      for (uint32_t i = b; i < e; ++i) bb.add(a.points[i]);
      for (uint32_t i = b + 1; i + 1 < e; ++i)
        fan[k].triangle(a.points[b], a.points[i], a.points[i + 1], c, main);
    }
    if (bb.empty()) continue;
    box[k].triangle(bb.min, {bb.max.x, bb.min.y}, bb.max, c, main);
    box[k].triangle(bb.max, {bb.min.x, bb.max.y}, bb.min, c, main);
  }
  upload(water_fan_, fan[0], false);
  upload(water_box_, box[0], false);
  upload(park_fan_, fan[1], false);
  upload(park_box_, box[1], false);

  // Streets: levels of detail cut into tiles; the CPU copies go once uploaded.
  for (StreetGpu& g : levels_) free_buffer(g.streets), free_buffer(g.casings);
  levels_.clear();
  for (StreetLevel& L : build_street_levels(lines, origin)) {
    StreetGpu g;
    g.from_m_per_px = L.from_m_per_px;
    g.streets = line_buffer();
    g.casings = line_buffer();
    upload(g.streets, L.streets, false);
    upload(g.casings, L.casings, false);
    g.street_first = std::move(L.street_first);
    g.street_count = std::move(L.street_count);
    g.casing_first = std::move(L.casing_first);
    g.casing_count = std::move(L.casing_count);
    g.tile_box = std::move(L.tile_box);
    levels_.push_back(std::move(g));
  }
}

void BaseMapLayer::draw(MapLayer l, const LayerStyle& look, MapPainter& p) {
  if (l == MapLayer::areas) {
    p.use_lines(look.color, look.opacity);
    fill_areas(park_fan_, park_box_, p);
    fill_areas(water_fan_, water_box_, p);
  } else if (l == MapLayer::streets) {
    draw_streets(look, p);
  }
}

void BaseMapLayer::fill_areas(const GlBuffer& fan, const GlBuffer& box, MapPainter& p) const {
  if (fan.count == 0) return;
  glEnable(GL_STENCIL_TEST);
  glClear(GL_STENCIL_BUFFER_BIT);
  glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
  glStencilFunc(GL_ALWAYS, 0, 0xff);
  glStencilOp(GL_KEEP, GL_KEEP, GL_INVERT);
  p.draw_triangles(fan);
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
  glStencilFunc(GL_NOTEQUAL, 0, 0xff);
  glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
  p.draw_triangles(box);
  glDisable(GL_STENCIL_TEST);
}

void BaseMapLayer::draw_tiles(const GlBuffer& b, const std::vector<int>& first,
                              const std::vector<int>& count, const std::vector<uint8_t>& visible) {
  multi_first_.clear();
  multi_count_.clear();
  const size_t tiles = visible.size();
  for (size_t i = 0; i < first.size(); ++i) {
    if (!visible[i % tiles] || count[i] == 0) continue;
    if (!multi_first_.empty() && multi_first_.back() + multi_count_.back() == first[i])
      multi_count_.back() += count[i];  // adjacent ranges: one draw
    else
      multi_first_.push_back(first[i]), multi_count_.push_back(count[i]);
  }
  if (multi_first_.empty()) return;
  glBindVertexArray(b.vao);
  glMultiDrawArrays(GL_TRIANGLES, multi_first_.data(), multi_count_.data(),
                    static_cast<GLsizei>(multi_first_.size()));
}

void BaseMapLayer::draw_streets(const LayerStyle& look, MapPainter& p) {
  if (levels_.empty()) return;
  const Camera& cam = p.camera();
  // Without casings (zoomed out) white streets would vanish on the light background: darken.
  const bool casings = cam.m_per_px < 4;
  Rgba c = look.color;
  if (!casings)
    c = {static_cast<uint8_t>(c.r * 0.55 + style::casing.r * 0.45),
         static_cast<uint8_t>(c.g * 0.55 + style::casing.g * 0.45),
         static_cast<uint8_t>(c.b * 0.55 + style::casing.b * 0.45), c.a};
  p.use_lines(c, look.opacity);
  size_t k = 0;
  for (size_t i = 0; i < levels_.size(); ++i)
    if (cam.m_per_px >= levels_[i].from_m_per_px) k = i;
  const StreetGpu& g = levels_[k];
  // The view in metres from the origin, grown by the widest line so edges do not pop.
  const double hw = cam.width_px / 2 * cam.m_per_px + 8 * cam.m_per_px;
  const double hh = cam.height_px / 2 * cam.m_per_px + 8 * cam.m_per_px;
  const double cx = cam.centre.x - p.origin().x, cy = cam.centre.y - p.origin().y;
  tile_visible_.resize(g.tile_box.size());
  for (size_t t = 0; t < g.tile_box.size(); ++t) {
    const Box& b = g.tile_box[t];
    tile_visible_[t] = !b.empty() && b.max.x >= cx - hw && b.min.x <= cx + hw &&
                       b.max.y >= cy - hh && b.min.y <= cy + hh;
  }
  // Casings only matter when streets are wide apart; zoomed out they double the vertex work.
  if (casings) draw_tiles(g.casings, g.casing_first, g.casing_count, tile_visible_);
  draw_tiles(g.streets, g.street_first, g.street_count, tile_visible_);
}

}  // namespace yz::app
