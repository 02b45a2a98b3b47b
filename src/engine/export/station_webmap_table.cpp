#include "engine/export/station_webmap_table.hpp"

#include "engine/export/map_render.hpp"
#include "engine/geo/china_coords.hpp"

namespace yz {

namespace {
std::string plan_word(const std::string& plan, bool zh) {
  if (plan.empty() || plan == "existing") return zh ? "现有" : "existing";
  if (plan == "suggested") return zh ? "建议新站" : "suggested";
  return plan;
}
}  // namespace

StationWebmapTable station_webmap_table(const CoverageStudy& st, ReportLang lang) {
  const bool zh = lang == ReportLang::zh;
  const bool est = st.demand_estimated();  // a street-length figure is never labelled as people
  StationWebmapTable t;
  // WGS-84 is GPS / OpenStreetMap ("地球坐标"), GCJ-02 what Amap and Tencent show, BD-09 Baidu's.
  if (zh)
    t.columns = {{"编号"},
                 {"名称"},
                 {"建设类型"},
                 {"现有或建议"},
                 {"地球坐标经度", true, 7},
                 {"地球坐标纬度", true, 7},
                 {"高德坐标经度", true, 7},
                 {"高德坐标纬度", true, 7},
                 {"百度坐标经度", true, 7},
                 {"百度坐标纬度", true, 7},
                 {"在中国境外"},
                 {est ? "步行可达劳动者（估算）" : "步行可达劳动者", true, 1},
                 {est ? "步行与半径均覆盖劳动者（估算）" : "步行与半径均覆盖劳动者", true, 1}};
  else
    t.columns = {{"site_id"},
                 {"name"},
                 {"host_type"},
                 {"plan"},
                 {"lon_wgs84", true, 7},
                 {"lat_wgs84", true, 7},
                 {"lon_gcj02", true, 7},
                 {"lat_gcj02", true, 7},
                 {"lon_bd09", true, 7},
                 {"lat_bd09", true, 7},
                 {"outside_china"},
                 {est ? "walk_workers_est" : "walk_workers", true, 1},
                 {est ? "both_workers_est" : "both_workers", true, 1}};
  const size_t n = t.columns.size();
  for (uint32_t i = 0; i < st.sites.size(); ++i) {
    const Vec2 w = st.sites.lonlat[i];
    const Vec2 g = from_wgs84(w, WebDatum::gcj02);
    const Vec2 b = from_wgs84(w, WebDatum::bd09);
    const std::string& host = site_host_type(st.sites, i);
    std::vector<std::string> tx(n);
    std::vector<double> v(n, 0);
    tx[0] = st.sites.id[i];
    tx[1] = st.sites.name[i];
    tx[2] = zh && !host.empty() ? host_label(host, lang) : host;
    tx[3] = plan_word(st.sites.attr(i, "plan"), zh);
    const double coords[] = {w.x, w.y, g.x, g.y, b.x, b.y};
    for (int k = 0; k < 6; ++k) v[4 + k] = coords[k];
    tx[10] = outside_china(w) ? (zh ? "是" : "yes") : (zh ? "否" : "no");
    v[11] = st.state.covered_weight(i, Criterion::walk);
    v[12] = st.state.covered_weight(i, Criterion::both);
    t.text.push_back(std::move(tx));
    t.value.push_back(std::move(v));
  }
  return t;
}

}  // namespace yz
