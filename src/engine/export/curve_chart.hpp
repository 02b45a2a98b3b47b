#pragma once
// The coverage curve drawn as a chart (cairo): workers covered against new stations (or money),
// the proven bound where it is above the plan, and the "adds almost nothing" part marked, for the
// PDF report and `coverage_curve.png`; and `coverage_curve.csv` beside it.
#include <cairo.h>

#include <string>

#include "engine/export/plan_export.hpp"
#include "engine/siting/coverage_curve.hpp"

namespace yz {

// proxy: the figures are street-length estimates (the axis says so).
void draw_coverage_curve(cairo_t* cr, const siting::CoverageCurve& c, double x, double y, double w,
                         double h, ReportLang lang, bool proxy);
void write_coverage_curve_png(const std::string& path, const siting::CoverageCurve& c,
                              ReportLang lang, bool proxy, int width = 1200, int height = 700);
void write_coverage_curve_csv(const std::string& path, const siting::CoverageCurve& c, bool bom);

}  // namespace yz
