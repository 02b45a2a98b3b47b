#include "engine/export/pdf_report.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>

#include "engine/coverage/join_summary.hpp"
#include "engine/export/curve_chart.hpp"
#include "engine/export/district_map.hpp"
#include "engine/export/hour_chart.hpp"
#include "engine/inputs/street_length_demand.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"
#include "engine/util/number_format.hpp"
#include "engine/util/output_file.hpp"

namespace yz {

namespace {
constexpr double kPageW = 595.276, kPageH = 841.89, kMargin = 40;  // A4 in points

double width_of(cairo_t* cr, const std::string& s) {
  cairo_text_extents_t e;
  cairo_text_extents(cr, s.c_str(), &e);
  return e.x_advance;
}

size_t utf8_length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead >> 5 == 6 ? 2 : lead >> 4 == 14 ? 3 : lead >> 3 == 30 ? 4 : 1;
}

// Lines of at most max_width in the current font: broken at spaces, or between characters where
// a word (or Chinese text, which has no spaces) is wider than the line.
std::vector<std::string> wrap_text(cairo_t* cr, const std::string& s, double max_width) {
  std::vector<std::string> lines;
  std::string line;
  for (size_t i = 0; i < s.size();) {
    const size_t n = std::min(utf8_length(static_cast<unsigned char>(s[i])), s.size() - i);
    if (line.empty() && s[i] == ' ') {
      i += n;
      continue;
    }
    if (!line.empty() && width_of(cr, line + s.substr(i, n)) > max_width) {
      const size_t sp = line.rfind(' ');
      if (sp != std::string::npos && sp > 0) {
        lines.push_back(line.substr(0, sp));
        line = line.substr(sp + 1);
      } else {
        lines.push_back(line);
        line.clear();
      }
      continue;
    }
    line += s.substr(i, n);
    i += n;
  }
  if (!line.empty()) lines.push_back(line);
  if (lines.empty()) lines.emplace_back();
  return lines;
}

struct Words {
  const char *coverage, *criterion, *existing, *with_new, *walk, *radius, *both, *either, *twice,
      *stations, *name, *host, *lon, *lat, *walk_workers, *both_workers, *suggestions, *rank, *site,
      *gain, *shared, *cost, *alternatives, *settings, *page, *workers_total, *proxy_note,
      *objective_line, *optimal, *within, *key, *value, *not_feasible, *source, *none, *joins_walk,
      *joins_both, *joins_line, *joins_off;
};
const Words kZh{"覆盖情况",
                "标准",
                "现有站点",
                "加上建议新站",
                "步行 {:g} 分钟",
                "半径 {:g} 米",
                "两项都满足（双15标准）",
                "至少一项",
                "两站以上步行可达",
                "站点一览",
                "名称",
                "类型",
                "经度",
                "纬度",
                "步行覆盖人数",
                "双15覆盖人数",
                "建议新站",
                "序号",
                "站点",
                "新增覆盖",
                "与他站重叠",
                "费用",
                "附近备选（编号，米）",
                "计算设置",
                "第 {} 页",
                "劳动者总数 {:.0f}",
                "需求为街道长度估算（未提供劳动者数据）",
                "覆盖 {:.0f} 名劳动者",
                "已证明是最优方案",
                "已证明与最优方案相差不超过 {:.2f}%",
                "项目",
                "取值",
                "未达到目标：",
                "数据：",
                "无",
                "　其中仅经接入的孤立路段（步行）",
                "　其中仅经接入的孤立路段（双15）",
                "与主路网不相连的小段路（{:g} 米以内）已接入：{} 段，{:.0f} {}由此步行接入主路网",
                "不接入这些小段路时，步行覆盖为 {:.1f} %"};
const Words kEn{"Coverage",
                "Test",
                "Existing stations",
                "With suggested stations",
                "{:g}-minute walk",
                "{:g} m radius",
                "Both (the double-15 standard)",
                "Either",
                "Reached on foot by two or more",
                "Stations",
                "Name",
                "Type",
                "Longitude",
                "Latitude",
                "Workers by walk",
                "Workers, both tests",
                "Suggested new stations",
                "Rank",
                "Site",
                "Adds",
                "Shared",
                "Cost",
                "Nearby alternatives (id, m)",
                "Settings used",
                "Page {}",
                "{:.0f} outdoor workers in total",
                "Demand is a street-length proxy (no worker data given)",
                "Covers {:.0f} workers",
                "proven the best possible",
                "proven within {:.2f} % of the best possible",
                "Setting",
                "Value",
                "Target not met: ",
                "Data: ",
                "none",
                "  of which only through joined pieces (walk)",
                "  of which only through joined pieces (both)",
                "Disconnected street pieces joined (within {:g} m): {} pieces, {:.0f} "
                "{} walk off-street to the main network instead",
                "Without joining them, walk coverage is {:.1f} %"};

struct Doc {
  cairo_t* cr;
  const Words& w;
  ReportLang lang;
  int page = 1;
  double y = kMargin;
  void footer() {
    set_map_font(cr, 8);
    cairo_set_source_rgb(cr, 0.4, 0.4, 0.45);
    const std::string p = fmt::format(fmt::runtime(w.page), page);
    cairo_move_to(cr, kPageW - kMargin - width_of(cr, p), kPageH - 20);
    cairo_show_text(cr, p.c_str());
    cairo_move_to(cr, kMargin, kPageH - 20);
    cairo_show_text(cr, "Yizhan 驿站");
  }
  void new_page() {
    footer();
    cairo_show_page(cr);
    ++page;
    y = kMargin;
  }
  void need(double h) {
    if (y + h > kPageH - kMargin) new_page();
  }
  void heading(const std::string& s) {
    need(40);
    y += 10;
    set_map_font(cr, 14, true);
    cairo_set_source_rgb(cr, 0.1, 0.1, 0.15);
    cairo_move_to(cr, kMargin, y + 14);
    cairo_show_text(cr, s.c_str());
    y += 24;
  }
  void line(const std::string& s, double size = 9.5) {
    need(size + 6);
    set_map_font(cr, size);
    cairo_set_source_rgb(cr, 0.15, 0.15, 0.2);
    cairo_move_to(cr, kMargin, y + size);
    cairo_show_text(cr, fit_text(cr, s, kPageW - 2 * kMargin).c_str());
    y += size + 5;
  }
  // A table: columns as fractions of the text width; numbers right-aligned. Cells wrap onto more
  // lines rather than being cut (only a cell longer than kMaxLines lines ends in "…").
  void table(const std::vector<std::string>& head, const std::vector<double>& frac,
             const std::vector<bool>& right, const std::vector<std::vector<std::string>>& rows) {
    const double tw = kPageW - 2 * kMargin, rh = 15, lh = 10.5;
    constexpr size_t kMaxLines = 4;
    auto wrap_row = [&](const std::vector<std::string>& r, bool header, double& row_h) {
      set_map_font(cr, 8.5, header);
      std::vector<std::vector<std::string>> cells;
      size_t n = 1;
      for (size_t c = 0; c < r.size() && c < frac.size(); ++c) {
        auto lines = wrap_text(cr, r[c], frac[c] * tw - 6);
        if (lines.size() > kMaxLines) {
          lines.resize(kMaxLines);
          lines.back() = fit_text(cr, lines.back() + "…", frac[c] * tw - 6);
        }
        n = std::max(n, lines.size());
        cells.push_back(std::move(lines));
      }
      row_h = rh + lh * static_cast<double>(n - 1);
      return cells;
    };
    double hh = rh;
    const auto head_lines = wrap_row(head, true, hh);
    auto draw_row = [&](const std::vector<std::vector<std::string>>& r, bool header, bool shade,
                        double row_h) {
      if (header || shade) {
        header ? cairo_set_source_rgb(cr, 0.86, 0.89, 0.95)
               : cairo_set_source_rgb(cr, 0.96, 0.96, 0.97);
        cairo_rectangle(cr, kMargin, y, tw, row_h);
        cairo_fill(cr);
      }
      set_map_font(cr, 8.5, header);
      cairo_set_source_rgb(cr, 0.1, 0.1, 0.15);
      double x = kMargin;
      for (size_t c = 0; c < r.size() && c < frac.size(); ++c) {
        const double cw = frac[c] * tw;
        for (size_t k = 0; k < r[c].size(); ++k) {
          const std::string s = fit_text(cr, r[c][k], cw - 6);
          const double tx = right[c] ? x + cw - 3 - width_of(cr, s) : x + 3;
          cairo_move_to(cr, tx, y + 11 + lh * static_cast<double>(k));
          cairo_show_text(cr, s.c_str());
        }
        x += cw;
      }
      y += row_h;
    };
    need(hh + rh);  // the header never ends a page alone
    draw_row(head_lines, true, false, hh);
    for (size_t i = 0; i < rows.size(); ++i) {
      double row_h = rh;
      const auto cells = wrap_row(rows[i], false, row_h);
      if (y + row_h > kPageH - kMargin) {
        new_page();
        draw_row(head_lines, true, false, hh);  // repeat the header on the next page
      }
      draw_row(cells, false, i % 2 == 1, row_h);
    }
    y += 6;
  }
};

// Settings rows for people: each key's name in the report language, values translated where
// they are Yizhan's own words (yes/no, coverage tests, goals), numbers without trailing zeros,
// files by name.
struct KeyNames {
  const char *zh, *en;
};
const std::map<std::string, KeyNames>& key_names() {
  static const std::map<std::string, KeyNames> k{
      {"map", {"地图", "Map"}},
      {"projection", {"计算投影", "Projection used for distances"}},
      {"minutes", {"步行时间（分钟）", "Walking time (minutes)"}},
      {"speed_kmh", {"步行速度（公里/小时）", "Walking speed (km/h)"}},
      {"walk_budget_m", {"步行距离上限（米）", "Walking distance limit (m)"}},
      {"radius_m", {"服务半径（米）", "Service radius (m)"}},
      {"max_snap_m", {"最大接入距离（米）", "Farthest snap to a street (m)"}},
      {"island_max_m", {"孤立路段接入阈值（米，0 为关闭）", "Join pieces under (m; 0 = off)"}},
      {"walk_covered_only_through_joins",
       {"仅经接入孤立路段的步行覆盖", "Walk-covered only through joined pieces"}},
      {"demand_source", {"需求数据", "Demand data"}},
      {"demand_is_proxy", {"需求为街道长度估算", "Demand is a street-length proxy"}},
      {"data_licence", {"数据许可", "Data licence"}},
      {"sites_crs", {"站点坐标系", "Station coordinates"}},
      {"formats", {"输出格式", "Output formats"}},
      {"cell_m", {"可达性栅格单元（米）", "Accessibility raster cell (m)"}},
      {"lang", {"语言", "Language"}},
      {"k", {"要求的新站数", "New stations asked for"}},
      {"districts", {"分区来源", "Districts"}},
      {"worker_profiles", {"劳动者活动时段（假设）", "Worker activity profiles (assumed)"}},
      {"category_hours",
       {"建议站点类别典型开放时间（假设）", "Typical hours by category (assumed)"}},
      {"rider_test", {"骑行可达检验", "Rider-reach test"}},
      {"rider_ride_min", {"骑行可达：骑行时间（分钟）", "Rider reach: riding minutes"}},
      {"rider_ride_kmh", {"骑行可达：骑行速度（公里/小时）", "Rider reach: riding speed (km/h)"}},
      {"rider_park_walk_m", {"骑行可达：停车后步行（米）", "Rider reach: walk after parking (m)"}},
      {"rider_demand", {"骑行可达：计入的劳动者", "Rider reach: demand counted"}},
      {"rider_covered", {"骑行可达：覆盖", "Rider reach: covered"}},
      {"rider_total", {"骑行可达：总数", "Rider reach: total"}},
      {"suggest_goal", {"选址目标", "Siting goal"}},
      {"suggest_criterion", {"覆盖标准", "Coverage test"}},
      {"suggest_new_stations", {"建议新站数量", "New stations suggested"}},
      {"suggest_objective", {"目标值（覆盖人数）", "Objective (workers covered)"}},
      {"suggest_bound", {"已证明上界", "Proven upper bound"}},
      {"suggest_gap", {"与最优的差距", "Gap to the optimum"}},
      {"suggest_optimal", {"已证明最优", "Proven optimal"}},
      {"min_gain", {"增益甚微门槛（--min-gain）", "Adds almost nothing below (--min-gain)"}},
      {"gap_radius_m", {"覆盖缺口聚类距离（米）", "Coverage gaps: clustering distance (m)"}},
      {"walk_area_half_width_m", {"步行范围街道半宽（米）", "Walk areas: street half-width (m)"}}};
  return k;
}

std::string setting_key(const std::string& k, ReportLang lang) {
  const auto it = key_names().find(k);
  if (it != key_names().end()) return lang == ReportLang::zh ? it->second.zh : it->second.en;
  if (lang == ReportLang::zh) return k;
  std::string s = k;  // a key without a name: "some_key" -> "Some key"
  std::replace(s.begin(), s.end(), '_', ' ');
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string setting_value(const std::string& key, const std::string& v, ReportLang lang) {
  const bool Z = lang == ReportLang::zh;
  struct Word {
    const char *key, *value, *zh, *en;  // key "" = any key
  };
  static const Word words[] = {
      {"", "yes", "是", "yes"},
      {"", "no", "否", "no"},
      {"suggest_criterion", "walk", "步行可达", "walk"},
      {"suggest_criterion", "radius", "半径以内", "radius"},
      {"suggest_criterion", "both", "两项都满足（双15标准）", "both (the double-15 standard)"},
      {"suggest_criterion", "either", "至少一项", "either"},
      {"suggest_goal", "k", "给定新站数量，覆盖最多劳动者", "most workers with k new stations"},
      {"suggest_goal", "budget", "预算以内，覆盖最多劳动者", "most workers within the budget"},
      {"suggest_goal", "target", "达到覆盖目标，新站最少", "fewest stations reaching the target"},
      {"data_licence", "synthetic", "合成数据（非真实城市）", "synthetic (not a real city)"},
      {"lang", "zh", "中文", "Chinese"},
      {"lang", "en", "英文", "English"},
      {"formats", "all", "全部", "all"},
      {"worker_profiles", "default", "随程序提供的默认假设", "the shipped defaults"},
      {"category_hours", "default", "随程序提供的默认假设", "the shipped defaults"},
      {"rider_test", "rider reach (骑行可达), separate from double 15",
       "骑行可达（独立检验，不属于双15）", "rider reach (骑行可达), separate from double 15"},
      {"rider_demand", "all demand", "全部需求", "all demand"},
      {"rider_demand", "riders", "骑手", "riders"},
      {"demand_source", kStreetLengthProxy, "街道长度估算（路口按周边可步行街道长度加权）",
       kStreetLengthProxy}};
  for (const auto& w : words)
    if ((w.key[0] == '\0' || key == w.key) && v == w.value) return Z ? w.zh : w.en;
  char* end = nullptr;
  const double d = std::strtod(v.c_str(), &end);
  const bool number = !v.empty() && end && *end == '\0' && std::isfinite(d);
  if (number && key == "suggest_gap") return fmt::format("{:.2f} %", 100 * d);
  if (number) return fmt::format("{:g}", d);
  std::string s = v;
  if ((key == "map" || key == "demand_source") && v.find('/') != std::string::npos)
    s = std::filesystem::path(v).filename().string();  // a file: its name, not where it lies
  if (Z) {  // Yizhan's own phrases in generated names ("Yizhan demo city (synthetic)")
    for (const auto& [en, zh] : std::initializer_list<std::pair<std::string, std::string>>{
             {"Yizhan demo city", "驿站演示城市"},
             {": outdoor workers", "：户外劳动者"},
             {" (synthetic)", "（合成数据）"}})
      for (size_t p; (p = s.find(en)) != std::string::npos;) s.replace(p, en.size(), zh);
  }
  return s;
}

// The proof in plain words ("proven within X % of the best possible"); the method apart.
std::string proof_line(const siting::SitingResult& r, siting::Goal goal, const Words& W,
                       ReportLang lang, bool proxy) {
  const bool Z = lang == ReportLang::zh;
  const bool target = goal == siting::Goal::min_for_target;
  std::string head;
  if (target)
    head = Z ? fmt::format("新建 {} 个站点，费用 {:g}", r.count, r.cost)
             : fmt::format("{} new stations costing {:g}", r.count, r.cost);
  else
    head = fmt::format(fmt::runtime(W.objective_line), round_shown(r.objective, 0));
  if (proxy && !target) head += Z ? "（估算）" : " (estimated)";
  return head + (Z ? "，" : ", ") +
         (r.optimal ? std::string(W.optimal)
                    : fmt::format(fmt::runtime(W.within), round_shown(100 * r.gap, 2)));
}

std::string proof_details(const siting::SitingResult& r, ReportLang lang) {
  const bool Z = lang == ReportLang::zh;
  const std::string& m = r.bound_method;
  const std::string method = !Z                  ? m
                             : m == "cbc"        ? "整数规划精确求解"
                             : m == "lagrangian" ? "拉格朗日松弛估界"
                             : m == "lp"         ? "线性规划松弛估界"
                             : m == "exhaustive" ? "穷举全部方案"
                                                 : m;
  return Z ? fmt::format("计算细节：证明方法为{}；本方案取值 {:.1f}，可能的最好取值不超过 {:.1f}",
                         method, r.objective, r.bound)
           : fmt::format("Details: proof by {}; this plan {:.1f}, the best possible at most {:.1f}",
                         method, r.objective, r.bound);
}

std::string curve_note(const siting::CoverageCurve& c, ReportLang lang, bool proxy) {
  const bool Z = lang == ReportLang::zh;
  const std::string unit =
      Z ? (proxy ? "估算劳动者" : "名劳动者") : (proxy ? "estimated workers" : "workers");
  if (c.knee < 0)
    return Z ? fmt::format("每个建议新站新增覆盖都不少于 {:.0f} {}（--min-gain {}）。",
                           round_shown(c.min_gain, 0), unit, c.min_gain_setting.text())
             : fmt::format("Every suggested station adds at least {:.0f} {} (--min-gain {}).",
                           round_shown(c.min_gain, 0), unit, c.min_gain_setting.text());
  return Z ? fmt::format(
                 "从第 {} 个新站起，每多建一站新增覆盖不足 {:.0f} {}（--min-gain "
                 "{}）：标为“增益甚微”的建议新站不予推荐。",
                 c.knee, round_shown(c.min_gain, 0), unit, c.min_gain_setting.text())
           : fmt::format(
                 "From station {} on, one more station adds fewer than {:.0f} {} (--min-gain {}): "
                 "suggestions marked \"adds almost nothing\" are not recommended.",
                 c.knee, round_shown(c.min_gain, 0), unit, c.min_gain_setting.text());
}

std::string num(double v) {
  return fmt::format("{:.0f}", v);
}
std::string pct(double v, double total) {
  return total > 0 ? percent_text(v, total) : "-";
}
// By district: a choropleth of the plan's coverage and a table of each district's figures (the
// "outside any district" row last, so the rows add up to the totals above).
void district_section(Doc& doc, const PlanExport& plan, const MapScene& scene, ReportLang lang) {
  const CoverageStudy& st = *plan.study;
  const DistrictSummary s = district_summary(st, *plan.districts, plan.existing, plan.criterion);
  const bool zh = lang == ReportLang::zh;
  const bool has_new = s.has_suggested();
  doc.new_page();
  doc.heading(zh ? "分区覆盖" : "Coverage by district");
  doc.line((zh ? "分区来源：" : "Districts: ") + plan.districts->source, 8.5);
  const double map_h = 330;
  draw_district_map(doc.cr, scene, s, *plan.districts, kMargin, doc.y, kPageW - 2 * kMargin, map_h,
                    0.62);
  doc.y += map_h + 4;
  const int ci = static_cast<int>(s.criterion);
  const char* zh_test[] = {"步行可达", "1 公里内", "步行与 1 公里两项均满足", "任一项满足"};
  const char* en_test[] = {"within the walk", "within 1 km", "both tests (walk and 1 km)",
                           "either test"};
  doc.line(zh ? std::string("颜色：该分区劳动者中") + zh_test[ci] + "的占比"
              : std::string("Colour: share of the district's workers covered, ") + en_test[ci],
           8);
  std::vector<std::vector<std::string>> rows;
  for (const DistrictRow& r : s.rows) {
    if (r.outside && r.workers == 0 && r.stations == 0 && r.suggested.empty()) continue;
    std::vector<std::string> row{
        r.outside ? (zh ? "（不在任何分区内）" : "(outside any district)") : r.name,
        std::to_string(r.stations),
        num(r.workers),
        pct(r.walk.covered, r.workers),
        pct(r.radius.covered, r.workers),
        pct(r.both.covered, r.workers),
        num(r.of(s.criterion).twice),
        num(r.radius_not_walk)};
    if (has_new) row.insert(row.end(), {std::to_string(r.suggested.size()), num(r.added)});
    rows.push_back(std::move(row));
  }
  std::vector<std::string> head =
      zh ? std::vector<std::string>{"分区",   "站点",       "劳动者",   "步行",
                                    "1 公里", "两项均满足", "双重覆盖", "仅 1 公里内"}
         : std::vector<std::string>{"District", "Stations", "Workers",       "Walk",
                                    "1 km",     "Both",     "Covered twice", "1 km, not walk"};
  std::vector<double> frac{0.22, 0.08, 0.11, 0.09, 0.09, 0.11, 0.14, 0.16};
  std::vector<bool> right{false, true, true, true, true, true, true, true};
  if (has_new) {
    head.push_back(zh ? "建议新站" : "Suggested");
    head.push_back(zh ? "新增覆盖" : "Adds");
    frac = {0.18, 0.07, 0.1, 0.08, 0.08, 0.09, 0.1, 0.12, 0.08, 0.1};
    right.insert(right.end(), {true, true});
  }
  doc.table(head, frac, right, rows);
}

// A paragraph: wrapped onto as many lines as it needs (Doc::line cuts to one line).
void paragraph(Doc& doc, const std::string& s, double size = 9.5) {
  set_map_font(doc.cr, size);
  for (const auto& l : wrap_text(doc.cr, s, kPageW - 2 * kMargin)) doc.line(l, size);
}

// The by-hour notes in Chinese, from the counts and rows of how hours were read (the engine's notes
// are English): every row that could not be read or holds a rule not modelled is still listed.
std::vector<std::string> hour_notes_zh(const HourStudy& hs) {
  const SiteHoursReport& r = hs.hours;
  std::vector<std::string> out;
  std::string s = fmt::format("{} 个{}：{} 个读出开放时间", r.points,
                              r.what == "stations" ? "驿站" : "驿站和建议站点", r.parsed);
  if (r.assumed) s += fmt::format("，{} 个按类别典型时间假设", r.assumed);
  if (r.blank) s += fmt::format("，{} 个未填开放时间按全天开放", r.blank);
  if (r.unreadable) s += fmt::format("，{} 个无法识别按全天开放", r.unreadable);
  out.push_back(s);
  // "row 5 (s5 银行网点): '营业中' not understood", "row 1 (s1 name): public-holiday rule ...".
  const std::regex bad(R"(^row (\d+) \((.*)\): '(.*)' .*$)"), rule(R"(^row (\d+) \((.*)\): (.*)$)");
  std::smatch m;
  for (const auto& u : r.unreadable_rows)
    out.push_back(std::regex_match(u, m, bad)
                      ? fmt::format("第 {} 行（{}）：“{}”无法识别，按全天开放", m[1].str(),
                                    m[2].str(), m[3].str())
                      : u);
  for (const auto& n : r.not_modelled) {
    if (!std::regex_match(n, m, rule)) {
      out.push_back(n);
      continue;
    }
    const std::string what = m[3].str();
    const char* zh = what.find("public") != std::string::npos ? "节假日规则未建模"
                     : what.find("date") != std::string::npos ? "日期或季节规则未建模"
                     : what.find("days without times") != std::string::npos
                         ? "只写了日期未写时间，按这些天全天开放"
                         : "该规则未建模";
    out.push_back(fmt::format("第 {} 行（{}）：{}", m[1].str(), m[2].str(), zh));
  }
  // "c1 工商银行网点: bank typical hours '...' ASSUMED": the site named, the assumption said.
  const std::regex assumed(R"(^(.*): (\S+) typical hours '(.*)' ASSUMED$)");
  for (size_t k = 0; k < r.assumed_rows.size() && k < 50; ++k)
    if (std::regex_match(r.assumed_rows[k], m, assumed))
      out.push_back(fmt::format("{}：未填开放时间，按其类别的典型开放时间假设", m[1].str()));
  out.push_back("各类劳动者每小时在外的比例是可编辑的假设（见设置中的劳动者活动时段）");
  return out;
}

std::string group_label(const HourStudy& hs, const std::string& g, bool zh) {
  if (!zh) return g;
  const auto it = hs.group_zh.find(g);
  return it != hs.group_zh.end() && !it->second.empty() ? it->second : g;
}

// Coverage by hour (opening hours against when workers are out): a chart of the "both" test, a
// table of every hour of a weekday and a weekend day under each test, worker-hours and peaks.
void hour_section(Doc& doc, const HourStudy& hs, ReportLang lang) {
  const HourCoverage& hc = hs.coverage;
  const bool zh = lang == ReportLang::zh;
  doc.new_page();
  doc.heading(zh ? "分时段覆盖（只计当时开放的驿站）"
                 : "Coverage by hour (only stations open then count)");
  for (const auto& n : zh ? hour_notes_zh(hs) : hs.notes) paragraph(doc, n, 7.5);
  const double ch = 150;
  doc.need(ch + 24);
  doc.line(zh ? "两项均满足（步行与 1 公里）的劳动者占比，按小时（工作日为周一至周五平均）"
              : "Share of workers covered under both tests (walk and 1 km) by hour (weekday = "
                "mean of Mo-Fr)",
           8.5);
  draw_hour_chart(doc.cr, hc, 2, kMargin, doc.y, kPageW - 2 * kMargin, ch, lang);
  doc.y += ch + 6;
  std::vector<std::vector<std::string>> rows;
  for (int h = 0; h < 24; ++h) {
    std::vector<std::string> r{fmt::format("{:02d}:00", h)};
    for (int t = 0; t < 2; ++t) {
      const HourRow& row = hc.by[t][h];
      r.push_back(fmt::format("{:.1f}", row.open_stations));
      for (int c = 0; c < 4; ++c)
        r.push_back(hc.total > 0 ? fmt::format("{:.1f}", 100 * row.covered[c] / hc.total) : "-");
    }
    rows.push_back(std::move(r));
  }
  const std::vector<std::string> head =
      zh ? std::vector<std::string>{"时段",    "工作日开放", "步行 %",   "1公里 %",
                                    "两项 %",  "任一 %",     "周末开放", "步行 %",
                                    "1公里 %", "两项 %",     "任一 %"}
         : std::vector<std::string>{"Hour",   "Weekday open", "walk %",       "1 km %",
                                    "both %", "either %",     "Weekend open", "walk %",
                                    "1 km %", "both %",       "either %"};
  doc.table(head, {0.08, 0.11, 0.08, 0.085, 0.085, 0.08, 0.11, 0.08, 0.085, 0.085, 0.08},
            std::vector<bool>(11, true), rows);
  if (hc.worker_hours > 0) {
    const double need = hc.worker_hours;
    paragraph(
        doc,
        zh ? fmt::format(
                 "劳动者在外工时（按各群体活动时段，每周）{:.0f}；有开放驿站覆盖（两项）{:.1f} %，"
                 "若所有驿站全天开放 {:.1f} %",
                 need, 100 * hc.worker_hours_covered[2] / need,
                 100 * hc.worker_hours_if_open[2] / need)
           : fmt::format("Worker-hours per week (workers out by the group profiles): {:.0f}; "
                         "covered by an open station (both) {:.1f} %, were every station open "
                         "around the clock {:.1f} %",
                         need, 100 * hc.worker_hours_covered[2] / need,
                         100 * hc.worker_hours_if_open[2] / need),
        8.5);
  }
  rows.clear();
  for (const GroupPeak& g : hc.peaks)
    for (int t = 0; t < 2; ++t) {
      std::string hours;
      for (int h : g.hours[t]) hours += fmt::format("{}{}", hours.empty() ? "" : ",", h);
      rows.push_back({group_label(hs, g.group, zh),
                      t ? (zh ? "周末" : "weekend") : (zh ? "工作日" : "weekday"), hours,
                      num(g.workers), pct(g.covered[t][2], g.workers),
                      pct(g.if_open[t][2], g.workers)});
    }
  if (!rows.empty())
    doc.table(zh ? std::vector<std::string>{"劳动者群体", "日类型", "高峰时段", "人数",
                                            "高峰时覆盖（两项）", "若全天开放"}
                 : std::vector<std::string>{"Worker group", "Day", "Peak hours", "Workers",
                                            "Covered at peak (both)", "Were all always open"},
              {0.16, 0.1, 0.26, 0.12, 0.19, 0.17}, {false, false, false, true, true, true}, rows);
}

// The rider-reach test (骑行可达): its own section and name, never a double-15 figure.
void rider_section(Doc& doc, const RiderStudy& r, const CoverageStudy& st, ReportLang lang) {
  const bool zh = lang == ReportLang::zh;
  const RiderParams& p = r.params;
  doc.heading(zh ? "骑行可达（独立检验，不属于双15）"
                 : "Rider reach (骑行可达; a separate test, not double 15)");
  paragraph(
      doc,
      zh ? fmt::format(
               "骑手沿骑行路网（遵守单行道）骑行不超过 {:g} 分钟（{:g} 公里/小时，{:.0f} 米），"
               "停车后步行不超过 {:g} 米到达驿站；计入：{}",
               p.minutes, p.speed_kmh, p.ride_m(), p.park_walk_m,
               r.demand.what == "all demand" ? std::string("全部需求")
               : r.demand.what == "riders"   ? std::string("骑手")
                                             : r.demand.what)
         : fmt::format("Riders ride up to {:g} min at {:g} km/h ({:.0f} m) on the riding "
                       "network (one-way streets respected), park, and walk up to {:g} m to "
                       "the station; counts: {}",
                       p.minutes, p.speed_kmh, p.ride_m(), p.park_walk_m, r.demand.what),
      8.5);
  if (!r.demand.note.empty())
    paragraph(doc, zh ? "需求图层没有分项列，骑行可达把全部需求计为骑手" : r.demand.note, 7.5);
  paragraph(doc,
            zh ? fmt::format("骑行可达覆盖：{:.0f} / "
                             "{:.0f}（{}）；两个及以上驿站可达：{:.0f}；骑行路网不可达：{:.0f}",
                             r.covered, r.total, pct(r.covered, r.total), r.twice, r.unsnapped)
               : fmt::format("Rider reach covers {:.0f} of {:.0f} ({}); by two or more stations: "
                             "{:.0f}; out of reach of the riding network: {:.0f}",
                             r.covered, r.total, pct(r.covered, r.total), r.twice, r.unsnapped));
  std::vector<std::vector<std::string>> rows;
  for (size_t i = 0; i < r.covers.size() && i < st.sites.size(); ++i)
    rows.push_back({st.sites.id[i], st.sites.name[i], num(r.station_weight(i)),
                    pct(r.station_weight(i), r.total)});
  doc.table(zh ? std::vector<std::string>{"编号", "名称", "骑行可达人数", "占比"}
               : std::vector<std::string>{"ID", "Name", "Reached by riding", "Share"},
            {0.14, 0.5, 0.2, 0.16}, {false, false, true, true}, rows);
}

}  // namespace

void write_pdf_report(const std::string& path, const PlanExport& plan, const MapScene& scene,
                      const std::vector<std::pair<std::string, std::string>>& settings,
                      const ExportOptions& opt) {
  const CoverageStudy& st = *plan.study;
  const Words& W = opt.lang == ReportLang::zh ? kZh : kEn;
  OutputFile out(path);  // staged, moved into place when complete
  FileSink sink(out.path(), path);
  cairo_surface_t* surf = cairo_pdf_surface_create_for_stream(
      [](void* s, const unsigned char* data, unsigned int n) {
        return static_cast<FileSink*>(s)->write(data, n) ? CAIRO_STATUS_SUCCESS
                                                         : CAIRO_STATUS_WRITE_ERROR;
      },
      &sink, kPageW, kPageH);
  if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(surf);
    throw CodedError(output_display_path(path), Msg::cannot_create_pdf);
  }
  cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_TITLE, scene.title.c_str());
  cairo_pdf_surface_set_metadata(surf, CAIRO_PDF_METADATA_CREATOR, "Yizhan");
  cairo_t* cr = cairo_create(surf);
  Doc doc{cr, W, opt.lang};
  // Page 1: title, map, coverage before/after.
  set_map_font(cr, 17, true);
  cairo_set_source_rgb(cr, 0.08, 0.08, 0.12);
  cairo_move_to(cr, kMargin, doc.y + 18);
  cairo_show_text(cr, fit_text(cr, scene.title, kPageW - 2 * kMargin).c_str());
  doc.y += 30;
  doc.line(W.source + setting_value("map", st.city->lines.source, opt.lang) +
               (st.city->lines.from_osm ? "  © OpenStreetMap contributors (ODbL)" : ""),
           8.5);
  const double map_h = 530;  // taller than wide: the legend goes below the map, in columns
  draw_map(cr, scene, kMargin, doc.y, kPageW - 2 * kMargin, map_h, 0.62, false);
  doc.y += map_h + 6;
  // Coverage figures: existing stations alone, and with the suggestions.
  const auto& snaps = st.index->snaps();
  std::vector<uint8_t> snapped(st.demand.size());
  for (size_t d = 0; d < snapped.size(); ++d) snapped[d] = snaps[d].usable();
  CoverageState before(st.demand.weight, &snapped);
  for (uint32_t i = 0; i < plan.existing && i < st.covers.size(); ++i) before.add(st.covers[i]);
  const CoverageSummary& B = before.summary();
  const CoverageSummary& A = st.state.summary();
  const bool has_new = st.sites.size() > plan.existing;
  doc.heading(W.coverage);
  if (st.demand_is_proxy)
    doc.line(
        opt.lang == ReportLang::zh
            ? fmt::format("估算劳动者总数 {:.0f}（按街道长度估算，并非实际人数；未提供劳动者数据）",
                          round_shown(A.total, 0))
            : fmt::format("{:.0f} estimated workers (street-length proxy, not a head count; "
                          "no worker data given)",
                          round_shown(A.total, 0)));
  else if (st.demand_estimated())  // a demand file of estimates (`yizhan demand` from map proxies)
    doc.line(opt.lang == ReportLang::zh
                 ? fmt::format("估算劳动者总数 {:.0f}（由地图数据推算，并非实际人数）",
                               round_shown(A.total, 0))
                 : fmt::format("{:.0f} estimated workers ({}, not a head count)",
                               round_shown(A.total, 0), st.demand.estimate));
  else
    doc.line(fmt::format(fmt::runtime(W.workers_total), round_shown(A.total, 0)));
  std::vector<std::vector<std::string>> rows;
  const Criterion crits[] = {Criterion::walk, Criterion::radius, Criterion::both,
                             Criterion::either};
  const std::string names[] = {fmt::format(fmt::runtime(W.walk), st.params.minutes),
                               fmt::format(fmt::runtime(W.radius), st.params.radius_m), W.both,
                               W.either};
  for (int c = 0; c < 4; ++c) {
    std::vector<std::string> r{names[c], num(B.of(crits[c]).covered),
                               pct(B.of(crits[c]).covered, B.total)};
    if (has_new)
      r.insert(r.end(), {num(A.of(crits[c]).covered), pct(A.of(crits[c]).covered, A.total)});
    rows.push_back(r);
  }
  {
    std::vector<std::string> r{W.twice, num(B.walk.twice), pct(B.walk.twice, B.total)};
    if (has_new) r.insert(r.end(), {num(A.walk.twice), pct(A.walk.twice, A.total)});
    rows.push_back(r);
  }
  // How much of it rests on joining disconnected street pieces (the island rule), when any
  // point was joined.
  const JoinSummary js = join_summary(st);
  if (js.pieces > 0)
    for (Criterion c : {Criterion::walk, Criterion::both}) {
      const double b = B.joins(c).only_through_joins, a = A.joins(c).only_through_joins;
      std::vector<std::string> r{c == Criterion::walk ? W.joins_walk : W.joins_both, num(b),
                                 pct(b, B.total)};
      if (has_new) r.insert(r.end(), {num(a), pct(a, A.total)});
      rows.push_back(r);
    }
  const std::string est = !st.demand_estimated()       ? std::string()
                          : opt.lang == ReportLang::zh ? std::string("（估算）")
                                                       : std::string(" (estimated)");
  std::vector<std::string> head{W.criterion, W.existing + est, "%"};
  std::vector<double> frac{0.40, 0.20, 0.10};
  std::vector<bool> right{false, true, true};
  if (has_new)
    head.insert(head.end(), {W.with_new + est, "%"}), frac = {0.34, 0.16, 0.1, 0.26, 0.14},
                                                      right = {false, true, true, true, true};
  doc.table(head, frac, right, rows);
  if (js.pieces > 0) {
    const bool z = opt.lang == ReportLang::zh, e = st.demand_estimated();
    doc.line(
        fmt::format(fmt::runtime(W.joins_line), st.params.snap.island_max_m, js.pieces,
                    js.demand_weight,
                    z ? (e ? "估算劳动者" : "名劳动者") : (e ? "estimated workers" : "workers")),
        8.5);
    doc.line(fmt::format(fmt::runtime(W.joins_off), A.percent_without_joins(Criterion::walk)), 8.5);
  }
  doc.new_page();
  // Stations.
  doc.heading(W.stations);
  rows.clear();
  for (uint32_t i = 0; i < st.sites.size(); ++i) {
    const std::string kind = i < plan.existing
                                 ? host_label(site_host_type(st.sites, i), opt.lang)
                                 : (opt.lang == ReportLang::zh ? "建议 #" : "suggested #") +
                                       std::to_string(scene.rank[i]);
    rows.push_back({st.sites.id[i], st.sites.name[i], kind,
                    fmt::format("{:.6f}", st.sites.lonlat[i].x),
                    fmt::format("{:.6f}", st.sites.lonlat[i].y),
                    num(st.state.covered_weight(i, Criterion::walk)),
                    num(st.state.covered_weight(i, Criterion::both))});
  }
  // The id column as wide as the widest id, so ids never break mid-way; the name takes the rest.
  double id_w = 0;
  const std::string id_head = opt.lang == ReportLang::zh ? "编号" : "ID";
  set_map_font(cr, 8.5, true);
  id_w = width_of(cr, id_head);
  set_map_font(cr, 8.5);
  for (const auto& r : rows) id_w = std::max(id_w, width_of(cr, r[0]));
  const double id_frac = std::clamp((id_w + 8) / (kPageW - 2 * kMargin), 0.06, 0.22);
  doc.table({id_head, W.name, W.host, W.lon, W.lat, W.walk_workers + est, W.both_workers + est},
            {id_frac, 0.34 - id_frac, 0.13, 0.13, 0.12, 0.14, 0.14},
            {false, false, false, true, true, true, true}, rows);
  // Suggestions.
  if (plan.suggest) {
    const auto& run = *plan.suggest;
    const auto& r = run.result;
    doc.heading(W.suggestions);
    if (!r.feasible) doc.line(W.not_feasible + r.message);
    doc.line(proof_line(r, run.problem.options.goal, W, opt.lang, st.demand_estimated()));
    doc.line(proof_details(r, opt.lang), 7.5);
    rows.clear();
    for (const auto& s : r.sites) {
      std::string alts;
      for (const auto& a : s.alternatives)
        alts += fmt::format("{} ({:.0f})  ", run.sites.id[a.site], a.distance_m);
      const std::string little = !s.adds_little ? std::string()
                                 : opt.lang == ReportLang::zh
                                     ? std::string("（增益甚微）")
                                     : std::string(" (adds almost nothing)");
      rows.push_back({std::to_string(s.rank),
                      run.sites.id[s.site] + " " + run.sites.name[s.site] + little, num(s.gain),
                      num(s.shared), fmt::format("{:g}", s.cost), alts});
    }
    doc.table({W.rank, W.site, W.gain, W.shared, W.cost, W.alternatives},
              {0.07, 0.30, 0.11, 0.11, 0.08, 0.33}, {true, false, true, true, true, false}, rows);
    if (run.curve.points.size() > 1) {
      const double ch = 240;
      doc.need(ch + 30);
      draw_coverage_curve(cr, run.curve, kMargin, doc.y, kPageW - 2 * kMargin, ch, opt.lang,
                          st.demand_estimated());
      doc.y += ch + 6;
      doc.line(curve_note(run.curve, opt.lang, st.demand_estimated()), 8.5);
    }
  }
  if (plan.rider) rider_section(doc, *plan.rider, st, opt.lang);
  if (plan.hours) hour_section(doc, *plan.hours, opt.lang);
  if (plan.districts) district_section(doc, plan, scene, opt.lang);
  // Settings, in two key/value column pairs (read down the left pair, then the right) so that
  // they rarely spill a few rows onto a page of their own. The suggestion's results (objective,
  // bound, gap, count) are in its section above, not repeated here.
  doc.heading(W.settings);
  std::vector<std::pair<std::string, std::string>> kv;
  for (const auto& [k, v] : settings) {
    if (k == "suggest_new_stations" || k == "suggest_objective" || k == "suggest_bound" ||
        k == "suggest_gap" || k == "suggest_optimal" || k == "min_gain" ||
        k == "walk_covered_only_through_joins")  // in the coverage table above
      continue;
    kv.emplace_back(setting_key(k, opt.lang),
                    v.empty() ? std::string(W.none) : setting_value(k, v, opt.lang));
  }
  rows.clear();
  const size_t half = (kv.size() + 1) / 2;
  for (size_t i = 0; i < half; ++i) {
    rows.push_back({kv[i].first, kv[i].second, "", ""});
    if (i + half < kv.size())
      rows.back()[2] = kv[i + half].first, rows.back()[3] = kv[i + half].second;
  }
  doc.table({W.key, W.value, W.key, W.value}, {0.22, 0.28, 0.22, 0.28},
            {false, false, false, false}, rows);
  doc.footer();
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surf);
  const cairo_status_t status = cairo_surface_status(surf);
  cairo_surface_destroy(surf);
  sink.close();  // throws the OS's reason (no space left, ...) when a write failed
  if (status != CAIRO_STATUS_SUCCESS)
    throw CodedError(output_display_path(path), Msg::pdf_write_failed,
                     {{"why", cairo_status_to_string(status)}});
  out.commit();
}

}  // namespace yz
