#include "engine/export/curve_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "engine/export/map_render.hpp"
#include "engine/util/error.hpp"
#include "engine/util/number_format.hpp"
#include "engine/util/output_file.hpp"

namespace yz {

namespace {

double text_w(cairo_t* cr, const std::string& s) {
  cairo_text_extents_t e;
  cairo_text_extents(cr, s.c_str(), &e);
  return e.x_advance;
}

// A round step for about `n` ticks over [0, span].
double nice_step(double span, int n) {
  if (span <= 0) return 1;
  const double raw = span / n, mag = std::pow(10, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * mag >= raw) return m * mag;
  return 10 * mag;
}

}  // namespace

void draw_coverage_curve(cairo_t* cr, const siting::CoverageCurve& c, double x, double y, double w,
                         double h, ReportLang lang, bool proxy) {
  const bool Z = lang == ReportLang::zh;
  const double u = h / 260;  // text scales with the chart
  cairo_save(cr);
  const double left = x + 52 * u, right = x + w - 14 * u, top = y + 40 * u, bottom = y + h - 40 * u;
  set_map_font(cr, 10 * u, true);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.15);
  const std::string title =
      Z ? (c.by_money ? "覆盖曲线：投入资金与覆盖人数" : "覆盖曲线：新站数量与覆盖人数")
        : (c.by_money ? "Coverage curve: money and workers covered"
                      : "Coverage curve: new stations and workers covered");
  cairo_move_to(cr, x, y + 12 * u);
  cairo_show_text(cr, title.c_str());
  if (c.points.empty()) {
    cairo_restore(cr);
    return;
  }
  // Axes: y as the share of all workers, x as stations (or money).
  double xmax = 0, ymin = 100, ymax = 0;
  auto xv = [&](const siting::CurvePoint& p) {
    return c.by_money ? std::max(0.0, p.budget) : p.stations;
  };
  for (const auto& p : c.points) {
    xmax = std::max(xmax, xv(p));
    const double s = c.total > 0 ? 100 * p.covered / c.total : 0;
    const double b = c.total > 0 && p.bound >= 0 ? 100 * p.bound / c.total : s;
    ymin = std::min(ymin, s), ymax = std::max({ymax, s, b});
  }
  xmax = std::max(xmax, 1.0);
  const double ystep = nice_step(std::max(ymax - ymin, 1.0), 5);
  ymin = std::floor(ymin / ystep) * ystep,
  ymax = std::max(ymin + ystep, std::ceil(ymax / ystep) * ystep);
  auto X = [&](double v) { return left + (right - left) * v / xmax; };
  auto Y = [&](double s) { return bottom - (bottom - top) * (s - ymin) / (ymax - ymin); };
  set_map_font(cr, 8 * u);
  cairo_set_line_width(cr, 0.6 * u);
  for (double s = ymin; s <= ymax + 1e-9; s += ystep) {
    cairo_set_source_rgb(cr, 0.88, 0.88, 0.9);
    cairo_move_to(cr, left, Y(s)), cairo_line_to(cr, right, Y(s)), cairo_stroke(cr);
    const std::string t = fmt::format("{:g}%", round_shown(s, 1));
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.35);
    cairo_move_to(cr, left - 4 * u - text_w(cr, t), Y(s) + 3 * u);
    cairo_show_text(cr, t.c_str());
  }
  const double xstep = c.by_money ? nice_step(xmax, 6) : std::max(1.0, nice_step(xmax, 10));
  for (double v = 0; v <= xmax + 1e-9; v += xstep) {
    const std::string t = fmt::format("{:g}", round_shown(v, 2));
    cairo_set_source_rgb(cr, 0.3, 0.3, 0.35);
    cairo_move_to(cr, X(v) - text_w(cr, t) / 2, bottom + 11 * u);  // labels under their ticks
    cairo_show_text(cr, t.c_str());
    cairo_move_to(cr, X(v), bottom), cairo_line_to(cr, X(v), bottom + 3 * u), cairo_stroke(cr);
  }
  cairo_set_source_rgb(cr, 0.3, 0.3, 0.35);
  cairo_move_to(cr, left, top), cairo_line_to(cr, left, bottom), cairo_line_to(cr, right, bottom);
  cairo_stroke(cr);
  const std::string xlabel = Z ? (c.by_money ? "投入资金（元）" : "新建站点数（个）")
                               : (c.by_money ? "Money (yuan)" : "New stations");
  const std::string ylabel =
      Z ? (proxy ? "估算覆盖比例（按街道长度估算，非实际人数）" : "覆盖劳动者比例")
        : (proxy ? "Share of estimated workers covered (street-length proxy)"
                 : "Share of workers covered");
  cairo_move_to(cr, (left + right) / 2 - text_w(cr, xlabel) / 2, bottom + 24 * u);
  cairo_show_text(cr, xlabel.c_str());
  cairo_move_to(cr, left, top - 10 * u);
  cairo_show_text(cr, ylabel.c_str());
  // The part that adds almost nothing, shaded.
  if (c.knee > 0) {
    const double x0 = X(xv(c.points[c.knee - 1]));
    cairo_set_source_rgba(cr, 0.95, 0.55, 0.2, 0.15);
    cairo_rectangle(cr, x0, top, right - x0, bottom - top);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.75, 0.35, 0.05);
    const std::string t =
        Z ? fmt::format("此后每站增益甚微（少于 {:.0f}{}）", round_shown(c.min_gain, 0),
                        proxy ? "（估算）" : " 人")
          : fmt::format("adds almost nothing (under {:.0f} {} per station)",
                        round_shown(c.min_gain, 0), proxy ? "estimated workers" : "workers");
    const double tx = std::min(x0 + 4 * u, right - text_w(cr, t));
    cairo_move_to(cr, std::max(left + 4 * u, tx), bottom - 6 * u);
    cairo_show_text(cr, t.c_str());
  }
  // Proven bounds above the plans (dashed), then the curve.
  const double dash[] = {3 * u, 2 * u};
  for (size_t i = 1; i < c.points.size(); ++i) {
    const auto& p = c.points[i];
    if (p.bound < 0 || p.optimal || c.total <= 0) continue;
    cairo_set_source_rgb(cr, 0.5, 0.5, 0.55);
    cairo_set_dash(cr, dash, 2, 0);
    cairo_move_to(cr, X(xv(p)), Y(100 * p.covered / c.total));
    cairo_line_to(cr, X(xv(p)), Y(100 * p.bound / c.total));
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
  }
  cairo_set_line_width(cr, 1.6 * u);
  cairo_set_source_rgb(cr, 0.13, 0.4, 0.75);
  for (size_t i = 0; i < c.points.size(); ++i) {
    const double px = X(xv(c.points[i])),
                 py = Y(c.total > 0 ? 100 * c.points[i].covered / c.total : 0);
    i == 0 ? cairo_move_to(cr, px, py) : cairo_line_to(cr, px, py);
  }
  cairo_stroke(cr);
  for (size_t i = 0; i < c.points.size(); ++i) {
    const bool little = c.knee >= 0 && static_cast<int>(i) >= c.knee;
    little ? cairo_set_source_rgb(cr, 0.85, 0.45, 0.1) : cairo_set_source_rgb(cr, 0.13, 0.4, 0.75);
    cairo_arc(cr, X(xv(c.points[i])), Y(c.total > 0 ? 100 * c.points[i].covered / c.total : 0),
              2.6 * u, 0, 2 * M_PI);
    cairo_fill(cr);
  }
  cairo_restore(cr);
}

