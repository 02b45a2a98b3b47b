#include "engine/export/map_render.hpp"

#include <zlib.h>

#include <cairo.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "engine/export/coverage_layers.hpp"
#include "engine/export/map_palette.hpp"
#include "engine/util/error.hpp"
#include "engine/util/output_file.hpp"

namespace yz {

namespace {
void set(cairo_t* cr, palette::Rgba c, double alpha_scale = 1) {
  cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0 * alpha_scale);
}

bool zh(ReportLang l) {
  return l == ReportLang::zh;
}

void polygon_path(cairo_t* cr, const MapFrame& f, const MultiPolygon& mp) {
  for (const auto& p : mp)
    for (const auto& r : p.rings) {
      for (size_t i = 0; i < r.size(); ++i) {
        const Vec2 q = f.to_px(r[i]);
        i == 0 ? cairo_move_to(cr, q.x, q.y) : cairo_line_to(cr, q.x, q.y);
      }
      cairo_close_path(cr);
    }
}

// Stations by host type: host_shape() (marker_shape.hpp), the app's table too.
using Shape = MarkerShape;
constexpr double kShapeReach = 1.3;  // the shapes reach at most 1.3 r from their centre
constexpr double kStarReach = 1.6;

void shape_path(cairo_t* cr, Shape s, Vec2 c, double r) {
  switch (s) {
    default:  // host_shape() gives only the shapes below and circle; stars are star_path()
    case Shape::circle:
      cairo_new_sub_path(cr), cairo_arc(cr, c.x, c.y, r, 0, 2 * M_PI);
      break;
    case Shape::square:
      cairo_rectangle(cr, c.x - r * 0.9, c.y - r * 0.9, 1.8 * r, 1.8 * r);
      break;
    case Shape::diamond:
      cairo_move_to(cr, c.x, c.y - 1.25 * r), cairo_line_to(cr, c.x + 1.25 * r, c.y),
          cairo_line_to(cr, c.x, c.y + 1.25 * r), cairo_line_to(cr, c.x - 1.25 * r, c.y),
          cairo_close_path(cr);
      break;
    case Shape::triangle:
      cairo_move_to(cr, c.x, c.y - 1.3 * r), cairo_line_to(cr, c.x + 1.2 * r, c.y + 0.8 * r),
          cairo_line_to(cr, c.x - 1.2 * r, c.y + 0.8 * r), cairo_close_path(cr);
      break;
    case Shape::triangle_down:
      cairo_move_to(cr, c.x, c.y + 1.3 * r), cairo_line_to(cr, c.x + 1.2 * r, c.y - 0.8 * r),
          cairo_line_to(cr, c.x - 1.2 * r, c.y - 0.8 * r), cairo_close_path(cr);
      break;
    case Shape::hexagon:
      for (int k = 0; k < 6; ++k) {
        const double a = M_PI / 3 * k;
        k == 0 ? cairo_move_to(cr, c.x + 1.1 * r * std::cos(a), c.y + 1.1 * r * std::sin(a))
               : cairo_line_to(cr, c.x + 1.1 * r * std::cos(a), c.y + 1.1 * r * std::sin(a));
      }
      cairo_close_path(cr);
      break;
  }
}

void star_path(cairo_t* cr, Vec2 c, double r) {
  for (int k = 0; k < 10; ++k) {
    const double a = -M_PI / 2 + M_PI / 5 * k, rr = k % 2 == 0 ? 1.6 * r : 0.7 * r;
    k == 0 ? cairo_move_to(cr, c.x + rr * std::cos(a), c.y + rr * std::sin(a))
           : cairo_line_to(cr, c.x + rr * std::cos(a), c.y + rr * std::sin(a));
  }
  cairo_close_path(cr);
}

void marker(cairo_t* cr, Shape s, Vec2 c, double u, palette::Rgba fill) {
  shape_path(cr, s, c, (palette::station_half_px + palette::station_outline_px) * u);
  set(cr, palette::station_outline);
  cairo_fill(cr);
  shape_path(cr, s, c, palette::station_half_px * u);
  set(cr, fill);
  cairo_fill(cr);
}

void star_marker(cairo_t* cr, Vec2 c, double u) {
  star_path(cr, c, (palette::station_half_px + palette::station_outline_px) * u);
  set(cr, palette::station_outline);
  cairo_fill(cr);
  star_path(cr, c, palette::station_half_px * u);
  set(cr, palette::station_selected);
  cairo_fill(cr);
}

// Text with a white halo so it reads over streets.
void halo_text(cairo_t* cr, double x, double y, const std::string& s, double u) {
  cairo_move_to(cr, x, y);
  cairo_text_path(cr, s.c_str());
  cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
  cairo_set_line_width(cr, 3 * u);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke(cr);
  cairo_move_to(cr, x, y);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.12);
  cairo_show_text(cr, s.c_str());
}

