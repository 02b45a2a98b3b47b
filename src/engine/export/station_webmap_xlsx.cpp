#include "engine/export/station_webmap_xlsx.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

#include "engine/export/plan_export.hpp"
#include "engine/geo/china_coords.hpp"
#include "engine/map/gdal_session.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

namespace {
double rounded(double v, double scale) {
  return std::round(v * scale) / scale;
}
}  // namespace

void write_station_webmap_xlsx(const std::string& path, const CoverageStudy& st) {
  namespace fs = std::filesystem;
  GDALAllRegister();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("XLSX");
  if (!drv) throw std::runtime_error("GDAL's XLSX driver is not available");
  const fs::path p(path);
  const std::string tmp =
      (p.parent_path() / (".tmp-" + std::to_string(::getpid()) + "-" + p.filename().string()))
          .string();
  GdalErrorCapture cap;
  std::error_code ec;
  fs::remove(tmp, ec);
  {
    GDALDatasetUniquePtr ds(drv->Create(tmp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw CodedError(path, Msg::cannot_create_station_list, {{"why", cap.first_error()}});
    OGRLayer* l = ds->CreateLayer("stations", nullptr, wkbNone, nullptr);
    if (!l) throw CodedError(path, Msg::cannot_create_station_list, {{"why", cap.first_error()}});
    // The CSV's columns, in its order (station_webmap_csv.cpp).
    const std::pair<const char*, OGRFieldType> cols[] = {
        {"site_id", OFTString},   {"name", OFTString},          {"host_type", OFTString},
        {"plan", OFTString},      {"lon_wgs84", OFTReal},       {"lat_wgs84", OFTReal},
        {"lon_gcj02", OFTReal},   {"lat_gcj02", OFTReal},       {"lon_bd09", OFTReal},
        {"lat_bd09", OFTReal},    {"outside_china", OFTString}, {"walk_workers", OFTReal},
        {"both_workers", OFTReal}};
    for (const auto& [name, type] : cols) {
      OGRFieldDefn fd(name, type);
      if (l->CreateField(&fd) != OGRERR_NONE)
        throw CodedError(path, Msg::cannot_create_station_list, {{"why", cap.first_error()}});
    }
    for (uint32_t i = 0; i < st.sites.size(); ++i) {
      const Vec2 w = st.sites.lonlat[i];
      const Vec2 g = from_wgs84(w, WebDatum::gcj02);
      const Vec2 b = from_wgs84(w, WebDatum::bd09);
      const std::string& plan = st.sites.attr(i, "plan");
      OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
      f->SetField(0, st.sites.id[i].c_str());
      f->SetField(1, st.sites.name[i].c_str());
      f->SetField(2, site_host_type(st.sites, i).c_str());
      f->SetField(3, plan.empty() ? "existing" : plan.c_str());
      const double coords[] = {w.x, w.y, g.x, g.y, b.x, b.y};
      for (int k = 0; k < 6; ++k) f->SetField(4 + k, rounded(coords[k], 1e7));
      f->SetField(10, outside_china(w) ? "yes" : "no");
      f->SetField(11, rounded(st.state.covered_weight(i, Criterion::walk), 10));
      f->SetField(12, rounded(st.state.covered_weight(i, Criterion::both), 10));
      if (l->CreateFeature(f.get()) != OGRERR_NONE)
        throw CodedError(path, Msg::station_list_write_failed, {{"why", cap.first_error()}});
    }
    ds.reset();  // the workbook is written when the dataset closes
  }
  if (!cap.errors().empty() || !fs::exists(tmp, ec)) {
    fs::remove(tmp, ec);
    throw CodedError(path, Msg::station_list_write_failed, {{"why", cap.first_error()}});
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw CodedError(path, Msg::cannot_write, {{"why", ec.message()}});
  }
}

}  // namespace yz
