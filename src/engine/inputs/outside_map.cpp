#include "engine/inputs/outside_map.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "engine/util/msg_codes.hpp"

namespace yz {

double distance_outside(const Box& b, Vec2 p) {
  const double dx = std::max({b.min.x - p.x, 0.0, p.x - b.max.x});
  const double dy = std::max({b.min.y - p.y, 0.0, p.y - b.max.y});
  return std::hypot(dx, dy);
}

void keep_points(PointSet& pts, const std::vector<bool>& keep) {
  size_t out = 0;
  const bool rows = !pts.row.empty(), attrs = !pts.attr_values.empty(), info = !pts.info.empty();
  for (size_t i = 0; i < pts.size(); ++i) {
    if (!keep[i]) continue;
    if (out != i) {
      pts.lonlat[out] = pts.lonlat[i];
      pts.xy[out] = pts.xy[i];
      pts.weight[out] = pts.weight[i];
      pts.id[out] = std::move(pts.id[i]);
      pts.name[out] = std::move(pts.name[i]);
      if (rows) pts.row[out] = pts.row[i];
      if (attrs) pts.attr_values[out] = std::move(pts.attr_values[i]);
      if (info) pts.info[out] = std::move(pts.info[i]);
    }
    ++out;
  }
  pts.lonlat.resize(out), pts.xy.resize(out), pts.weight.resize(out), pts.id.resize(out),
      pts.name.resize(out);
  if (rows) pts.row.resize(out);
  if (attrs) pts.attr_values.resize(out);
  if (info) pts.info.resize(out);
}

size_t drop_outside_map(PointSet& pts, const CityNetwork& city, const SnapOptions& snap,
                        DropReport& report) {
  const Box extent = city.extent();
  if (extent.empty() || pts.size() == 0 || !city.snapper) return 0;
  const bool declared = !city.lines.declared_extent.empty();
  std::vector<bool> keep(pts.size(), true);
  size_t dropped = 0;
  for (size_t i = 0; i < pts.size(); ++i) {
    const double beyond = distance_outside(extent, pts.xy[i]);
    std::string detail;
    if (beyond > snap.max_snap_m) {
      detail = fmt::format("{:.0f} m beyond the map's edge", beyond);
    } else if (declared) {
      // Where the point joins the network: on a road's part past the edge, it only looks joined.
      const Snap s = city.snapper->snap(pts.xy[i], snap);
      if (s.usable()) {
        const Vec2 on = city.graph.point_on_edge(s.edge, s.offset_m);
        const double d = distance_outside(extent, on);
        if (d > 1.0)
          detail = fmt::format(
              "its nearest street is a road clipped at the map's edge, {:.0f} m "
              "beyond it",
              d);
      }
    }
    if (detail.empty()) continue;
    keep[i] = false;
    ++dropped;
    report.drop(pts.source_row(i), pts.id[i], pts.lonlat[i], Msg::drop_outside_map, detail);
  }
  if (dropped == 0) return 0;
  keep_points(pts, keep);
  report.kept = report.kept >= dropped ? report.kept - dropped : 0;
  return dropped;
}

}  // namespace yz