double text_width(cairo_t* cr, const std::string& s) {
  cairo_text_extents_t e;
  cairo_text_extents(cr, s.c_str(), &e);
  return e.x_advance;
}

// The existing stations' host types, in the fixed kHostTypes order, unknown ("") last.
std::vector<std::string> station_types(const CoverageStudy& st, const std::vector<uint32_t>& rank) {
  std::vector<std::string> present;
  for (uint32_t i = 0; i < st.sites.size(); ++i) {
    if (rank[i] > 0) continue;
    const std::string& t = site_host_type(st.sites, i);
    const bool known =
        std::find(std::begin(kHostTypes), std::end(kHostTypes), t) != std::end(kHostTypes);
    if (std::find(present.begin(), present.end(), known ? t : "") == present.end())
      present.push_back(known ? t : "");
  }
  std::vector<std::string> types;
  for (const char* t : kHostTypes)
    if (std::find(present.begin(), present.end(), t) != present.end()) types.push_back(t);
  if (std::find(present.begin(), present.end(), "") != present.end()) types.push_back("");
  return types;
}

}  // namespace

std::string fit_text(cairo_t* cr, std::string s, double max_width) {
  if (text_width(cr, s) <= max_width) return s;
  while (!s.empty() && text_width(cr, s + "…") > max_width) {
    size_t n = s.size() - 1;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
      --n;  // start of the last character
    s.resize(n);
  }
  return s + "…";
}

const char* map_font_family() {
  return "Noto Sans CJK SC";
}

