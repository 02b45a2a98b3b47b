#pragma once
// Hand-over of a plan: every layer (stations, candidates, suggestions, walk areas per station,
// dissolved and split by nearest station, 1 km circles, demand with cover counts, coverage gaps)
// in GeoPackage, GeoJSON, KML, Shapefile and CSV; station lists for Chinese web maps (WGS-84,
// GCJ-02, BD-09); the accessibility GeoTIFF; a PNG map and a PDF report. The one call the CLI
// (`yizhan export`) and the GUI (File > Export) make.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/coverage/coverage_study.hpp"
#include "engine/coverage/walk_area.hpp"
#include "engine/export/field_check_options.hpp"
#include "engine/export/layer.hpp"
#include "engine/inputs/districts.hpp"
#include "engine/inputs/drop_report.hpp"
#include "engine/siting/suggest_run.hpp"

namespace yz {

enum class ExportFormat : uint8_t { gpkg, geojson, kml, shp, csv, tif, png, pdf };
std::string_view to_string(ExportFormat f);
// "gpkg,geojson,kml,shp,csv,tif,png,pdf" (any subset, "all"); throws InputError("--formats", ...).
std::vector<ExportFormat> parse_formats(std::string_view list);

enum class ReportLang : uint8_t { zh, en };

struct ExportOptions {
  std::string out_dir;
  std::vector<ExportFormat> formats = parse_formats("all");
  std::string base_name = "plan";  // plan.gpkg, plan.kml
  double cell_m = 50;              // accessibility GeoTIFF
  double max_minutes = 60;         // ... farther than this: no data
  int png_width = 1600, png_height = 1200;
  double dpi = 150;
  ReportLang lang = ReportLang::zh;
  bool csv_bom = false;  // CSVs start with a UTF-8 byte-order mark (for spreadsheet software)
  std::string title;     // map and report title; default from the language and the map
  // field_check.pdf (with the pdf format): one sheet per site of this kind (field_check_sheet.hpp).
  FieldCheckSites field_check = FieldCheckSites::suggested;
  WalkAreaOptions area;
  double gap_radius_m =
      150;  // coverage gaps: uncovered workers within this of each other form one gap
  // A file in out_dir that an earlier export did not write (see ExportFolder) is replaced only
  // when overwrite is set; the inputs (map, stations, ...) are never written over.
  bool overwrite = false;
  std::vector<std::string> inputs;

  static constexpr ParamRange kGapM{0, 10000, true, "m"};
  // ParamError naming cell_m, max_minutes, png_width, png_height, dpi, area_half_width_m or gap_m
  // (ranges in accessibility_raster.hpp, map_render.hpp, walk_area.hpp); export_plan checks first.
  void validate() const;
};

// The plan to hand over. The study's sites are the existing stations [0, existing) followed by
// suggested ones (if any, in rank order).
struct PlanExport {
  const CoverageStudy* study = nullptr;
  uint32_t existing = 0;
  const PointSet* candidates = nullptr;         // optional: all candidate sites
  const siting::SuggestRun* suggest = nullptr;  // optional: the suggestion run
  Criterion criterion = Criterion::both;        // the suggestion run's coverage test
  std::vector<DropReport> drops;
  std::vector<std::pair<std::string, std::string>> settings;  // extra rows (command options, ...)
  const Districts* districts = nullptr;  // optional: a `districts` layer and a PDF section
};

struct ExportResult {
  std::vector<std::string> files;  // written, in order
  std::vector<std::string> removed;  // an earlier export's files not written again (relative)
};

ExportResult export_plan(const PlanExport& plan, const ExportOptions& opt,
                         const Progress& progress = {});

// Files in opt.out_dir that export_plan(opt) may replace and that no earlier export there wrote
// (relative paths): what a front-end asks about before setting opt.overwrite.
std::vector<std::string> export_would_replace(const ExportOptions& opt);

// All vector layers of the plan (WGS-84) and the settings rows.
struct PlanLayers {
  std::vector<Layer> layers;
  std::vector<std::pair<std::string, std::string>> settings;
};
// walk_areas: each site's walk area (metric) when already computed.
PlanLayers plan_layers(const PlanExport& plan, const ExportOptions& opt,
                       const Progress& progress = {},
                       const std::vector<MultiPolygon>* walk_areas = nullptr);

// The plan's study: the existing stations followed by the run's suggested sites (rank order),
// with columns `plan` (existing/suggested) and `suggested_rank`, and the candidates' columns.
// Every site carries its SiteInfo (as read with the station schema, else recognised from its
// columns), so host types are canonical (kHostTypes) whatever the input's column names.
CoverageStudy plan_study(const CityNetwork& city, const PointSet& stations,
                         const PointSet* candidates, const siting::SuggestRun* run, PointSet demand,
                         bool demand_is_proxy, const CoverageParams& params,
                         const Progress& progress = {});

// A plan site's canonical host type (kHostTypes), "" when unknown.
const std::string& site_host_type(const PointSet& sites, size_t i);

}  // namespace yz
