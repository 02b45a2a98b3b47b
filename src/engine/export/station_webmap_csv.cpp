#include "engine/export/station_webmap_csv.hpp"

#include <fmt/format.h>

#include <sstream>

#include "engine/export/plan_export.hpp"
#include "engine/geo/china_coords.hpp"
#include "engine/util/error.hpp"
#include "engine/util/output_file.hpp"

namespace yz {

namespace {
// RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled.
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}
}  // namespace

void write_station_webmap_csv(const std::string& path, const CoverageStudy& st, bool bom) {
  OutputFile out(path);  // staged, moved into place when complete
  std::ostringstream f;
  if (bom) f << "\xEF\xBB\xBF";
  const std::string plan_col = "plan";
  f << "site_id,name,host_type,plan,lon_wgs84,lat_wgs84,lon_gcj02,lat_gcj02,lon_bd09,lat_bd09,"
       "outside_china,"
       "walk_workers,both_workers\r\n";
  for (uint32_t i = 0; i < st.sites.size(); ++i) {
    const Vec2 w = st.sites.lonlat[i];
    const Vec2 g = from_wgs84(w, WebDatum::gcj02);
    const Vec2 b = from_wgs84(w, WebDatum::bd09);
    f << csv_field(st.sites.id[i]) << ',' << csv_field(st.sites.name[i]) << ','
      << csv_field(site_host_type(st.sites, i)) << ','
      << csv_field(st.sites.attr(i, plan_col).empty() ? std::string("existing")
                                                      : st.sites.attr(i, plan_col))
      << ','
      << fmt::format("{:.7f},{:.7f},{:.7f},{:.7f},{:.7f},{:.7f},{},{:.1f},{:.1f}\r\n", w.x, w.y,
                     g.x, g.y, b.x, b.y, outside_china(w) ? "yes" : "no",
                     st.state.covered_weight(i, Criterion::walk),
                     st.state.covered_weight(i, Criterion::both));
  }
  FileSink sink(out.path(), path);
  sink.write(f.str());
  sink.close();  // throws the OS's reason (no space left, ...) when a write failed
  out.commit();
}

}  // namespace yz
