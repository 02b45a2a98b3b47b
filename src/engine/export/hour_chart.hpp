#pragma once
// Coverage by hour as a small chart (cairo) for the PDF report: the share of workers covered under
// one test in each hour of a weekday and of a weekend day, counting only stations open then.
#include <cairo.h>

#include "engine/coverage/hour_coverage.hpp"
#include "engine/export/plan_export.hpp"

namespace yz {

// `criterion`: index into kAllCriteria.
void draw_hour_chart(cairo_t* cr, const HourCoverage& hc, int criterion, double x, double y,
                     double w, double h, ReportLang lang);

}  // namespace yz
