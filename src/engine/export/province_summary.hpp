#pragma once
// A province's (or any set of cities') figures side by side: one row per city of a batch run, as
// a GeoPackage (each city's extent with its figures), a CSV, an .xlsx sheet and a one-page PDF.
// The rows come from each city's own coverage and suggestion results; nothing is recomputed.
#include <optional>
#include <string>
#include <vector>

#include "engine/export/plan_export.hpp"
#include "engine/geo/vec2.hpp"

namespace yz {

struct ProvinceCity {
  std::string name;
  std::string status;   // "ok", "failed" or "not run" (stopped before its turn)
  std::string message;  // why it failed
  std::string folder;   // where its outputs are, relative to the summary
  // Figures of an "ok" city.
  double stations = 0, workers = 0;
  bool proxy = false;  // workers are the street-length estimate, not counts
  double walk_pct = 0, radius_pct = 0, both_pct = 0, either_pct = 0;
  double walk_uncovered = 0;          // workers no station reaches on foot
  double inside_radius_not_walk = 0;  // inside 1 km of a station but not within the walk
  int suggested = -1;                 // new stations suggested; -1 = no suggestion run
  double suggested_gain = 0;          // workers the suggestions add under their test
  double seconds = 0, peak_mb = 0;    // the city's run time and peak memory
  std::optional<Box> lonlat_extent;   // the city's streets, WGS-84
};

struct ProvinceTotals {
  double stations = 0, workers = 0, walk_covered = 0, both_covered = 0, walk_uncovered = 0;
  int ok = 0, failed = 0, suggested = 0;
};
ProvinceTotals province_totals(const std::vector<ProvinceCity>& cities);

// The WGS-84 extent of a layer of a GeoPackage Yizhan wrote (a city's streets: its demand layer);
// none when the file or layer cannot be read.
std::optional<Box> gpkg_lonlat_extent(const std::string& path, const std::string& layer);

// Writes province_summary.{gpkg,csv,xlsx,pdf} into `folder` (each moved into place complete).
// Returns the paths written.
std::vector<std::string> write_province_summary(const std::string& folder,
                                                const std::vector<ProvinceCity>& cities,
                                                ReportLang lang, bool csv_bom);

}  // namespace yz
