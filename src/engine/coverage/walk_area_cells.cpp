#include "engine/coverage/walk_area_cells.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <cmath>

#include "engine/geo/geos_ops.hpp"

namespace yz {

namespace {
std::vector<Vec2> edge_line(const WalkGraph& g, EdgeId e) {
  return {g.geom.begin() + g.geom_first[e], g.geom.begin() + g.geom_first[e + 1]};
}
}  // namespace

WalkAreaCells::WalkAreaCells(const WalkGraph& g, const WalkAreaOptions& opt, double cell_m)
    : g_(g), opt_(opt), cell_m_(cell_m) {
  const uint32_t E = g.edge_count();
  std::vector<Vec2> centre(E);
  Box all;
  for (EdgeId e = 0; e < E; ++e) {
    Box b;
    for (uint32_t k = g.geom_first[e]; k < g.geom_first[e + 1]; ++k) b.add(g.geom[k]);
    centre[e] = b.centre();
    all.add(centre[e]);
  }
  if (all.empty()) all.add({0, 0});
  origin_ = all.min;
  nx_ = static_cast<uint32_t>(std::floor((all.max.x - all.min.x) / cell_m)) + 1;
  const uint32_t ny = static_cast<uint32_t>(std::floor((all.max.y - all.min.y) / cell_m)) + 1;
  edge_cell_.resize(E);
  cell_first_.assign(static_cast<size_t>(nx_) * ny + 1, 0);
  for (EdgeId e = 0; e < E; ++e) {
    const auto ix = static_cast<uint32_t>((centre[e].x - origin_.x) / cell_m);
    const auto iy = static_cast<uint32_t>((centre[e].y - origin_.y) / cell_m);
    edge_cell_[e] = iy * nx_ + std::min(ix, nx_ - 1);
    ++cell_first_[edge_cell_[e] + 1];
  }
  for (size_t c = 1; c < cell_first_.size(); ++c) cell_first_[c] += cell_first_[c - 1];
  cell_edges_.resize(E);
  std::vector<uint32_t> fill(cell_first_.begin(), cell_first_.end() - 1);
  for (EdgeId e = 0; e < E; ++e) cell_edges_[fill[edge_cell_[e]]++] = e;  // ascending per cell
  cell_area_.resize(cell_count());
  cell_built_.assign(cell_count(), 0);
}

uint32_t WalkAreaCells::shared_cells() const {
  return static_cast<uint32_t>(std::count(cell_built_.begin(), cell_built_.end(), 1));
}

WalkAreaCells::Split WalkAreaCells::split(const ReachedStreets& r) const {
  // (cell, index): whole edges first (index < whole.size()), then the partial spans.
  std::vector<std::pair<uint32_t, uint32_t>> items;
  items.reserve(r.whole.size() + r.partial.size());
  for (uint32_t i = 0; i < r.whole.size(); ++i) items.emplace_back(edge_cell_[r.whole[i]], i);
  const auto W = static_cast<uint32_t>(r.whole.size());
  for (uint32_t i = 0; i < r.partial.size(); ++i)
    items.emplace_back(edge_cell_[r.partial[i].edge], W + i);
  std::sort(items.begin(), items.end());
  Split s;
  for (size_t a = 0; a < items.size();) {
    const uint32_t c = items[a].first;
    size_t b = a;
    while (b < items.size() && items[b].first == c) ++b;
    // Whole when every edge of the cell is reached end to end (whole edges are unique).
    const bool whole = items[b - 1].second < W && b - a == cell_first_[c + 1] - cell_first_[c];
    if (whole) {
      s.whole_cells.push_back(c);
    } else {
      s.own_cells.push_back(c);
      auto& lines = s.own_lines.emplace_back();
      for (size_t k = a; k < b; ++k) {
        const uint32_t i = items[k].second;
        if (i < W) {
          lines.push_back(edge_line(g_, r.whole[i]));
        } else {
          const EdgeSpan& p = r.partial[i - W];
          g_.edge_piece(p.edge, p.from_m, p.to_m, lines.emplace_back());
        }
      }
    }
    a = b;
  }
  return s;
}

void WalkAreaCells::buffer_cells(const std::vector<uint8_t>& wanted, const Progress& progress) {
  std::vector<uint32_t> todo;
  for (uint32_t c = 0; c < cell_count(); ++c)
    if (wanted[c] && !cell_built_[c]) todo.push_back(c);
  tbb::parallel_for(tbb::blocked_range<size_t>(0, todo.size(), 8), [&](const auto& range) {
    if (progress.cancelled()) return;
    for (size_t k = range.begin(); k != range.end(); ++k) {
      const uint32_t c = todo[k];
      std::vector<std::vector<Vec2>> lines;
      for (uint32_t i = cell_first_[c]; i < cell_first_[c + 1]; ++i)
        lines.push_back(edge_line(g_, cell_edges_[i]));
      cell_area_[c] = buffer_polylines_merged(lines, opt_.half_width_m, opt_.quadrant_segments,
                                              opt_.simplify_m);
    }
  });
  progress.throw_if_cancelled();
  for (uint32_t c : todo) cell_built_[c] = 1;
}

MultiPolygon WalkAreaCells::area(const Split& s) const {
  std::vector<MultiPolygon> own(s.own_cells.size());
  for (size_t k = 0; k < own.size(); ++k)
    own[k] = buffer_polylines_merged(s.own_lines[k], opt_.half_width_m, opt_.quadrant_segments,
                                     opt_.simplify_m);
  // Parts in cell order (whole and own interleaved), so the union does not depend on threads.
  std::vector<const MultiPolygon*> parts;
  parts.reserve(s.whole_cells.size() + own.size());
  size_t i = 0, j = 0;
  while (i < s.whole_cells.size() || j < own.size()) {
    if (j == own.size() || (i < s.whole_cells.size() && s.whole_cells[i] < s.own_cells[j]))
      parts.push_back(&cell_area_[s.whole_cells[i++]]);
    else
      parts.push_back(&own[j++]);
  }
  return union_built_valid(parts);
}

std::vector<MultiPolygon> WalkAreaCells::areas(const std::vector<ReachedStreets>& reached,
                                               const Progress& progress) {
  // First the cells some station reaches whole, each buffered once; then each station's union.
  std::vector<std::atomic<uint8_t>> wanted_flags(cell_count());
  tbb::parallel_for(tbb::blocked_range<size_t>(0, reached.size(), 16), [&](const auto& range) {
    for (size_t i = range.begin(); i != range.end(); ++i)
      for (uint32_t c : split(reached[i]).whole_cells)
        wanted_flags[c].store(1, std::memory_order_relaxed);
  });
  std::vector<uint8_t> wanted(cell_count());
  for (uint32_t c = 0; c < cell_count(); ++c) wanted[c] = wanted_flags[c].load();
  buffer_cells(wanted, progress);
  progress(0.3, "walk areas");
  std::vector<MultiPolygon> out(reached.size());
  std::atomic<size_t> done{0};
  // Small grains: one station's area takes milliseconds and their sizes vary a lot.
  tbb::parallel_for(tbb::blocked_range<size_t>(0, reached.size(), 4), [&](const auto& range) {
    if (progress.cancelled()) return;
    for (size_t i = range.begin(); i != range.end(); ++i)
      if (!reached[i].empty()) out[i] = area(split(reached[i]));
    const size_t d = done += range.size();
    progress(0.3 + 0.7 * static_cast<double>(d) / reached.size(), "walk areas");
  });
  progress.throw_if_cancelled();
  return out;
}

MultiPolygon WalkAreaCells::dissolved(const std::vector<ReachedStreets>& reached,
                                      const Progress& progress) {
  // Everything reached, as one set of streets: whole edges, and the spans of the rest merged.
  std::vector<uint8_t> whole(g_.edge_count(), 0);
  for (const auto& r : reached)
    for (EdgeId e : r.whole) whole[e] = 1;
  std::vector<EdgeSpan> spans;
  for (const auto& r : reached)
    for (const auto& p : r.partial)
      if (!whole[p.edge]) spans.push_back(p);
  std::sort(spans.begin(), spans.end(), [](const EdgeSpan& a, const EdgeSpan& b) {
    return a.edge != b.edge ? a.edge < b.edge : a.from_m < b.from_m;
  });
  ReachedStreets all;
  for (EdgeId e = 0; e < g_.edge_count(); ++e)
    if (whole[e]) all.whole.push_back(e);
  for (const EdgeSpan& p : spans) {
    if (!all.partial.empty() && all.partial.back().edge == p.edge &&
        p.from_m <= all.partial.back().to_m)
      all.partial.back().to_m = std::max(all.partial.back().to_m, p.to_m);
    else
      all.partial.push_back(p);
  }
  // A span grown to the whole edge is a whole edge.
  std::vector<EdgeSpan> part;
  for (const EdgeSpan& p : all.partial) {
    if (p.from_m <= 0 && p.to_m >= g_.edge_length(p.edge))
      all.whole.push_back(p.edge);
    else
      part.push_back(p);
  }
  all.partial = std::move(part);
  std::sort(all.whole.begin(), all.whole.end());
  Split s = split(all);
  std::vector<uint8_t> wanted(cell_count(), 0);
  for (uint32_t c : s.whole_cells) wanted[c] = 1;
  buffer_cells(wanted, progress);
  // The union of a whole city at once: the cells' own buffers in parallel, then one union.
  std::vector<MultiPolygon> own(s.own_cells.size());
  tbb::parallel_for(size_t(0), own.size(), [&](size_t k) {
    own[k] = buffer_polylines_merged(s.own_lines[k], opt_.half_width_m, opt_.quadrant_segments,
                                     opt_.simplify_m);
  });
  std::vector<const MultiPolygon*> parts;
  for (uint32_t c : s.whole_cells) parts.push_back(&cell_area_[c]);
  for (const auto& o : own) parts.push_back(&o);
  return union_built_valid(parts);
}

}  // namespace yz
