#pragma once
// The session file: a GeoPackage that reopens a planner's work exactly and also opens in QGIS.
//   layer `stations`   every station of every scenario (column `scenario`), with its attributes,
//                      the input's own columns, and the workers it covers (for QGIS readers);
//   layer `candidates` candidate sites;
//   layer `demand`     the outdoor workers (left out when they are the street-length proxy, which
//                      the map regenerates);
//   table `yizhan_session`  the map reference, walking parameters, scenarios, view, settings.
// Saving is atomic: written to a temporary sibling and renamed over the old file, so a failed or
// interrupted save leaves the previous session intact.
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/coverage/coverage_params.hpp"
#include "engine/coverage/rider_reach.hpp"
#include "engine/inputs/point_set.hpp"
#include "engine/map/map_source.hpp"
#include "engine/session/plan_station.hpp"

namespace yz {

inline constexpr int kSessionFormatVersion = 1;

struct ViewState {
  bool set = false;
  Vec2 centre_lonlat;
  double m_per_px = 0;
};

// Where a point layer came from and how its coordinates were read, so a reopened session can say
// it (the points themselves are stored in WGS-84). Sessions written before this was kept read
// back with everything empty: origin unknown.
struct LayerOrigin {
  std::string path;  // the file opened (empty: unknown, or not opened from a file)
  // What the coordinates were read as: the planner's answer or option ("wgs84", "gcj02", "bd09",
  // "EPSG:4547"), empty when the file recorded its own CRS (or nothing was said).
  std::string crs;
  std::string crs_name;  // as the reader named it (PointSet::source_crs): "GCJ-02 (Chinese ...)"
  bool known() const { return !path.empty() || !crs_name.empty(); }
};

struct SessionSettings {
  Criterion criterion = Criterion::both;  // the coverage test suggestions and the map use
  // Suggestions optimise rider reach (骑行可达) instead of `criterion`, and that test's settings.
  // Sessions written before they were kept open with the double-15 criterion and the defaults.
  bool rider_criterion = false;
  RiderParams rider;
  std::string lang = "en";  // UI language, "en" or "zh"
  ViewState view;
  // The stations, candidates and demand layers as last opened from files.
  LayerOrigin stations_origin, candidates_origin, demand_origin;
  // Front-end settings kept verbatim (layer colours, panel choices), key -> value.
  std::vector<std::pair<std::string, std::string>> ui;
  const std::string* ui_value(const std::string& key) const;
  void set_ui(const std::string& key, std::string value);
};

struct ScenarioRecord {
  std::string name;
  std::vector<PlanStation> stations;  // xy: metric when from a session, unset when read from file
  std::vector<Vec2> lonlat;           // one per station, WGS-84
  // Per station: workers covered by walk / radius / both (written for QGIS; ignored on reading).
  std::vector<std::array<double, 3>> covered;
};

struct SessionFile {
  MapSource map;
  CoverageParams params;
  SessionSettings settings;
  bool demand_is_proxy = true;
  std::shared_ptr<const PointSet> demand;      // lonlat and weight used (proxy: not written)
  std::shared_ptr<const PointSet> candidates;  // lonlat, id, name, info, columns
  std::vector<ScenarioRecord> scenarios;
  size_t active = 0;
  std::string saved_at;  // ISO time, filled when written
};

// Atomic save. The map path is stored relative to the session's folder when it lies inside it (so
// a folder of session + map can be moved) and absolute as well. Throws InputError naming the file
// and the problem (folder missing, not writable, ...).
void write_session_file(const std::string& path, const SessionFile& s);

// Reads a session file. Throws InputError naming the file and the problem (not a GeoPackage, not a
// Yizhan session, written by a newer Yizhan, a damaged table or layer). Map paths are resolved:
// relative to the session's folder first, then the absolute path stored at save time.
SessionFile read_session_file(const std::string& path);

// True when the file is a GeoPackage holding a yizhan_session table (cheap check, no throw).
bool is_session_file(const std::string& path);

}  // namespace yz
