#include "engine/export/district_map.hpp"

#include <cairo.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace yz {

void draw_district_map(cairo_t* cr, const MapScene& scene, const DistrictSummary& s,
                       const Districts& d, double x, double y, double w, double h, double u) {
  const CoverageStudy& st = *scene.study;
  // The view: the map's extent, clipped to where the districts are when they cover less.
  Box dbox;
  for (const MultiPolygon& mp : d.metric)
    for (const Polygon& p : mp)
      for (Vec2 v : p.rings.front()) dbox.add(v);
  Box e = scene.extent;
  if (!dbox.empty()) {
    Box both;
    both.min = {std::max(e.min.x, dbox.min.x), std::max(e.min.y, dbox.min.y)};
    both.max = {std::min(e.max.x, dbox.max.x), std::min(e.max.y, dbox.max.y)};
    if (!both.empty()) e = both;
  }
  const double ew = std::max(e.max.x - e.min.x, 1.0), eh = std::max(e.max.y - e.min.y, 1.0);
  const double scale = std::min(w / ew, h / eh);
  const double ox = x + (w - ew * scale) / 2, oy = y + (h + eh * scale) / 2;
  auto px = [&](Vec2 p) {
    return Vec2{ox + (p.x - e.min.x) * scale, oy - (p.y - e.min.y) * scale};
  };
  cairo_save(cr);
  cairo_rectangle(cr, x, y, w, h);
  cairo_set_source_rgb(cr, 0.97, 0.97, 0.96);
  cairo_fill_preserve(cr);
  cairo_clip(cr);
  // Streets, faint, for orientation.
  const RoadLines& L = st.city->lines;
  cairo_set_source_rgba(cr, 0.55, 0.55, 0.6, 0.5);
  cairo_set_line_width(cr, 0.6 * u);
  for (size_t i = 0; i < L.size(); ++i) {
    for (uint32_t k = L.first[i]; k < L.first[i + 1]; ++k) {
      const Vec2 p = px(L.points[k]);
      k == L.first[i] ? cairo_move_to(cr, p.x, p.y) : cairo_line_to(cr, p.x, p.y);
    }
    cairo_stroke(cr);
  }
  auto path = [&](const MultiPolygon& mp) {
    cairo_new_path(cr);
    for (const Polygon& poly : mp)
      for (const Ring& r : poly.rings) {
        for (size_t k = 0; k < r.size(); ++k) {
          const Vec2 p = px(r[k]);
          k == 0 ? cairo_move_to(cr, p.x, p.y) : cairo_line_to(cr, p.x, p.y);
        }
        cairo_close_path(cr);
      }
  };
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
  for (size_t i = 0; i < d.size() && i < s.rows.size(); ++i) {
    double r, g, b;
    district_ramp(s.rows[i].percent(s.criterion), r, g, b);
    path(d.metric[i]);
    cairo_set_source_rgba(cr, r, g, b, s.rows[i].workers > 0 ? 0.55 : 0.12);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.25);
    cairo_set_line_width(cr, 1.2 * u);
    cairo_stroke(cr);
  }
  // Stations.
  for (uint32_t i = 0; i < st.sites.size(); ++i) {
    const Vec2 p = px(st.sites.xy[i]);
    const bool suggested = i >= s.existing;
    cairo_arc(cr, p.x, p.y, (suggested ? 3.2 : 2.4) * u, 0, 2 * M_PI);
    suggested ? cairo_set_source_rgb(cr, 0.55, 0.1, 0.6) : cairo_set_source_rgb(cr, 0.1, 0.2, 0.5);
    cairo_fill(cr);
  }
  // Names and shares at the centre of each district's largest part (in view).
  for (size_t i = 0; i < d.size() && i < s.rows.size(); ++i) {
    Box best;
    double best_area = -1;
    for (const Polygon& poly : d.metric[i]) {
      Box b;
      for (Vec2 v : poly.rings.front()) b.add(v);
      const double a = std::fabs(ring_area(poly.rings.front()));
      if (a > best_area) best_area = a, best = b;
    }
    Vec2 c = best.centre();
    c.x = std::clamp(c.x, e.min.x, e.max.x);
    c.y = std::clamp(c.y, e.min.y, e.max.y);
    const Vec2 p = px(c);
    const std::string label = s.rows[i].name;
    const std::string share =
        s.rows[i].workers > 0 ? fmt::format("{:.0f} %", s.rows[i].percent(s.criterion)) : "-";
    for (int line = 0; line < 2; ++line) {
      const std::string t = line == 0 ? label : share;
      set_map_font(cr, line == 0 ? 8.5 : 8, line == 0);
      cairo_text_extents_t te;
      cairo_text_extents(cr, t.c_str(), &te);
      const double tx = p.x - te.width / 2, ty = p.y + (line == 0 ? -2 : 10);
      cairo_move_to(cr, tx, ty);
      cairo_text_path(cr, t.c_str());
      cairo_set_source_rgb(cr, 1, 1, 1);
      cairo_set_line_width(cr, 2.5 * u);
      cairo_stroke(cr);
      cairo_move_to(cr, tx, ty);
      cairo_set_source_rgb(cr, 0.05, 0.05, 0.1);
      cairo_show_text(cr, t.c_str());
    }
  }
  cairo_restore(cr);
  // Ramp legend under the map's bottom-left corner.
  const double lw = 120, lh = 8, lx = x + 6, ly = y + h - lh - 16;
  for (int k = 0; k < 60; ++k) {
    double r, g, b;
    district_ramp(100.0 * k / 59, r, g, b);
    cairo_set_source_rgba(cr, r, g, b, 0.8);
    cairo_rectangle(cr, lx + lw * k / 60, ly, lw / 60 + 0.3, lh);
    cairo_fill(cr);
  }
  set_map_font(cr, 7);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.15);
  cairo_move_to(cr, lx, ly + lh + 9);
  cairo_show_text(cr, "0 %");
  cairo_move_to(cr, lx + lw - 24, ly + lh + 9);
  cairo_show_text(cr, "100 %");
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.35);
  cairo_set_line_width(cr, 0.8);
  cairo_rectangle(cr, x, y, w, h);
  cairo_stroke(cr);
}

}  // namespace yz
