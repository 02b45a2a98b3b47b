#pragma once
// Walk areas for thousands of stations without buffering the same streets thousands of times.
// The city's street edges are grouped in square cells (by the centre of each edge's box). A
// station reaching every street of a cell end to end gets that cell's buffer, built once and
// shared by every such station; only the cells it reaches in part (where its walk ends) are
// buffered for it alone. Its area is the union of those pieces: the buffer of a set of lines is
// the union of the buffers of any grouping of them, so the area is that of buffering all its
// pieces at once, up to the simplification (each piece simplified before the union).
#include <cstdint>
#include <vector>

#include "engine/coverage/reached_streets.hpp"
#include "engine/coverage/walk_area.hpp"
#include "engine/util/progress.hpp"

namespace yz {

// Cell side: small enough that most cells inside a 15-minute walk are reached whole, large
// enough that a station's area is the union of tens of pieces, not thousands.
inline constexpr double kWalkAreaCellM = 150;

class WalkAreaCells {
 public:
  WalkAreaCells(const WalkGraph& g, const WalkAreaOptions& opt, double cell_m = kWalkAreaCellM);

  // Every station's area (metric; empty where nothing was reached), stations in parallel.
  std::vector<MultiPolygon> areas(const std::vector<ReachedStreets>& reached,
                                  const Progress& progress = {});
  // Where any of the stations reaches (the dissolved walk area), from the same cells.
  MultiPolygon dissolved(const std::vector<ReachedStreets>& reached, const Progress& progress = {});

  uint32_t cell_count() const { return static_cast<uint32_t>(cell_first_.size() - 1); }
  // Cells buffered once so far (shared by the stations reaching them whole).
  uint32_t shared_cells() const;

 private:
  // One station's pieces grouped by cell: whole cells (shared buffers) and its own lines.
  struct Split {
    std::vector<uint32_t> whole_cells;  // ascending
    std::vector<uint32_t> own_cells;    // ascending, each with its lines below
    std::vector<std::vector<std::vector<Vec2>>> own_lines;
  };
  Split split(const ReachedStreets& r) const;
  void buffer_cells(const std::vector<uint8_t>& wanted, const Progress& progress);
  MultiPolygon area(const Split& s) const;

  const WalkGraph& g_;
  WalkAreaOptions opt_;
  double cell_m_;
  Vec2 origin_;
  uint32_t nx_ = 1;
  std::vector<uint32_t> edge_cell_;   // edge -> cell
  std::vector<uint32_t> cell_first_;  // CSR: cell c has cell_edges_[cell_first_[c] .. [c+1])
  std::vector<EdgeId> cell_edges_;
  std::vector<MultiPolygon> cell_area_;  // buffer of every edge of the cell (when built)
  std::vector<uint8_t> cell_built_;
};

}  // namespace yz
