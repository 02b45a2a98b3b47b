#include "engine/export/street_labels.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/export/pango_text.hpp"
#include "engine/map/road_class.hpp"

namespace yz {

std::vector<StreetLabel> draw_street_labels(cairo_t* cr, const MapFrame& f, const RoadLines& L,
                                            bool english, double size) {
  const LabelBox view{f.x, f.y, f.x + f.w, f.y + f.h};
  // Per name: the longest visible segment (the bigger road class first when names compete).
  struct Piece {
    Vec2 a, b;
    double len = 0;
    int cls = 0;
    std::string text;
  };
  std::map<std::string, Piece> best;
  for (size_t i = 0; i < L.size(); ++i) {
    if (i >= L.name.size() || L.name[i].empty()) continue;
    const std::string& text =
        english && i < L.name_en.size() && !L.name_en[i].empty() ? L.name_en[i] : L.name[i];
    for (uint32_t k = L.first[i]; k + 1 < L.first[i + 1]; ++k) {
      const Vec2 a = f.to_px(L.points[k]), b = f.to_px(L.points[k + 1]);
      const LabelBox sb{std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x),
                        std::max(a.y, b.y)};
      if (!sb.inside(view)) continue;
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
  std::vector<StreetLabel> out;
  std::vector<LabelBox> taken = f.marks;
  for (const auto& l : f.labels) taken.push_back(l.box);
  TextStyle st;
  st.size = size;
  st.r = 0.25, st.g = 0.25, st.b = 0.3;
  for (const Piece* p : order) {
    double w = 0, h = 0;
    measure_text(cr, p->text, 0, st, w, h);
    if (w + size > p->len) continue;  // the name does not fit along its longest piece
    double ang = std::atan2(p->b.y - p->a.y, p->b.x - p->a.x);
    if (ang > M_PI / 2) ang -= M_PI;
    if (ang < -M_PI / 2) ang += M_PI;
    const Vec2 c = (p->a + p->b) * 0.5;
    const double ca = std::abs(std::cos(ang)), sa = std::abs(std::sin(ang));
    const double hw = (w * ca + h * sa) / 2, hh = (w * sa + h * ca) / 2;
    const LabelBox box{c.x - hw, c.y - hh, c.x + hw, c.y + hh};
    if (!box.inside(view)) continue;
    // A turned label's box is loose; test the text's own band against others' boxes instead of
    // the whole box, sampled along it.
    bool free = true;
    for (int s = -2; s <= 2 && free; ++s) {
      const Vec2 q{c.x + std::cos(ang) * w * s / 4.5, c.y + std::sin(ang) * w * s / 4.5};
      const LabelBox qb{q.x - h / 2, q.y - h / 2, q.x + h / 2, q.y + h / 2};
      for (const auto& t : taken)
        if (t.overlaps(qb)) {
          free = false;
          break;
        }
    }
    if (!free) continue;
    draw_text_along(cr, p->text, c.x, c.y, ang, st, size * 0.18);
    for (int s = -2; s <= 2; ++s) {
      const Vec2 q{c.x + std::cos(ang) * w * s / 4.5, c.y + std::sin(ang) * w * s / 4.5};
      taken.push_back({q.x - h / 2, q.y - h / 2, q.x + h / 2, q.y + h / 2});
    }
    out.push_back({p->text, c, ang, box});
  }
  return out;
}

}  // namespace yz
