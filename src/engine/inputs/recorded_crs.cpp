#include "engine/inputs/recorded_crs.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "engine/map/gdal_session.hpp"
#include "engine/map/vector_layer.hpp"
#include "engine/util/ascii_case.hpp"
#include "engine/util/error.hpp"

namespace yz {

std::optional<std::string> recorded_crs(const std::string& path, const std::string& layer) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) throw InputError(path, "file not found");
  const std::string ext = ascii_lower(fs::path(path).extension().string());
  // Text tables and spreadsheets never record one (GDAL's CSV driver would pick up a stray .prj
  // beside a CSV, which read_points ignores; an .xls may have no GDAL driver at all).
  for (const char* table : {".csv", ".txt", ".tsv", ".xlsx", ".xls", ".ods"})
    if (ext == table) return std::nullopt;
  ensure_gdal();
  GdalErrorCapture cap;
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY,
                                            nullptr, nullptr, nullptr));
  if (!ds)
    throw InputError(
        path, "not a readable table or vector layer" +
                  (cap.first_error().empty() ? std::string() : " (" + cap.first_error() + ")"));
  OGRLayer* l = pick_layer(*ds, path, layer, LayerShape::points);
  const OGRSpatialReference* srs = l->GetSpatialRef();
  if (!srs) return std::nullopt;  // spreadsheets, a Shapefile without .prj, a bare table
  const char* auth = srs->GetAuthorityName(nullptr);
  const char* code = srs->GetAuthorityCode(nullptr);
  if (auth && code) return std::string(auth) + ":" + code;
  OGRSpatialReference copy(*srs);
  if (copy.AutoIdentifyEPSG() == OGRERR_NONE && copy.GetAuthorityCode(nullptr))
    return std::string("EPSG:") + copy.GetAuthorityCode(nullptr);
  const char* name = srs->GetName();
  return std::string(name && *name ? name : "a recorded CRS");
}

}  // namespace yz
