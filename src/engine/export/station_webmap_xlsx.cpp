#include "engine/export/station_webmap_xlsx.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

#include "engine/export/station_webmap_table.hpp"
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

void write_station_webmap_xlsx(const std::string& path, const CoverageStudy& st, ReportLang lang) {
  namespace fs = std::filesystem;
  GDALAllRegister();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("XLSX");
  if (!drv) throw CodedError(path, Msg::gdal_driver_missing, {{"driver", "XLSX"}});
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
    // The CSV's columns, in its order, with its rounding (station_webmap_table).
    const StationWebmapTable t = station_webmap_table(st, lang);
    for (const auto& c : t.columns) {
      OGRFieldDefn fd(c.name.c_str(), c.number ? OFTReal : OFTString);
      if (l->CreateField(&fd) != OGRERR_NONE)
        throw CodedError(path, Msg::cannot_create_station_list, {{"why", cap.first_error()}});
    }
    for (size_t r = 0; r < t.text.size(); ++r) {
      OGRFeatureUniquePtr f(OGRFeature::CreateFeature(l->GetLayerDefn()));
      for (size_t c = 0; c < t.columns.size(); ++c) {
        const int k = static_cast<int>(c);
        if (t.columns[c].number)
          f->SetField(k, rounded(t.value[r][c], std::pow(10.0, t.columns[c].decimals)));
        else
          f->SetField(k, t.text[r][c].c_str());
      }
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
