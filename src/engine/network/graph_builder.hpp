#pragma once
// Builds the CSR walk graph from road lines: ways are split where they share a vertex (coordinate
// noding: two distinct OSM nodes at exactly the same position become one junction, on purpose:
// GDAL's lines carry no node ids and such nodes are the same place for a walker), then chains of
// degree-2 vertices of one road class are folded into single edges that keep their geometry.
#include "engine/map/road_lines.hpp"
#include "engine/network/walk_graph.hpp"
#include "engine/util/progress.hpp"

namespace yz {

struct GraphBuildReport {
  uint64_t lines_used = 0;
  uint64_t vertices_in = 0;
  uint64_t pieces = 0;       // edges before folding
  uint64_t folded_nodes = 0; // degree-2 vertices folded away
  double seconds = 0;
};

WalkGraph build_walk_graph(const RoadLines& lines, GraphBuildReport* report = nullptr,
                           const Progress& progress = {});

// The same build over the lines with use[i] != 0 (the walk graph uses `walkable`). With
// `line_dir` (RideDir per line), chains are not folded where the allowed direction changes and
// each edge's direction along its geometry (tail -> head) is appended to `edge_dir`; the arcs
// stay two-way (the undirected structure snapping and components need). `what` names the lines
// in the "no network" error ("walkable", "rideable").
WalkGraph build_line_graph(const RoadLines& lines, const std::vector<uint8_t>& use,
                           const std::vector<uint8_t>* line_dir, std::vector<uint8_t>* edge_dir,
                           const char* what, GraphBuildReport* report = nullptr,
                           const Progress& progress = {});

}  // namespace yz
