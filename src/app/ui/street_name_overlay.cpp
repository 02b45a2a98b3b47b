#include "app/ui/street_name_overlay.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace yz::app {

namespace {

// Per map (recomputed when the lines change): each named line's box, so a frame only walks the
// lines in view.
struct LineBoxes {
  const RoadLines* lines = nullptr;
  size_t count = 0;
  std::vector<uint32_t> named;
  std::vector<Box> box;
};

const LineBoxes& boxes_for(const RoadLines& L) {
  static LineBoxes c;
  if (c.lines == &L && c.count == L.size()) return c;
  c = LineBoxes{};
  c.lines = &L;
  c.count = L.size();
  for (uint32_t i = 0; i < L.size(); ++i) {
    if (i >= L.name.size() || L.name[i].empty()) continue;
    Box b;
    for (uint32_t k = L.first[i]; k < L.first[i + 1]; ++k) b.add(L.points[k]);
    c.named.push_back(i);
    c.box.push_back(b);
  }
  return c;
}

bool overlaps(const Box& a, const Box& b) {
  return a.min.x <= b.max.x && b.min.x <= a.max.x && a.min.y <= b.max.y && b.min.y <= a.max.y;
}

}  // namespace

int draw_street_names(const AppState& st, ImDrawList* dl, LabelPlacer& placer) {
  if (!st.session || st.cam.m_per_px > kStreetNamesMaxMPerPx) return 0;
  const Camera& cam = st.cam;
  const RoadLines& L = st.session->workspace().city().lines;
  const LineBoxes& lb = boxes_for(L);
  Box view;
  view.add(cam.to_world(st.map_x0, st.map_y0));
  view.add(cam.to_world(st.map_x1, st.map_y1));
  const LabelBox screen{st.map_x0, st.map_y0, st.map_x1, st.map_y1};
  struct Piece {
    Vec2 a, b;
    double len = 0;
    int cls = 0;
    const std::string* text = nullptr;
  };
  std::map<std::string, Piece> best;  // by name: deterministic order
  const bool en = st.lang == Lang::en;
  for (size_t j = 0; j < lb.named.size(); ++j) {
    if (!overlaps(lb.box[j], view)) continue;
    const uint32_t i = lb.named[j];
    const std::string* text =
        en && i < L.name_en.size() && !L.name_en[i].empty() ? &L.name_en[i] : &L.name[i];
    for (uint32_t k = L.first[i]; k + 1 < L.first[i + 1]; ++k) {
      const Vec2 a = cam.to_screen(L.points[k]), b = cam.to_screen(L.points[k + 1]);
      const LabelBox sb{std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x),
                        std::max(a.y, b.y)};
      if (!sb.inside(screen)) continue;
      const double len = distance(a, b);
      Piece& p = best[L.name[i]];
      if (len > p.len) p = {a, b, len, static_cast<int>(L.road_class[i]), text};
    }
  }
  std::vector<const Piece*> order;
  for (const auto& [name, p] : best) order.push_back(&p);
  std::stable_sort(order.begin(), order.end(), [](const Piece* a, const Piece* b) {
    return a->cls != b->cls ? a->cls > b->cls : a->len > b->len;
  });
  ImFont* font = ImGui::GetFont();
  const float size = 14;
  int drawn = 0;
  for (const Piece* p : order) {
    const char* t = p->text->c_str();
    const ImVec2 sz = font->CalcTextSizeA(size, 1e9f, 0, t);
    if (sz.x + 8 > p->len) continue;
    double ang = std::atan2(p->b.y - p->a.y, p->b.x - p->a.x);
    if (ang > M_PI / 2) ang -= M_PI;
    if (ang < -M_PI / 2) ang += M_PI;
    const Vec2 c = (p->a + p->b) * 0.5;
    const double ca = std::cos(ang), sa = std::sin(ang);
    // The turned text's band, as five squares along it: free of marks and labels?
    std::vector<LabelBox> band;
    for (int s = -2; s <= 2; ++s) {
      const Vec2 q{c.x + ca * sz.x * s / 4.5, c.y + sa * sz.x * s / 4.5};
      band.push_back({q.x - sz.y / 2, q.y - sz.y / 2, q.x + sz.y / 2, q.y + sz.y / 2});
    }
    if (!std::all_of(band.begin(), band.end(), [&](const LabelBox& b) { return placer.free(b); }))
      continue;
    for (const auto& b : band) placer.block(b);
    // ImGui draws text upright: draw it, then turn its vertices about the centre.
    auto turned = [&](ImU32 col, float dx, float dy) {
      const int v0 = dl->VtxBuffer.Size;
      dl->AddText(
          font, size,
          ImVec2(static_cast<float>(c.x - sz.x / 2) + dx, static_cast<float>(c.y - sz.y / 2) + dy),
          col, t);
      for (int v = v0; v < dl->VtxBuffer.Size; ++v) {
        ImVec2& pos = dl->VtxBuffer[v].pos;
        const double x = pos.x - c.x, y = pos.y - c.y;
        pos = ImVec2(static_cast<float>(c.x + x * ca - y * sa),
                     static_cast<float>(c.y + x * sa + y * ca));
      }
    };
    for (const auto& [dx, dy] : {std::pair{-1.f, 0.f}, {1.f, 0.f}, {0.f, -1.f}, {0.f, 1.f}})
      turned(IM_COL32(255, 255, 255, 230), dx, dy);
    turned(IM_COL32(60, 60, 75, 255), 0, 0);
    ++drawn;
  }
  return drawn;
}

}  // namespace yz::app