void set_map_font(cairo_t* cr, double size, bool bold) {
  cairo_select_font_face(cr, map_font_family(), CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
}

std::string host_label(const std::string& t, ReportLang lang) {
  if (!zh(lang)) return t.empty() ? "station" : t;
  static const std::map<std::string, std::string> words{
      {"co-built", "共建"}, {"standalone", "独立"}, {"shared", "共享"},
      {"alliance", "联盟"}, {"mobile", "流动"},     {"", "驿站"}};
  const auto it = words.find(t);
  return it == words.end() ? t : it->second;
}

MapScene make_map_scene(const PlanExport& plan, const ExportOptions& opt,
                        std::vector<MultiPolygon> areas) {
  MapScene s;
  const CoverageStudy& st = *plan.study;
  s.study = &st;
  s.lang = opt.lang;
  s.walk_areas = areas.size() == st.sites.size() ? std::move(areas) : walk_areas(st, opt.area);
  s.rank.assign(st.sites.size(), 0);
  for (uint32_t i = plan.existing; i < st.sites.size(); ++i) {
    const std::string& r = st.sites.attr(i, "suggested_rank");
    s.rank[i] = r.empty() ? i - plan.existing + 1 : static_cast<uint32_t>(std::stoul(r));
  }
  s.title = opt.title;
  if (s.title.empty())
    s.title = zh(opt.lang) ? fmt::format("户外劳动者服务站点 {:g} 分钟步行覆盖", st.params.minutes)
                           : fmt::format("Outdoor-worker stations: {:g}-minute walking coverage",
                                         st.params.minutes);
  s.extent = st.city->bounds();
  for (auto p : st.sites.xy) s.extent.add(p);
  return s;
}

MapFrame draw_map(cairo_t* cr, const MapScene& s, double x, double y, double w, double h, double u,
                  bool with_title) {
  const CoverageStudy& st = *s.study;
  const RoadLines& L = st.city->lines;
  const bool Z = zh(s.lang);
  cairo_save(cr);
  // Title band.
  if (with_title) {
    const double th = 34 * u;
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_rectangle(cr, x, y, w, th);
    cairo_fill(cr);
    set_map_font(cr, 17 * u, true);
    const std::string t = fit_text(cr, s.title, w - 20 * u);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.12);
    cairo_move_to(cr, x + 10 * u, y + 24 * u);
    cairo_show_text(cr, t.c_str());
    y += th, h -= th;
  }
  // Legend entries, measured first: the legend gets its own panel beside (landscape) or below
  // (portrait) the map so it never hides a station.
  struct Entry {
    int kind;  // 0 line, 1 fill, 2 circle, 3 dot, 4 station shape, 5 star
    palette::Rgba color;
    std::string label;
    Shape shape = Shape::circle;
  };
  std::vector<Entry> entries;
  const auto types = station_types(st, s.rank);
  entries.push_back({0, {255, 255, 255}, Z ? "街道" : "Streets"});
  entries.push_back({1, palette::walk_area,
                     Z ? fmt::format("{:g} 分钟步行范围", st.params.minutes)
                       : fmt::format("{:g}-minute walk area", st.params.minutes)});
  const double R = st.params.radius_m;
  const std::string radius = std::fmod(R, 1000) == 0
                                 ? fmt::format(fmt::runtime(Z ? "{:g} 公里" : "{:g} km"), R / 1000)
                                 : fmt::format(fmt::runtime(Z ? "{:g} 米" : "{:g} m"), R);
  entries.push_back({2, palette::circle, Z ? radius + "半径" : radius + " radius"});
  entries.push_back({3, palette::demand0,
                     st.demand_is_proxy
                         ? (Z ? "步行不可达的街道（需求按街道长度估算）"
                              : "Streets no station reaches on foot (demand proxy)")
                         : (Z ? "步行不可达的劳动者" : "Workers no station reaches on foot")});
  entries.push_back({3, palette::demand1, Z ? "一个站点可达" : "Reached by one station"});
  entries.push_back({3, palette::demand2, Z ? "两个及以上站点可达" : "Reached by two or more"});
  for (const std::string& t : types)
    entries.push_back({4, palette::station,
                       types.size() == 1 && t.empty()
                           ? std::string(Z ? "现有驿站" : "Existing station")
                           : (Z ? "现有驿站：" : "Station: ") +
                                 (t.empty() ? std::string(Z ? "类型未注明" : "type not given")
                                            : host_label(t, s.lang)),
                       host_shape(t)});
  if (std::any_of(s.rank.begin(), s.rank.end(), [](uint32_t r) { return r > 0; })) {
    entries.push_back({5, palette::station_selected,
                       Z ? "建议新站（按建设顺序编号）" : "Suggested station (# = build order)"});
    entries.push_back(
        {2, palette::circle_selected,
         Z ? "建议新站的" + radius + "半径" : "Suggested station's " + radius + " radius"});
  }
  set_map_font(cr, 11 * u);
  double lw = 0;
  for (const auto& en : entries) lw = std::max(lw, text_width(cr, en.label));
  const double row = 18 * u, pad = 8 * u, sym = 30 * u;
  const double cw = pad * 2 + sym + lw;  // one legend column
  const bool beside = w >= h;
  const size_t cols = beside ? 1 : std::clamp<size_t>(static_cast<size_t>((w - 20 * u) / cw), 1, 3);
  const size_t per_col = (entries.size() + cols - 1) / cols;
  const double bw = cw * cols, bh = pad * 2 + row * per_col;
  double lx = x, ly = y;
  cairo_set_source_rgb(cr, 1, 1, 1);
  if (!s.legend) {
    entries.clear();
  } else if (beside) {
    const double pw = bw + 20 * u;
    cairo_rectangle(cr, x + w - pw, y, pw, h);
    cairo_fill(cr);
    lx = x + w - pw, ly = y;
    w -= pw;
  } else {
    const double ph = bh + 20 * u;
    cairo_rectangle(cr, x, y + h - ph, w, ph);
    cairo_fill(cr);
    lx = x, ly = y + h - ph;
    h -= ph;
  }
  MapFrame f;
  f.x = x, f.y = y, f.w = w, f.h = h;
  Box e = s.extent;
  if (e.empty()) e.add({0, 0}), e.add({1, 1});
  const double margin = 12 * u;
  const double ew = std::max(e.max.x - e.min.x, 1.0), eh = std::max(e.max.y - e.min.y, 1.0);
  f.scale = std::min((w - 2 * margin) / ew, (h - 2 * margin) / eh);
  f.origin = e.min;
  f.x0 = x + (w - ew * f.scale) / 2;
  f.y1 = y + h - (h - eh * f.scale) / 2;
  cairo_rectangle(cr, x, y, w, h);
  cairo_clip(cr);
  set(cr, palette::background);
  cairo_paint(cr);
  // Water and parks.
  const MapAreas& A = L.areas;
  for (size_t p = 0; p < A.size(); ++p) {
    for (uint32_t r = A.poly_first[p]; r < A.poly_first[p + 1]; ++r)
      for (uint32_t i = A.ring_first[r]; i < A.ring_first[r + 1]; ++i) {
        const Vec2 q = f.to_px(A.points[i]);
        i == A.ring_first[r] ? cairo_move_to(cr, q.x, q.y) : cairo_line_to(cr, q.x, q.y);
      }
    cairo_close_path(cr);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    set(cr, A.kind[p] == AreaKind::water ? palette::water : palette::park);
    cairo_fill(cr);
  }
  // Streets: minor first, casings under wide ones. Widths follow the app at a city-wide zoom and
  // shrink for larger areas so the map stays readable.
  const double zoom = std::clamp(f.scale / u / 0.2, 0.25, 1.0);
  std::vector<size_t> order(L.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return palette::road_style(L.road_class[a]).width_px <
           palette::road_style(L.road_class[b]).width_px;
  });
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  auto line_path = [&](size_t i) {
    for (uint32_t k = L.first[i]; k < L.first[i + 1]; ++k) {
      const Vec2 q = f.to_px(L.points[k]);
      k == L.first[i] ? cairo_move_to(cr, q.x, q.y) : cairo_line_to(cr, q.x, q.y);
    }
  };
  for (int pass = 0; pass < 2; ++pass)
    for (size_t i : order) {
      const auto rs = palette::road_style(L.road_class[i]);
      const double wpx = rs.width_px * u * zoom;
      if (pass == 0 && rs.width_px < 2) continue;
      line_path(i);
      if (pass == 0)
        set(cr, palette::casing), cairo_set_line_width(cr, wpx + 1.5 * u * zoom);
      else
        set(cr, L.walkable[i] ? rs.color : palette::not_walkable), cairo_set_line_width(cr, wpx);
      cairo_stroke(cr);
    }
  // Walk areas: translucent, so overlaps (double coverage) read darker.
  cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
  for (const auto& a : s.walk_areas) {
    polygon_path(cr, f, a);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    set(cr, palette::walk_area);
    cairo_fill(cr);
  }
  // 1 km circles.
  cairo_set_line_width(cr, 1.3 * u);
  for (uint32_t i = 0; i < st.sites.size(); ++i) {
    const Vec2 c = f.to_px(st.sites.xy[i]);
    cairo_new_sub_path(cr);
    cairo_arc(cr, c.x, c.y, st.params.radius_m * f.scale, 0, 2 * M_PI);
    set(cr, s.rank[i] > 0 ? palette::circle_selected : palette::circle);
    cairo_stroke(cr);
  }
  // Demand by walk cover count; the unreached on top.
  for (int pass = 2; pass >= 0; --pass)
    for (uint32_t d = 0; d < st.demand.size(); ++d) {
      const int n = std::min<int>(st.state.count(Criterion::walk, d), 2);
      if (n != pass || st.demand.weight[d] <= 0) continue;
      const Vec2 q = f.to_px(st.demand.xy[d]);
      cairo_new_sub_path(cr);
      cairo_arc(cr, q.x, q.y, (n == 0 ? 2.2 : 1.6) * u * std::max(zoom, 0.4), 0, 2 * M_PI);
      set(cr, n == 0 ? palette::demand0 : n == 1 ? palette::demand1 : palette::demand2);
      cairo_fill(cr);
    }
  // Map furniture, measured first so that no label hides under it (drawn after the labels).
  const double sb_target_m = w / 5 / f.scale;  // scale bar: a round length about w / 5
  double sb_len = std::pow(10.0, std::floor(std::log10(sb_target_m)));
  for (double m : {2.0, 5.0, 10.0})
    if (sb_len * m <= sb_target_m) sb_len = std::pow(10.0, std::floor(std::log10(sb_target_m))) * m;
  const double sb_px = sb_len * f.scale, sb_x = x + 16 * u, sb_y = y + h - 18 * u;
  const LabelBox sb_box{sb_x - 6 * u, sb_y - 22 * u, sb_x + sb_px + 6 * u, sb_y + 8 * u};
  const double ax = x + w - 28 * u, ay = y + 18 * u;  // north arrow
  const LabelBox arrow_box{ax - 16 * u, ay - 8 * u, ax + 16 * u, ay + 44 * u};
  f.credit = L.from_osm ? "© OpenStreetMap contributors"
             : L.synthetic
                 ? (Z ? "合成演示城市（非真实数据）" : "Synthetic demo city (not real data)")
                 : "";
  set_map_font(cr, 10 * u);
  const double credit_w = f.credit.empty() ? 0 : text_width(cr, f.credit);
  const LabelBox credit_box{x + w - credit_w - 14 * u, y + h - 20 * u, x + w, y + h};
  // Stations by type (each type its fixed shape), then suggested stations as stars.
  const double mark_u = u * std::max(zoom, 0.6);
  f.shape.assign(st.sites.size(), Shape::circle);
  f.marks.resize(st.sites.size());
  for (uint32_t i = 0; i < st.sites.size(); ++i) {
    if (s.rank[i] > 0) continue;
    const Vec2 c = f.to_px(st.sites.xy[i]);
    f.shape[i] = host_shape(site_host_type(st.sites, i));
    marker(cr, f.shape[i], c, mark_u, palette::station);
    f.marks[i] = box_around(
        c, (palette::station_half_px + palette::station_outline_px) * mark_u * kShapeReach);
  }
  for (uint32_t i = 0; i < st.sites.size(); ++i) {
    if (s.rank[i] == 0) continue;
    const Vec2 c = f.to_px(st.sites.xy[i]);
    star_marker(cr, c, u);
    f.marks[i] =
        box_around(c, (palette::station_half_px + palette::station_outline_px) * u * kStarReach);
  }
  for (const auto& t : types) f.legend_shapes.push_back({t, host_shape(t)});
  // Labels, placed greedily: suggested ranks first, then station names, the stations that reach
  // the most workers on foot first (on a crowded map the names that matter most win the room),
  // each beside its mark where it covers no mark, furniture or earlier label; a name that fits
  // nowhere falls back to the station's id, then to no label.
  LabelPlacer placer({x + 2 * u, y + 2 * u, x + w - 2 * u, y + h - 2 * u});
  for (const auto& m : f.marks) placer.block(m);
  placer.block(sb_box);
  placer.block(arrow_box);
  if (!f.credit.empty()) placer.block(credit_box);
  const double halo = 1.5 * u, gap = 2.5 * u;
  auto label = [&](uint32_t i, std::initializer_list<std::string> texts) {
    cairo_font_extents_t fe;
    cairo_font_extents(cr, &fe);
    const Vec2 c = f.to_px(st.sites.xy[i]);
    const double r = f.marks[i].width() / 2 + gap;
    for (const std::string& t : texts) {
      if (t.empty()) continue;
      const auto b =
          placer.place(c, r, text_width(cr, t) + 2 * halo, fe.ascent + fe.descent + 2 * halo);
      if (!b) continue;
      halo_text(cr, b->x0 + halo, b->y0 + halo + fe.ascent, t, u);
      f.labels.push_back({i, t, *b});
      return;
    }
    ++f.labels_dropped;
  };
  set_map_font(cr, 10.5 * u, true);
  for (uint32_t i = 0; i < st.sites.size(); ++i)
    if (s.rank[i] > 0) label(i, {"#" + std::to_string(s.rank[i])});
  std::vector<uint32_t> by_workers;
  std::vector<double> weight(st.sites.size(), 0);  // each station's sum once, then the sort
  for (uint32_t i = 0; i < st.sites.size(); ++i)
    if (s.rank[i] == 0 && !st.sites.name[i].empty())
      by_workers.push_back(i), weight[i] = st.state.covered_weight(i, Criterion::walk);
  std::stable_sort(by_workers.begin(), by_workers.end(),
                   [&](uint32_t a, uint32_t b) { return weight[a] > weight[b]; });
  set_map_font(cr, 10 * u);
  for (uint32_t i : by_workers) label(i, {st.sites.name[i], st.sites.id[i]});
  cairo_reset_clip(cr);
  const double bx = lx + 10 * u, by = ly + 10 * u;
  if (s.legend) {
    cairo_set_source_rgba(cr, 1, 1, 1, 0.92);
    cairo_rectangle(cr, bx, by, bw, bh);
    cairo_fill_preserve(cr);
    cairo_set_source_rgba(cr, 0, 0, 0, 0.35);
    cairo_set_line_width(cr, 1 * u);
    cairo_stroke(cr);
  }
  set_map_font(cr, 11 * u);  // as measured
  for (size_t k = 0; k < entries.size(); ++k) {
    const auto& en = entries[k];
    const double cy = by + pad + row * (k % per_col + 0.5),
                 cx = bx + cw * (k / per_col) + pad + sym / 2;
    switch (en.kind) {
      case 0:
        cairo_move_to(cr, cx - 10 * u, cy), cairo_line_to(cr, cx + 10 * u, cy);
        set(cr, palette::casing), cairo_set_line_width(cr, 4.5 * u), cairo_stroke(cr);
        cairo_move_to(cr, cx - 10 * u, cy), cairo_line_to(cr, cx + 10 * u, cy);
        set(cr, en.color), cairo_set_line_width(cr, 3 * u), cairo_stroke(cr);
        break;
      case 1:
        cairo_rectangle(cr, cx - 10 * u, cy - 6 * u, 20 * u, 12 * u);
        set(cr, en.color, 2.0), cairo_fill(cr);
        break;
      case 2:
        cairo_new_sub_path(cr), cairo_arc(cr, cx, cy, 6.5 * u, 0, 2 * M_PI);
        set(cr, en.color), cairo_set_line_width(cr, 1.3 * u), cairo_stroke(cr);
        break;
      case 3:
        cairo_new_sub_path(cr), cairo_arc(cr, cx, cy, 3 * u, 0, 2 * M_PI);
        set(cr, en.color), cairo_fill(cr);
        break;
      case 4:
        marker(cr, en.shape, {cx, cy}, u * 0.85, en.color);
        break;
      case 5:
        star_marker(cr, {cx, cy}, u * 0.85);
        break;
    }
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.12);
    cairo_move_to(cr, cx + sym / 2, cy + 4 * u);
    cairo_show_text(cr, en.label.c_str());
  }
  // Scale bar.
  {
    const double len = sb_len, px = sb_px, sx = sb_x, sy = sb_y;
    cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
    cairo_rectangle(cr, sb_box.x0, sb_box.y0, sb_box.width(), sb_box.height());
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.12);
    cairo_set_line_width(cr, 2 * u);
    cairo_move_to(cr, sx, sy - 5 * u), cairo_line_to(cr, sx, sy), cairo_line_to(cr, sx + px, sy),
        cairo_line_to(cr, sx + px, sy - 5 * u);
    cairo_stroke(cr);
    set_map_font(cr, 11 * u);
    // Metres in Chinese (米), as every other distance in the report.
    const std::string label = Z                ? fmt::format("{:g} 米", len)
                              : len >= 1000 ? fmt::format("{:g} km", len / 1000)
                                            : fmt::format("{:g} m", len);
    cairo_move_to(cr, sx, sy - 8 * u);
    cairo_show_text(cr, label.c_str());
  }
  // North arrow (the projection's grid north; UTM grid north is within a degree or two of true
  // north).
  {
    cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
    cairo_rectangle(cr, arrow_box.x0, arrow_box.y0, arrow_box.width(), arrow_box.height());
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.12);
    cairo_move_to(cr, ax, ay), cairo_line_to(cr, ax + 9 * u, ay + 26 * u),
        cairo_line_to(cr, ax, ay + 20 * u), cairo_line_to(cr, ax - 9 * u, ay + 26 * u),
        cairo_close_path(cr);
    cairo_fill(cr);
    set_map_font(cr, 12 * u, true);
    const std::string n = Z ? "北" : "N";
    cairo_move_to(cr, ax - text_width(cr, n) / 2, ay + 41 * u);
    cairo_show_text(cr, n.c_str());
  }
  // Data licence / provenance, bottom right.
  if (!f.credit.empty()) {
    set_map_font(cr, 10 * u);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
    cairo_rectangle(cr, credit_box.x0, credit_box.y0, credit_box.width(), credit_box.height());
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.15, 0.15, 0.18);
    cairo_move_to(cr, x + w - credit_w - 7 * u, y + h - 6 * u);
    cairo_show_text(cr, f.credit.c_str());
  }
  cairo_restore(cr);
  return f;
}

