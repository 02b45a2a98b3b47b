#include "engine/export/field_check_sheet.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>
#include <qrencode.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "engine/export/pango_text.hpp"
#include "engine/export/street_labels.hpp"
#include "engine/geo/china_coords.hpp"
#include "engine/map/street_names.hpp"
#include "engine/util/error.hpp"
#include "engine/util/output_file.hpp"

namespace yz {

namespace {

constexpr double kPageW = 595.276, kPageH = 841.89, kM = 36, kW = kPageW - 2 * kM;  // A4, points

enum class Kind { suggested, station, candidate };

struct Entry {
  Kind kind;
  const PointSet* set;  // the study's sites, or the candidates
  uint32_t i;           // index into *set
  uint32_t rank = 0;
  const siting::SuggestedSite* suggested = nullptr;
};

std::vector<Entry> entries(const PlanExport& plan, FieldCheckSites which) {
  std::vector<Entry> out;
  if (which == FieldCheckSites::none || !plan.study) return out;
  const PointSet& S = plan.study->sites;
  const bool all = which == FieldCheckSites::all;
  std::set<std::string> suggested_ids;
  if (all || which == FieldCheckSites::suggested || which == FieldCheckSites::candidates) {
    for (uint32_t i = plan.existing; i < S.size(); ++i) {
      Entry e{Kind::suggested, &S, i};
      const std::string& r = S.attr(i, "suggested_rank");
      e.rank = r.empty() ? i - plan.existing + 1 : static_cast<uint32_t>(std::stoul(r));
      if (plan.suggest)
        for (const auto& s : plan.suggest->result.sites)
          if (s.rank == e.rank) e.suggested = &s;
      suggested_ids.insert(S.id[i]);
      out.push_back(e);
    }
  }
  if (all || which == FieldCheckSites::stations)
    for (uint32_t i = 0; i < plan.existing && i < S.size(); ++i)
      out.push_back({Kind::station, &S, i});
  if ((all || which == FieldCheckSites::candidates) && plan.candidates)
    for (uint32_t i = 0; i < plan.candidates->size(); ++i)
      if (!suggested_ids.count(plan.candidates->id[i]))
        out.push_back({Kind::candidate, plan.candidates, i});
  return out;
}

void draw_qr(cairo_t* cr, const std::string& text, double x, double y, double size) {
  QRcode* q = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (!q) throw std::runtime_error("QR code: cannot encode " + text);
  const int n = q->width;
  const double m = size / (n + 8);  // 4 modules of quiet zone each side
  cairo_save(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, x, y, size, size);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
  for (int r = 0; r < n; ++r)
    for (int c = 0; c < n; ++c)
      if (q->data[r * n + c] & 1) cairo_rectangle(cr, x + (c + 4) * m, y + (r + 4) * m, m, m);
  cairo_fill(cr);
  cairo_restore(cr);
  QRcode_free(q);
}

struct Words {
  const char *suggested, *station, *candidate, *id, *host, *category, *street, *cross, *address,
      *none_near, *coords, *amap, *baidu, *scan, *adds, *reach, *station_reach, *not_suggested,
      *alternatives, *alt_head_name, *alt_head_dist, *alt_head_plan, *breaks_rule, *checklist,
      *people, *proxy_unit, *cost, *map_note, *notes;
  const char* checks[8];
};

const Words kZh{"建议新站",
                "现有驿站",
                "候选点",
                "编号",
                "建设类型",
                "类别",
                "所在街道",
                "最近路口",
                "门牌地址",
                "附近地图上没有带名称的街道",
                "坐标",
                "高德地图",
                "百度地图",
                "用手机扫码，在地图上打开此点",
                "按建设顺序新增覆盖 {}；步行与半径均可达 {}，其中 {} 仅由此站覆盖，{} 与他站重叠",
                "可达 {}",
                "此站覆盖 {}，其中 {} 仅由此站覆盖",
                "未被建议的候选点：请与建议新站对比",
                "备选点（地图上的编号）",
                "备选点",
                "距离",
                "换用此点后全方案覆盖",
                "（违反间距或预算）",
                "现场核查清单",
                "{:.0f} 人",
                "{:.1f}（街道长度估算）",
                "建设成本 {:g} 元",
                "地图：★ 建议新站，蓝色范围为此点 {:g} 分钟步行范围，圆圈编号为备选点",
                "备注：",
                {"场地面积 ≥ 5 平方米（或设微型站）", "饮用水", "卫生间", "充电用电源", "遮阳避雨",
                 "业主（主办单位）同意", "开放时间：________", "现场照片（门口、内部、周边）"}};

const Words kEn{"Suggested station",
                "Existing station",
                "Candidate site",
                "ID",
                "Host type",
                "Category",
                "On street",
                "Nearest crossing",
                "Address",
                "no named street nearby on the map",
                "Coordinates",
                "Amap",
                "Baidu Maps",
                "Scan with a phone to open the point on the map",
                "Adds {} at its build rank; reaches {} on foot and within the radius, {} of them "
                "only through this station, {} shared with another station",
                "Reaches {}",
                "Covers {}, {} of them only through this station",
                "Candidate not suggested: compare it with the suggested stations",
                "Alternatives (numbered on the map)",
                "Alternative",
                "Distance",
                "Whole plan covers if used instead",
                " (breaks spacing or budget)",
                "Checklist for the visit",
                "{:.0f} workers",
                "{:.1f} (street-length estimate)",
                "Cost {:g} yuan",
                "Map: ★ suggested station, blue: this point's {:g}-minute walk area, numbered "
                "circles: the alternatives",
                "Notes:",
                {"Space ≥ 5 m² (or a micro station)", "Drinking water", "Toilet",
                 "Power for charging", "Shade and shelter from rain", "Host's consent",
                 "Opening hours: ________", "Photos (entrance, inside, surroundings)"}};

std::string label_or_id(const PointSet& s, size_t i) {
  return s.name[i].empty() ? s.id[i] : s.name[i];
}

}  // namespace

std::string percent_encode(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
      out += static_cast<char>(c);
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

WebMapLinks web_map_links(Vec2 wgs84, const std::string& name, const std::string& content) {
  WebMapLinks l;
  l.wgs84 = wgs84;
  l.gcj02 = from_wgs84(wgs84, WebDatum::gcj02);
  l.bd09 = from_wgs84(wgs84, WebDatum::bd09);
  l.amap = fmt::format(
      "https://uri.amap.com/marker?position={:.6f},{:.6f}&name={}&src=yizhan&coordinate=gaode"
      "&callnative=1",
      l.gcj02.x, l.gcj02.y, percent_encode(name));
  l.baidu = fmt::format(
      "https://api.map.baidu.com/marker?location={:.6f},{:.6f}&title={}&content={}&output=html"
      "&coord_type=bd09ll&src=webapp.yizhan.fieldcheck",
      l.bd09.y, l.bd09.x, percent_encode(name), percent_encode(content.empty() ? name : content));
  return l;
}

size_t field_check_count(const PlanExport& plan, FieldCheckSites which) {
  return entries(plan, which).size();
}

size_t write_field_check_pdf(const std::string& path, const PlanExport& plan, const MapScene& scene,
                             const ExportOptions& opt) {
  const std::vector<Entry> list = entries(plan, opt.field_check);
  if (list.empty()) return 0;
  const CoverageStudy& st = *plan.study;
  const RoadLines& L = st.city->lines;
  const bool Z = opt.lang == ReportLang::zh;
  const Words& W = Z ? kZh : kEn;
  const StreetNames names(L);
  OutputFile out(path);
  FileSink sink(out.path(), path);
  cairo_surface_t* surf = cairo_pdf_surface_create_for_stream(
      [](void* s, const unsigned char* data, unsigned int n) {
        return static_cast<FileSink*>(s)->write(data, n) ? CAIRO_STATUS_SUCCESS
                                                         : CAIRO_STATUS_WRITE_ERROR;
      },
      &sink, kPageW, kPageH);
  if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surf);
    throw InputError(output_display_path(path), "cannot create the field-check PDF");
  }
  cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE,
                                 Z ? "驿站选址现场核查表" : "Station sites: field-check sheets");
  cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, "Yizhan");
  cairo_t* cr = cairo_create(surf);
  auto amount = [&](double v) {
    return st.demand_is_proxy ? fmt::format(fmt::runtime(W.proxy_unit), v)
                              : fmt::format(fmt::runtime(W.people), v);
  };
  TextStyle body;
  body.size = 9.5;
  TextStyle small = body;
  small.size = 7;
  small.r = small.g = small.b = 0.3;
  TextStyle bold = body;
  bold.bold = true;
  bold.size = 11;
  int page = 0;
  for (const Entry& e : list) {
    ++page;
    const PointSet& P = *e.set;
    const Vec2 xy = P.xy[e.i], ll = P.lonlat[e.i];
    const SiteInfo* info = e.i < P.info.size() ? &P.info[e.i] : nullptr;
    const std::string name = label_or_id(P, e.i);
    const PlaceNames place = names.near(xy);
    double y = kM;
    // Title and what the site is.
    TextStyle title = body;
    title.size = 16;
    title.bold = true;
    const std::string kind = e.kind == Kind::suggested ? fmt::format("{} #{}", W.suggested, e.rank)
                             : e.kind == Kind::station ? std::string(W.station)
                                                       : std::string(W.candidate);
    y += draw_text(cr, kind + (Z ? "　" : " · ") + name, kM, y, kW, title) + 2;
    std::string sub = fmt::format("{}{}{}", W.id, Z ? "：" : ": ", P.id[e.i]);
    if (info && !info->host_type.empty())
      sub += fmt::format("{}{}{}{}", Z ? "　" : " · ", W.host, Z ? "：" : ": ",
                         host_label(info->host_type, opt.lang));
    if (info && !info->category.empty())
      sub += fmt::format("{}{}{}{}", Z ? "　" : " · ", W.category, Z ? "：" : ": ",
                         Z && info->category == "grid" ? "沿街生成点" : info->category);
    if (info && std::isfinite(info->cost))
      sub += (Z ? "　" : " · ") + fmt::format(fmt::runtime(W.cost), info->cost);
    y += draw_text(cr, sub, kM, y, kW, body) + 8;
    // Where it is (left) and the QR codes (right).
    const double q = 100, qgap = 12, left_w = kW - 2 * q - qgap - 14;
    const double top = y;
    const std::string sep = Z ? "：" : ": ";
    auto metres = [&](double m) {
      return fmt::format(fmt::runtime(Z ? "（{:.0f} 米）" : " ({:.0f} m)"), m);
    };
    auto street_of = [&](const std::string& zh, const std::string& en) {
      return !Z && !en.empty() ? en : zh;
    };
    if (!place.street.empty()) {
      y += draw_text(cr,
                     fmt::format("{}{}{}{}", W.street, sep,
                                 street_of(place.street, place.street_en), metres(place.street_m)),
                     kM, y, left_w, body) +
           3;
      if (!place.cross.empty())
        y += draw_text(cr,
                       fmt::format("{}{}{} / {}{}", W.cross, sep,
                                   street_of(place.street, place.street_en),
                                   street_of(place.cross, place.cross_en), metres(place.cross_m)),
                       kM, y, left_w, body) +
             3;
    } else {
      y += draw_text(cr, std::string(W.street) + sep + W.none_near, kM, y, left_w, body) + 3;
    }
    if (!place.address.empty())
      y += draw_text(
               cr, fmt::format("{}{}{}{}", W.address, sep, place.address, metres(place.address_m)),
               kM, y, left_w, body) +
           3;
    const std::string content = place.street.empty() ? P.id[e.i] : place_label(place, !Z);
    const WebMapLinks links = web_map_links(ll, name, content);
    y += 4;
    y += draw_text(cr, W.coords, kM, y, left_w, bold) + 2;
    for (const auto& [datum, p] :
         {std::pair{"WGS-84", links.wgs84}, std::pair{"GCJ-02", links.gcj02},
          std::pair{"BD-09", links.bd09}}) {
      draw_text(cr, datum, kM, y, 60, body);
      y +=
          draw_text(cr, fmt::format("{:.6f}, {:.6f}", p.x, p.y), kM + 56, y, left_w - 56, body) + 2;
    }
    TextStyle cap = small;
    cap.align = 1;
    cap.size = 8;
    const double qx1 = kM + kW - 2 * q - qgap, qx2 = kM + kW - q;
    draw_qr(cr, links.amap, qx1, top, q);
    draw_qr(cr, links.baidu, qx2, top, q);
    draw_text(cr, W.amap, qx1, top + q + 1, q, cap);
    draw_text(cr, W.baidu, qx2, top + q + 1, q, cap);
    y = std::max(y, top + q + 14) + 4;
    y += draw_text(cr, std::string(W.scan), kM, y, kW, small) + 1;
    y += draw_text(cr, std::string(W.amap) + sep + links.amap, kM, y, kW, small) + 1;
    y += draw_text(cr, std::string(W.baidu) + sep + links.baidu, kM, y, kW, small) + 6;
    // The map around the site: this site's walk area, stations, alternatives numbered.
    MapScene ms;
    ms.study = scene.study;
    ms.rank = scene.rank;
    ms.lang = opt.lang;
    ms.legend = false;
    ms.walk_areas.resize(st.sites.size());
    if (e.set == &st.sites && e.i < scene.walk_areas.size())
      ms.walk_areas[e.i] = scene.walk_areas[e.i];
    std::vector<Vec2> alts;
    if (e.suggested && plan.suggest)
      for (const auto& a : e.suggested->alternatives)
        if (alts.size() < 5) alts.push_back(plan.suggest->sites.xy[a.site]);
    double half = 600;
    for (Vec2 a : alts)
      half = std::max(half, std::max(std::abs(a.x - xy.x), std::abs(a.y - xy.y)) + 120);
    half = std::min(half, 1500.0);
    const double mh = 250;
    // The map's own shape, so the site is in the middle.
    ms.extent.add({xy.x - half * kW / mh, xy.y - half});
    ms.extent.add({xy.x + half * kW / mh, xy.y + half});
    const double u = 0.55;
    const MapFrame f = draw_map(cr, ms, kM, y, kW, mh, u, false);
    cairo_save(cr);
    cairo_rectangle(cr, f.x, f.y, f.w, f.h);
    cairo_clip(cr);
    draw_street_labels(cr, f, L, !Z, 7.5);
    // The site itself when it is not one of the study's (a candidate): a red ring.
    const Vec2 c = f.to_px(xy);
    if (e.kind == Kind::candidate) {
      cairo_new_sub_path(cr);
      cairo_arc(cr, c.x, c.y, 6, 0, 2 * M_PI);
      cairo_set_source_rgb(cr, 0.85, 0.1, 0.1);
      cairo_set_line_width(cr, 2.2);
      cairo_stroke(cr);
    }
    TextStyle num = small;
    num.size = 7.5;
    num.bold = true;
    num.r = num.g = num.b = 1;
    for (size_t k = 0; k < alts.size(); ++k) {
      const Vec2 a = f.to_px(alts[k]);
      cairo_new_sub_path(cr);
      cairo_arc(cr, a.x, a.y, 6, 0, 2 * M_PI);
      cairo_set_source_rgb(cr, 0.45, 0.2, 0.6);
      cairo_fill_preserve(cr);
      cairo_set_source_rgb(cr, 1, 1, 1);
      cairo_set_line_width(cr, 1);
      cairo_stroke(cr);
      double tw = 0, th = 0;
      measure_text(cr, std::to_string(k + 1), 0, num, tw, th);
      draw_text(cr, std::to_string(k + 1), a.x - tw / 2, a.y - th / 2, 0, num);
    }
    cairo_restore(cr);
    cairo_set_source_rgb(cr, 0.5, 0.5, 0.55);
    cairo_set_line_width(cr, 0.6);
    cairo_rectangle(cr, kM, y, kW, mh);
    cairo_stroke(cr);
    y += mh + 2;
    y += draw_text(cr, fmt::format(fmt::runtime(W.map_note), st.params.minutes), kM, y, kW, small) +
         6;
    // What it adds and shares.
    std::string figures;
    if (e.kind == Kind::suggested && e.suggested)
      figures =
          fmt::format(fmt::runtime(W.adds), amount(e.suggested->gain), amount(e.suggested->covers),
                      amount(e.suggested->unique), amount(e.suggested->shared));
    else if (e.set == &st.sites)
      figures = fmt::format(fmt::runtime(W.station_reach),
                            amount(st.state.covered_weight(e.i, plan.criterion)),
                            amount(st.state.unique_weight(e.i, plan.criterion)));
    else
      figures = W.not_suggested;
    y += draw_text(cr, figures, kM, y, kW, body) + 6;
    // The alternatives with their figures.
    if (e.suggested && plan.suggest && !e.suggested->alternatives.empty()) {
      y += draw_text(cr, W.alternatives, kM, y, kW, bold) + 3;
      const double c1 = kM, c2 = kM + 22, c3 = kM + 300, c4 = kM + 360;
      TextStyle hd = body;
      hd.bold = true;
      hd.size = 8.5;
      draw_text(cr, W.alt_head_name, c2, y, c3 - c2 - 6, hd);
      draw_text(cr, W.alt_head_dist, c3, y, c4 - c3, hd);
      y += draw_text(cr, W.alt_head_plan, c4, y, kM + kW - c4, hd) + 2;
      TextStyle row = body;
      row.size = 8.5;
      row.max_lines = 1;
      const double plan_obj = plan.suggest->result.objective;
      size_t k = 0;
      for (const auto& a : e.suggested->alternatives) {
        if (k >= alts.size()) break;
        ++k;
        const PointSet& S = plan.suggest->sites;
        draw_text(cr, std::to_string(k), c1, y, 20, row);
        draw_text(cr, label_or_id(S, a.site) + " (" + S.id[a.site] + ")", c2, y, c3 - c2 - 6, row);
        draw_text(cr, fmt::format("{:.0f} {}", a.distance_m, Z ? "米" : "m"), c3, y, c4 - c3, row);
        const double d = a.objective - plan_obj;
        y += draw_text(cr,
                       fmt::format(fmt::runtime(Z ? "{}（{}{:.1f}）{}" : "{} ({}{:.1f}){}"),
                                   amount(a.objective), d >= 0 ? "+" : "", d,
                                   a.feasible ? "" : W.breaks_rule),
                       c4, y, kM + kW - c4, row) +
             2;
      }
      y += 6;
    }
    // The checklist: boxes to tick on site.
    y += draw_text(cr, W.checklist, kM, y, kW, bold) + 4;
    const double col = kW / 2;
    double rows_h = 0;
    for (int k = 0; k < 8; ++k) {
      const double x = kM + (k % 2) * col, yy = y + (k / 2) * 17;
      cairo_set_source_rgb(cr, 0.2, 0.2, 0.25);
      cairo_set_line_width(cr, 0.8);
      cairo_rectangle(cr, x, yy + 1.5, 9, 9);
      cairo_stroke(cr);
      draw_text(cr, W.checks[k], x + 14, yy, col - 18, body);
      rows_h = (k / 2 + 1) * 17;
    }
    y += rows_h + 4;
    draw_text(cr, W.notes, kM, y, kW, body);
    cairo_set_line_width(cr, 0.5);
    for (double ly = y + 14; ly < kPageH - 40; ly += 16) {
      cairo_move_to(cr, kM + (ly == y + 14 ? 40 : 0), ly);
      cairo_line_to(cr, kM + kW, ly);
    }
    cairo_set_source_rgb(cr, 0.7, 0.7, 0.72);
    cairo_stroke(cr);
    // Footer.
    TextStyle foot = small;
    foot.align = 2;
    draw_text(cr, fmt::format("{} / {}", page, list.size()), kM, kPageH - 26, kW, foot);
    foot.align = 0;
    draw_text(cr,
              std::string("Yizhan 驿站 · ") + (L.from_osm ? "© OpenStreetMap contributors" : ""),
              kM, kPageH - 26, kW / 2, foot);
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surf);
  const cairo_status_t status = cairo_surface_status(surf);
  cairo_surface_destroy(surf);
  sink.close();
  if (status != CAIRO_STATUS_SUCCESS)
    throw InputError(output_display_path(path),
                     std::string("writing the PDF failed: ") + cairo_status_to_string(status));
  out.commit();
  return list.size();
}

}  // namespace yz
