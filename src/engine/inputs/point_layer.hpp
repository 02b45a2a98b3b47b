#pragma once
// Reading a planner's point layer the same way in every front-end (CLI commands, the app): the
// file read in its CRS (point_reader), stations and candidates beyond the map's edge dropped
// (outside_map), then the coordinates checked for a web-map shift (web_shift_check). One function,
// so `coverage`, `suggest`, `review`, `export`, `sites` and the app read a file to the same points.
#include <optional>
#include <string>

#include "engine/inputs/drop_report.hpp"
#include "engine/inputs/point_reader.hpp"
#include "engine/inputs/point_set.hpp"
#include "engine/inputs/web_shift_check.hpp"
#include "engine/network/city_network.hpp"

namespace yz {

// Sites (stations, candidates) are judged on the streets around them: beyond the map's extent by
// more than the snap distance they are dropped. Demand keeps the reader's wider margin.
enum class PointRole { site, demand };

struct PointLayerRead {
  PointSet points;
  ShiftCheck shift;  // points == 0 when not checked (a projected CRS, or too few points in China)
};

// `what` names the points in messages ("stations"). Throws InputError (naming `path`) when no
// point lies on the map.
PointLayerRead read_point_layer(const std::string& path, const CityNetwork& city,
                                PointReadOptions opt, PointRole role, const SnapOptions& snap,
                                DropReport& report, const std::string& what);

// What a PointSet's `source_crs` says its coordinates were read as, when a web-map shift could be
// in question (WGS-84, GCJ-02, BD-09); nullopt for a projected CRS.
std::optional<WebDatum> read_as_datum(const std::string& source_crs);

}  // namespace yz
