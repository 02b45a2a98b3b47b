#include "engine/export/hour_chart.hpp"

#include <fmt/format.h>

#include "engine/export/map_render.hpp"

namespace yz {

void draw_hour_chart(cairo_t* cr, const HourCoverage& hc, int criterion, double x, double y,
                     double w, double h, ReportLang lang) {
  const bool Z = lang == ReportLang::zh;
  cairo_save(cr);
  const double left = x + 34, right = x + w - 8, top = y + 8, bottom = y + h - 16;
  auto px = [&](double hour) { return left + hour / 24 * (right - left); };
  auto py = [&](double pct) { return bottom - pct / 100 * (bottom - top); };
  cairo_set_source_rgb(cr, 0.97, 0.97, 0.98);
  cairo_rectangle(cr, left, top, right - left, bottom - top);
  cairo_fill(cr);
  set_map_font(cr, 7.5);
  cairo_set_line_width(cr, 0.5);
  for (int p = 0; p <= 100; p += 25) {
    cairo_set_source_rgb(cr, 0.8, 0.8, 0.83);
    cairo_move_to(cr, left, py(p));
    cairo_line_to(cr, right, py(p));
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0.35, 0.35, 0.4);
    const std::string t = fmt::format("{}%", p);
    cairo_move_to(cr, x, py(p) + 3);
    cairo_show_text(cr, t.c_str());
  }
  for (int hr = 0; hr <= 24; hr += 3) {
    cairo_set_source_rgb(cr, 0.8, 0.8, 0.83);
    cairo_move_to(cr, px(hr), top);
    cairo_line_to(cr, px(hr), bottom);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0.35, 0.35, 0.4);
    const std::string t = fmt::format("{}", hr);
    cairo_text_extents_t e;
    cairo_text_extents(cr, t.c_str(), &e);
    cairo_move_to(cr, px(hr) - e.x_advance / 2, bottom + 10);
    cairo_show_text(cr, t.c_str());
  }
  // Weekday blue, weekend orange; each hour at its middle (its figure is the hour's mean).
  const double colour[2][3] = {{0.16, 0.43, 0.78}, {0.88, 0.47, 0.08}};
  cairo_set_line_width(cr, 1.6);
  for (int t = 0; t < 2; ++t) {
    cairo_set_source_rgb(cr, colour[t][0], colour[t][1], colour[t][2]);
    for (int hr = 0; hr < 24; ++hr) {
      const double pct = hc.total > 0 ? 100 * hc.by[t][hr].covered[criterion] / hc.total : 0;
      hr == 0 ? cairo_move_to(cr, px(hr + 0.5), py(pct)) : cairo_line_to(cr, px(hr + 0.5), py(pct));
    }
    cairo_stroke(cr);
  }
  // Legend, top right inside the plot.
  double lx = right - 150;
  for (int t = 0; t < 2; ++t) {
    cairo_set_source_rgb(cr, colour[t][0], colour[t][1], colour[t][2]);
    cairo_rectangle(cr, lx, top + 5, 12, 3);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.2, 0.2, 0.25);
    cairo_move_to(cr, lx + 15, top + 9);
    const char* name = t ? (Z ? "周末" : "weekend") : (Z ? "工作日" : "weekday");
    cairo_show_text(cr, name);
    lx += 70;
  }
  cairo_restore(cr);
}

}  // namespace yz