void write_coverage_curve_png(const std::string& path, const siting::CoverageCurve& c,
                              ReportLang lang, bool proxy, int width, int height) {
  cairo_surface_t* surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  cairo_t* cr = cairo_create(surf);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  draw_coverage_curve(cr, c, 16, 12, width - 32, height - 24, lang, proxy);
  cairo_destroy(cr);
  cairo_surface_flush(surf);
  OutputFile out(path);
  FileSink sink(out.path(), path);
  const cairo_status_t status = cairo_surface_write_to_png_stream(
      surf,
      [](void* s, const unsigned char* data, unsigned int n) {
        return static_cast<FileSink*>(s)->write(data, n) ? CAIRO_STATUS_SUCCESS
                                                         : CAIRO_STATUS_WRITE_ERROR;
      },
      &sink);
  cairo_surface_destroy(surf);
  sink.close();
  if (status != CAIRO_STATUS_SUCCESS)
    throw InputError(output_display_path(path),
                     std::string("cannot write PNG: ") + cairo_status_to_string(status));
  out.commit();
}

void write_coverage_curve_csv(const std::string& path, const siting::CoverageCurve& c, bool bom) {
  OutputFile out(path);
  FileSink sink(out.path(), path);
  const std::string text =
      (bom ? std::string("\xEF\xBB\xBF") : std::string()) + siting::coverage_curve_csv(c);
  sink.write(text);
  sink.close();
  out.commit();
}

}  // namespace yz
