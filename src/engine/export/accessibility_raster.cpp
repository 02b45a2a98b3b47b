#include "engine/export/accessibility_raster.hpp"

#include <fmt/format.h>
#include <gdal_priv.h>

#include <cerrno>
#include <cmath>
#include <stdexcept>

#include "engine/map/gdal_session.hpp"
#include "engine/network/nearest_stations.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"
#include "engine/util/output_file.hpp"

namespace yz {

AccessibilityGrid accessibility_grid(const CoverageStudy& st, const AccessibilityOptions& opt,
                                     const Progress& progress) {
  check_param("cell_m", opt.cell_m, AccessibilityOptions::kCellM);
  check_param("max_minutes", opt.max_minutes, AccessibilityOptions::kMaxMinutes);
  const Box b = st.city->bounds();
  AccessibilityGrid g;
  g.cell_m = opt.cell_m;
  if (b.empty()) return g;
  g.x0 = std::floor(b.min.x / opt.cell_m) * opt.cell_m;
  const double y0 = std::floor(b.min.y / opt.cell_m) * opt.cell_m;
  g.y1 = std::ceil(b.max.y / opt.cell_m) * opt.cell_m;
  g.nx = std::max(1, static_cast<int>(std::ceil((b.max.x - g.x0) / opt.cell_m)));
  g.ny = std::max(1, static_cast<int>(std::round((g.y1 - y0) / opt.cell_m)));
  if (static_cast<double>(g.nx) * g.ny > 2e7)
    throw CodedParamError("cell_m", Msg::raster_too_many_cells,
                          {{"value", fmt::format("{}", opt.cell_m)}});
  const double m_per_min = st.params.metres_per_minute();
  const float max_m = static_cast<float>(opt.max_minutes * m_per_min);
  progress(0.0, "accessibility search");
  const NearestStations ns(st.city->graph, st.site_snaps, max_m);
  progress.throw_if_cancelled();
  std::vector<Vec2> centres;
  centres.reserve(static_cast<size_t>(g.nx) * g.ny);
  for (int r = 0; r < g.ny; ++r)
    for (int c = 0; c < g.nx; ++c) centres.push_back(g.cell_centre(c, r));
  progress(0.3, "accessibility cells");
  const std::vector<Snap> snaps = st.city->snapper->snap_all(centres, st.params.snap);
  g.nearest.assign(centres.size(), AccessibilityGrid::kNoData);
  g.second.assign(centres.size(), AccessibilityGrid::kNoData);
  for (size_t i = 0; i < snaps.size(); ++i) {
    const TwoNearest t = ns.at(snaps[i]);
    if (t.s1 != kInvalidId) g.nearest[i] = static_cast<float>(t.d1 / m_per_min);
    if (t.s2 != kInvalidId) g.second[i] = static_cast<float>(t.d2 / m_per_min);
  }
  progress(1.0, "accessibility done");
  return g;
}

void write_accessibility_tiff(const std::string& path, const AccessibilityGrid& g,
                              const CoverageStudy& st) {
  ensure_gdal();
  if (g.nx == 0 || g.ny == 0) throw CodedError(output_display_path(path), Msg::accessibility_empty);
  GdalErrorCapture cap;
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GTiff");
  if (!drv) throw CodedError(path, Msg::gdal_driver_missing, {{"driver", "GTiff"}});
  const char* opts[] = {"COMPRESS=DEFLATE", "PREDICTOR=3", "TILED=YES", nullptr};
  OutputFile out(path);  // staged, moved into place when complete
  errno = 0;
  GDALDatasetUniquePtr ds(
      drv->Create(out.path().c_str(), g.nx, g.ny, 2, GDT_Float32, const_cast<char**>(opts)));
  if (!ds) throw_write_error(path, errno, cap.first_error());
  double gt[6] = {g.x0, g.cell_m, 0, g.y1, 0, -g.cell_m};
  ds->SetGeoTransform(gt);
  ds->SetProjection(st.city->projection().wkt().c_str());
  ds->SetMetadataItem("UNITS", "minutes");
  ds->SetMetadataItem("WALK_SPEED_KMH", std::to_string(st.params.speed_kmh).c_str());
  ds->SetMetadataItem(
      "SOURCE",
      "yizhan: network search from each station, cell centres snapped to the nearest street");
  const char* names[] = {"minutes to the nearest station", "minutes to the second-nearest station"};
  const std::vector<float>* data[] = {&g.nearest, &g.second};
  for (int b = 0; b < 2; ++b) {
    GDALRasterBand* band = ds->GetRasterBand(b + 1);
    band->SetDescription(names[b]);
    band->SetNoDataValue(AccessibilityGrid::kNoData);
    if (band->RasterIO(GF_Write, 0, 0, g.nx, g.ny, const_cast<float*>(data[b]->data()), g.nx, g.ny,
                       GDT_Float32, 0, 0) != CE_None)
      throw_write_error(path, errno, cap.first_error());
  }
  ds.reset();  // flushes the tiles
  if (!cap.errors().empty()) throw_write_error(path, errno, cap.first_error());
  out.commit();
}

}  // namespace yz
