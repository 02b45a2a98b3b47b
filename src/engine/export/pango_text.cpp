#include "engine/export/pango_text.hpp"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>

#include "engine/export/map_render.hpp"

namespace yz {

namespace {

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

Layout make_layout(cairo_t* cr, const std::string& text, double width, const TextStyle& st) {
  Layout l(pango_cairo_create_layout(cr));
  PangoFontDescription* fd = pango_font_description_new();
  pango_font_description_set_family(fd, map_font_family());
  pango_font_description_set_absolute_size(fd, st.size * PANGO_SCALE);
  pango_font_description_set_weight(fd, st.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(l.get(), fd);
  pango_font_description_free(fd);
  pango_layout_set_text(l.get(), text.c_str(), static_cast<int>(text.size()));
  if (width > 0) {
    pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l.get(), st.align == 1   ? PANGO_ALIGN_CENTER
                                        : st.align == 2 ? PANGO_ALIGN_RIGHT
                                                        : PANGO_ALIGN_LEFT);
    if (st.max_lines > 0) {
      pango_layout_set_height(l.get(), -st.max_lines);
      pango_layout_set_ellipsize(l.get(), PANGO_ELLIPSIZE_END);
    }
  }
  return l;
}

}  // namespace

double draw_text(cairo_t* cr, const std::string& text, double x, double y, double width,
                 const TextStyle& st) {
  Layout l = make_layout(cr, text, width, st);
  int w = 0, h = 0;
  pango_layout_get_size(l.get(), &w, &h);
  cairo_save(cr);
  cairo_set_source_rgb(cr, st.r, st.g, st.b);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, l.get());
  cairo_restore(cr);
  return static_cast<double>(h) / PANGO_SCALE;
}

void measure_text(cairo_t* cr, const std::string& text, double width, const TextStyle& st,
                  double& w, double& h) {
  Layout l = make_layout(cr, text, width, st);
  int pw = 0, ph = 0;
  pango_layout_get_size(l.get(), &pw, &ph);
  w = static_cast<double>(pw) / PANGO_SCALE;
  h = static_cast<double>(ph) / PANGO_SCALE;
}

void draw_text_along(cairo_t* cr, const std::string& text, double cx, double cy, double angle,
                     const TextStyle& st, double halo) {
  Layout l = make_layout(cr, text, 0, st);
  int pw = 0, ph = 0;
  pango_layout_get_size(l.get(), &pw, &ph);
  cairo_save(cr);
  cairo_translate(cr, cx, cy);
  cairo_rotate(cr, angle);
  cairo_move_to(cr, -static_cast<double>(pw) / PANGO_SCALE / 2,
                -static_cast<double>(ph) / PANGO_SCALE / 2);
  pango_cairo_layout_path(cr, l.get());
  cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
  cairo_set_line_width(cr, 2 * halo);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke(cr);
  cairo_move_to(cr, -static_cast<double>(pw) / PANGO_SCALE / 2,
                -static_cast<double>(ph) / PANGO_SCALE / 2);
  cairo_set_source_rgb(cr, st.r, st.g, st.b);
  pango_cairo_show_layout(cr, l.get());
  cairo_restore(cr);
}

}  // namespace yz