// cairo writes no resolution: a pHYs chunk (pixels per metre) after the header (IHDR: the 8-byte
// signature, then 4 length + 4 type + 13 data + 4 CRC bytes) lets print and GIS software size it.
std::string with_png_dpi(const std::string& png, double dpi) {
  constexpr size_t kAfterIhdr = 8 + 4 + 4 + 13 + 4;
  if (png.size() < kAfterIhdr || png.compare(12, 4, "IHDR") != 0) return png;
  const uint32_t ppm = static_cast<uint32_t>(std::lround(dpi / 0.0254));
  std::string chunk = "pHYs";
  for (int rep = 0; rep < 2; ++rep)
    for (int shift = 24; shift >= 0; shift -= 8) chunk += static_cast<char>((ppm >> shift) & 0xFF);
  chunk += '\x01';  // unit: metre
  const uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(chunk.data()),
                          static_cast<uInt>(chunk.size()));
  std::string out = png.substr(0, kAfterIhdr);
  const uint32_t len = 9;
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((len >> shift) & 0xFF);
  out += chunk;
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((crc >> shift) & 0xFF);
  out.append(png, kAfterIhdr, std::string::npos);
  return out;
}

MapFrame write_png_map(const std::string& path, const MapScene& scene, int width, int height,
                       double dpi) {
  check_param("png_width", width, kPngWidth);
  check_param("png_height", height, kPngHeight);
  check_param("dpi", dpi, kPngDpi);
  cairo_surface_t* surf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  cairo_t* cr = cairo_create(surf);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  const MapFrame f = draw_map(cr, scene, 0, 0, width, height, dpi / 96.0, true);
  cairo_destroy(cr);
  cairo_surface_flush(surf);
  OutputFile out(path);  // staged, moved into place when complete
  FileSink sink(out.path(), path);
  std::string png;
  const cairo_status_t status = cairo_surface_write_to_png_stream(
      surf,
      [](void* s, const unsigned char* data, unsigned int n) {
        static_cast<std::string*>(s)->append(reinterpret_cast<const char*>(data), n);
        return CAIRO_STATUS_SUCCESS;
      },
      &png);
  cairo_surface_destroy(surf);
  if (status == CAIRO_STATUS_SUCCESS) sink.write(with_png_dpi(png, dpi));
  sink.close();  // throws the OS's reason (no space left, ...) when a write failed
  if (status != CAIRO_STATUS_SUCCESS)
    throw InputError(output_display_path(path),
                     std::string("cannot write PNG: ") + cairo_status_to_string(status));
  out.commit();
  return f;
}

}  // namespace yz
