#pragma once
// The plan as a map drawn with cairo, offscreen (no window): streets by class, water and parks,
// walk areas, 1 km circles, demand coloured by how many stations reach it on foot, stations by
// type, suggested stations with their rank; title, legend, scale bar, north arrow and the data
// licence. Same colours as the app (map_palette.hpp). Used for the PNG map and the PDF report.
#include <string>
#include <vector>

#include "engine/export/label_placement.hpp"
#include "engine/export/marker_shape.hpp"
#include "engine/export/plan_export.hpp"
#include "engine/util/param_range.hpp"

typedef struct _cairo cairo_t;  // cairo's own declaration (keeps cairo.h out of this header)

namespace yz {

struct MapScene {
  const CoverageStudy* study = nullptr;
  std::vector<MultiPolygon> walk_areas;  // metric, per site
  std::vector<uint32_t> rank;            // per site: 0 = existing station, k = suggested, rank k
  std::string title;
  ReportLang lang = ReportLang::zh;
  Box extent;  // metric area to show
  bool legend = true;  // false: no legend panel (small maps, e.g. field-check sheets)
};

// walk_areas: each site's walk area (metric), computed here when not given.
MapScene make_map_scene(const PlanExport& plan, const ExportOptions& opt,
                        std::vector<MultiPolygon> walk_areas = {});

// A label drawn on the map, for callers (and tests) that need to know what went where.
struct MapLabel {
  uint32_t site = 0;
  std::string text;  // the station name, its id when the name fitted nowhere, or "#rank"
  LabelBox box;      // including the white halo
};

// Where metric coordinates land in the drawing (context units), and what was drawn.
struct MapFrame {
  double x = 0, y = 0, w = 0, h = 0;  // the map rectangle
  double scale = 1;                   // context units per metre
  Vec2 origin;                        // metric point drawn at (x0, y1) below
  double x0 = 0, y1 = 0;
  Vec2 to_px(Vec2 xy) const {
    return {x0 + (xy.x - origin.x) * scale, y1 - (xy.y - origin.y) * scale};
  }
  std::vector<LabelBox> marks;     // each station's mark (existing and suggested)
  std::vector<MapLabel> labels;    // placed, none overlapping another label or any mark
  uint32_t labels_dropped = 0;     // labels that fitted nowhere (not even as the id)
  std::vector<MarkerShape> shape;  // per site: the shape its mark was drawn with (existing)
  std::vector<std::pair<std::string, MarkerShape>> legend_shapes;  // host type, shape
  std::string credit;  // the data licence / provenance drawn on the map ("" = none)
};

// Draws into the rectangle (x, y, w, h); u = one app pixel in context units (line widths, fonts).
MapFrame draw_map(cairo_t* cr, const MapScene& scene, double x, double y, double w, double h,
                  double u, bool with_title);

// PNG of width x height pixels; dpi sets the size of lines and text (96 = the app's pixels).
// PNG size and resolution (ParamError png_width/png_height/dpi outside).
inline constexpr ParamRange kPngWidth{200, 20000, false, "pixels"};
inline constexpr ParamRange kPngHeight{150, 20000, false, "pixels"};
inline constexpr ParamRange kPngDpi{30, 1200, false, "dpi"};
MapFrame write_png_map(const std::string& path, const MapScene& scene, int width, int height,
                       double dpi);

// A CJK-capable font (Noto Sans CJK SC via fontconfig) for Chinese and Latin text.
void set_map_font(cairo_t* cr, double size, bool bold = false);
const char* map_font_family();
// Shortens UTF-8 text (whole characters) with "…" until it fits `max_width` in the current font.
std::string fit_text(cairo_t* cr, std::string s, double max_width);

// Host-type and label words in the report language.
std::string host_label(const std::string& host_type, ReportLang lang);

}  // namespace yz
