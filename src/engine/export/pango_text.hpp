#pragma once
// Text laid out with Pango (pangocairo): line breaking by the Unicode rules (Chinese breaks
// between characters, never inside a Latin word or an id), and font fallback per character, so no
// glyph is missing whatever mix of Chinese and Latin a name holds. cairo's toy text API does
// neither.
#include <string>

typedef struct _cairo cairo_t;

namespace yz {

struct TextStyle {
  double size = 9.5;  // points (context units)
  bool bold = false;
  double r = 0.12, g = 0.12, b = 0.16;
  int align = 0;      // 0 left, 1 centre, 2 right (within width)
  int max_lines = 0;  // 0 = no limit; else the last line ends in "…"
};

// Draws `text` (UTF-8) with its top-left at (x, y), wrapped to `width` (<= 0: one line);
// returns its height.
double draw_text(cairo_t* cr, const std::string& text, double x, double y, double width,
                 const TextStyle& style = {});
// Width and height the text would take (one line when width <= 0).
void measure_text(cairo_t* cr, const std::string& text, double width, const TextStyle& style,
                  double& w, double& h);
// One line, centred on (cx, cy), rotated by `angle` (radians), with a white halo: street labels.
void draw_text_along(cairo_t* cr, const std::string& text, double cx, double cy, double angle,
                     const TextStyle& style, double halo);

}  // namespace yz
