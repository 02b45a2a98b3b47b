#include "engine/inputs/demand_raster.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "engine/inputs/street_spread.hpp"
#include "engine/inputs/weight_limits.hpp"
#include "engine/map/gdal_session.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

void add_raster_demand(const std::string& path, const CityNetwork& city,
                       const DemandRasterOptions& opt, const std::string& component,
                       DemandItems& items, DropReport& rep) {
  namespace fs = std::filesystem;
  rep = DropReport{};
  rep.source = path;
  rep.what = "raster cells";
  std::error_code ec;
  if (!fs::exists(path, ec)) throw CodedError(path, Msg::file_not_found);
  if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) == 0)
    throw CodedError(path, Msg::file_empty);
  GdalErrorCapture cap;
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  if (!ds) throw CodedError(path, Msg::raster_unreadable, {{"why", cap.first_error()}});
  const int w = ds->GetRasterXSize(), h = ds->GetRasterYSize();
  if (w <= 0 || h <= 0 || ds->GetRasterCount() < 1) throw CodedError(path, Msg::raster_empty);
  if (opt.band < 1 || opt.band > ds->GetRasterCount())
    throw CodedError(path, Msg::raster_no_band,
                     {{"band", opt.band}, {"count", ds->GetRasterCount()}});
  double gt[6];
  if (ds->GetGeoTransform(gt) != CE_None) throw CodedError(path, Msg::raster_not_georeferenced);
  OGRSpatialReference src;
  if (!opt.crs.empty()) {
    if (src.SetFromUserInput(opt.crs.c_str()) != OGRERR_NONE)
      throw CodedError(path, Msg::crs_unknown, {{"value", opt.crs}});
  } else if (const OGRSpatialReference* s = ds->GetSpatialRef()) {
    src = *s;
  } else {
    throw CodedError(path, Msg::raster_no_crs, {param_arg("param", "raster_crs")});
  }
  src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  {
    const char* auth = src.GetAuthorityName(nullptr);
    const char* code = src.GetAuthorityCode(nullptr);
    rep.crs = auth && code ? std::string(auth) + ":" + code
                           : (src.GetName() ? src.GetName() : opt.crs);
  }
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
  std::unique_ptr<OGRCoordinateTransformation> ct;
  if (!src.IsSame(&wgs84)) {
    ct.reset(OGRCreateCoordinateTransformation(&src, &wgs84));
    if (!ct) throw CodedError(path, Msg::crs_not_transformable);
  }
  GDALRasterBand* band = ds->GetRasterBand(opt.band);
  int has_nodata = 0;
  const double nodata = band->GetNoDataValue(&has_nodata);
  const uint16_t ci = items.component_index(component);
  const LocalProjection& proj = city.projection();
  const Box bounds = city.bounds();
  // Read only the window of cells over the map (a national population raster is huge): the map's
  // bounds, sampled along their edges, mapped into raster pixels.
  int c0 = 0, c1 = w, r0 = 0, r1 = h;
  double inv[6];
  if (GDALInvGeoTransform(gt, inv)) {
    std::unique_ptr<OGRCoordinateTransformation> back;
    if (ct) back.reset(OGRCreateCoordinateTransformation(&wgs84, &src));
    const double m = opt.outside_margin_m;
    const Vec2 lo{bounds.min.x - m, bounds.min.y - m}, hi{bounds.max.x + m, bounds.max.y + m};
    std::vector<Vec2> edge;
    for (int k = 0; k <= 32; ++k) {
      const double t = k / 32.0;
      edge.push_back({lo.x + t * (hi.x - lo.x), lo.y}),
          edge.push_back({lo.x + t * (hi.x - lo.x), hi.y});
      edge.push_back({lo.x, lo.y + t * (hi.y - lo.y)}),
          edge.push_back({hi.x, lo.y + t * (hi.y - lo.y)});
    }
    proj.to_lonlat(edge);
    double pmin_x = 1e300, pmin_y = 1e300, pmax_x = -1e300, pmax_y = -1e300;
    bool all_ok = !ct || back;
    for (auto& e : edge) {
      double x = e.x, y = e.y;
      if (back && !back->Transform(1, &x, &y)) {
        all_ok = false;
        break;
      }
      const double px = inv[0] + x * inv[1] + y * inv[2], py = inv[3] + x * inv[4] + y * inv[5];
      pmin_x = std::min(pmin_x, px), pmax_x = std::max(pmax_x, px);
      pmin_y = std::min(pmin_y, py), pmax_y = std::max(pmax_y, py);
    }
    // Rotated or curved mappings are fine: the window is a superset, cells are still checked one by
    // one.
    if (all_ok && std::isfinite(pmin_x) && std::isfinite(pmax_x) && std::isfinite(pmin_y) &&
        std::isfinite(pmax_y)) {
      c0 = static_cast<int>(std::clamp(std::floor(pmin_x) - 1, 0.0, double(w)));
      c1 = static_cast<int>(std::clamp(std::ceil(pmax_x) + 1, 0.0, double(w)));
      r0 = static_cast<int>(std::clamp(std::floor(pmin_y) - 1, 0.0, double(h)));
      r1 = static_cast<int>(std::clamp(std::ceil(pmax_y) + 1, 0.0, double(h)));
    }
  }
  if (c0 >= c1 || r0 >= r1) throw CodedError(path, Msg::raster_outside_map);
  const int ww = c1 - c0;
  std::vector<double> line(ww);
  std::vector<double> xs(ww), ys(ww);
  uint64_t valid = 0, positive = 0, outside = 0;
  double outside_sum = 0;
  std::vector<Vec2> xy;
  std::vector<std::pair<uint64_t, double>> kept;  // cell index, value
  std::vector<Vec2> kept_ll;
  for (int r = r0; r < r1; ++r) {
    if (band->RasterIO(GF_Read, c0, r, ww, 1, line.data(), ww, 1, GDT_Float64, 0, 0) != CE_None)
      throw CodedError(path, Msg::raster_row_unreadable, {{"row", r}, {"why", cap.first_error()}});
    for (int k = 0; k < ww; ++k) {
      const int c = c0 + k;
      xs[k] = gt[0] + (c + 0.5) * gt[1] + (r + 0.5) * gt[2];
      ys[k] = gt[3] + (c + 0.5) * gt[4] + (r + 0.5) * gt[5];
    }
    std::vector<int> ok(ww, 1);
    if (ct) ct->Transform(ww, xs.data(), ys.data(), nullptr, ok.data());
    for (int k = 0; k < ww; ++k) {
      const int c = c0 + k;
      const double v = line[k];
      if (!std::isfinite(v) || (has_nodata && v == nodata)) continue;
      ++valid;
      if (v <= 0) continue;  // zero (or negative nonsense) workers: no demand
      if (v > kMaxPointWeight)
        throw CodedError(
            path, Msg::raster_cell_too_large,
            {{"band", opt.band}, {"row", r}, {"col", c}, {"value", std::to_string(v)}});
      ++positive;
      ++rep.read;
      const uint64_t idx = static_cast<uint64_t>(r) * w + c;
      const std::string id = "row " + std::to_string(r) + " col " + std::to_string(c);
            const Vec2 ll{xs[k], ys[k]};
      if (!ok[k] || !plausible_lonlat(ll)) {
        rep.drop(idx, id, {NAN, NAN}, Msg::drop_not_transformable);
        continue;
      }
      const Vec2 p = proj.to_metric(ll);
      if (!bounds.contains(p, opt.outside_margin_m)) {
        ++outside;
        outside_sum += v;
        rep.drop(idx, id, ll, Msg::drop_outside_map);
        continue;
      }
      xy.push_back(p);
      kept.emplace_back(idx, v);
      kept_ll.push_back(ll);
    }
  }
  if (valid == 0) throw CodedError(path, Msg::raster_all_nodata, {{"band", opt.band}});
  if (positive == 0) throw CodedError(path, Msg::raster_no_workers);
  if (xy.empty()) throw CodedError(path, Msg::raster_off_streets, {{"count", positive}});
  // Cells wider than the snap distance: their centre says little about where the workers are
  // (an 800 m cell's centre may lie in a park 300 m from any street while streets cross the
  // cell), so their count is spread over the walkable streets inside them, as demand polygons
  // are; a cell with no street inside falls back to its centre.
  auto corner = [&](double c, double r) {
    double x = gt[0] + c * gt[1] + r * gt[2], y = gt[3] + c * gt[4] + r * gt[5];
    if (ct && !ct->Transform(1, &x, &y)) return Vec2{NAN, NAN};
    return Vec2{x, y};
  };
  std::unique_ptr<StreetSpread> spread;
  uint64_t spread_cells = 0, spread_fallback = 0;
  double widest_m = 0;
  std::vector<size_t> at_centre;
  for (size_t i = 0; i < xy.size(); ++i) {
    const auto [idx, v] = kept[i];
    const double r = static_cast<double>(idx / w), c = static_cast<double>(idx % w);
    Ring ring{corner(c, r), corner(c + 1, r), corner(c + 1, r + 1), corner(c, r + 1)};
    ring.push_back(ring.front());
    double side = 0;
    const bool ok = proj.to_metric(ring);
    for (size_t k = 0; ok && k + 1 < ring.size(); ++k)
      side = std::max(side, distance(ring[k], ring[k + 1]));
    widest_m = std::max(widest_m, side);
    if (!ok || !(side > opt.snap.max_snap_m)) {
      at_centre.push_back(i);
      continue;
    }
    if (!spread) spread = std::make_unique<StreetSpread>(city.graph);
    const std::vector<StreetPiece> pieces = spread->pieces({Polygon{{ring}}}, opt.chunk_m);
    double total = 0;
    for (const auto& p : pieces) total += p.length_m;
    if (!(total > 0)) {
      ++spread_fallback;
      at_centre.push_back(i);
      continue;
    }
    for (const auto& p : pieces) items.add(p.at, v * p.length_m / total, ci);
    ++spread_cells;
    ++rep.kept;
  }
  std::vector<Vec2> centres;
  for (size_t i : at_centre) centres.push_back(xy[i]);
  const auto snaps = city.snapper->snap_all(centres, opt.snap);
  for (size_t k = 0; k < at_centre.size(); ++k) {
    const size_t i = at_centre[k];
    const auto [idx, v] = kept[i];
    if (!snaps[k].usable()) {
      rep.drop(idx, "row " + std::to_string(idx / w) + " col " + std::to_string(idx % w),
               kept_ll[i],
               Message(Msg::drop_could_not_snap_within,
                       {{"value", static_cast<int>(opt.snap.max_snap_m)}}));
      continue;
    }
    items.add(xy[i], v, ci);
    ++rep.kept;
  }
  if (rep.kept == 0) throw CodedError(path, Msg::raster_unreachable);
  if (outside)
    rep.notes.push_back(std::to_string(outside) + " cells with " + std::to_string(outside_sum) +
                        " workers lie outside the map");
  if (spread_cells + spread_fallback == 0) {
    rep.notes.push_back("each raster cell's value is placed at the cell's centre");
  } else {
    rep.notes.push_back(
        std::to_string(spread_cells) + " cells wider than the snap distance (" +
        std::to_string(static_cast<int>(opt.snap.max_snap_m)) + " m; the widest " +
        std::to_string(static_cast<long>(std::lround(widest_m))) +
        " m) were spread over the walkable streets inside them in proportion to street length" +
        (spread_fallback ? "; " + std::to_string(spread_fallback) +
                               " with no street inside were placed at their centre"
                         : std::string()) +
        "; other cells are placed at their centre");
  }
  if (c1 - c0 < w || r1 - r0 < h)
    rep.notes.push_back("only the cells over the map were read: rows " + std::to_string(r0) + "-" +
                        std::to_string(r1 - 1) + ", columns " + std::to_string(c0) + "-" +
                        std::to_string(c1 - 1) + " of " + std::to_string(h) + " x " +
                        std::to_string(w));
}

}  // namespace yz
