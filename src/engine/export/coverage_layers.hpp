#pragma once
// The coverage GeoPackage: sites (covered weight per criterion), walk areas (15-minute polygons),
// radius circles, demand (cover counts), joins (street pieces the island rule joined points off,
// and each connecting segment), dropped inputs, and a settings table.
#include <functional>
#include <string>
#include <vector>

#include "engine/coverage/coverage_study.hpp"
#include "engine/coverage/walk_area.hpp"
#include "engine/export/layer.hpp"
#include "engine/inputs/drop_report.hpp"

namespace yz {

struct CoverageLayers;

struct CoverageExportOptions {
  bool walk_areas = true;
  WalkAreaOptions area;
  const std::vector<MultiPolygon>* areas =
      nullptr;  // walk areas already computed (metric, per site)
  std::vector<std::pair<std::string, std::string>> settings;  // extra rows for the settings table
  bool csv_bom = false;  // a .csv output starts with a UTF-8 byte-order mark
  std::vector<Layer> extra_layers;  // written after the others (e.g. districts)
  // Extra per-site columns appended to the sites layer (`--by-hour`: hours as read, hours open).
  std::vector<FieldDef> site_fields;
  std::vector<std::vector<FieldValue>> site_values;  // [site][field]
  // Adds columns/layers of tests computed beside the study (the rider test) before writing.
  std::function<void(CoverageLayers&)> extend;
};

struct CoverageLayers {
  std::vector<Layer>
      layers;  // sites, walk_areas (unless turned off), radius_circles, demand, joins, dropped
  std::vector<std::pair<std::string, std::string>> settings;
};
CoverageLayers coverage_layers(const CoverageStudy& study, const std::vector<DropReport>& drops,
                               const CoverageExportOptions& opt = {},
                               const Progress& progress = {});

// The demand layer's status words ("uncovered", "covered once", ...).
const char* demand_status(const CoverageStudy& study, uint32_t demand);
// Area of a metric multipolygon (holes subtracted), m².
double multipolygon_area(const MultiPolygon& mp);

void write_coverage_layers(const std::string& path, const CoverageStudy& study,
                           const std::vector<DropReport>& drops,
                           const CoverageExportOptions& opt = {}, const Progress& progress = {});

// Each site's 15-minute walk area (metric), computed in parallel.
std::vector<MultiPolygon> walk_areas(const CoverageStudy& study, const WalkAreaOptions& opt,
                                     const Progress& progress = {});

}  // namespace yz
