#include "engine/coverage/district_summary.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/util/text_width.hpp"

namespace yz {

const CriterionTotals& DistrictRow::of(Criterion c) const {
  switch (c) {
    case Criterion::walk:
      return walk;
    case Criterion::radius:
      return radius;
    case Criterion::both:
      return both;
    case Criterion::either:
      break;
  }
  return either;
}

bool DistrictSummary::has_suggested() const {
  for (const auto& r : rows)
    if (!r.suggested.empty()) return true;
  return false;
}

namespace {

CriterionTotals& totals(DistrictRow& r, Criterion c) {
  return const_cast<CriterionTotals&>(r.of(c));
}

void count(CriterionTotals& t, uint16_t n, double w) {
  if (n >= 1) t.covered += w;
  if (n == 1) t.once += w;
  if (n >= 2) t.twice += w;
}

}  // namespace

DistrictSummary district_summary(const CoverageStudy& st, const Districts& districts,
                                 uint32_t existing, Criterion crit) {
  return district_summary(st.sites.xy, st.demand, st.state, districts, existing, crit);
}

DistrictSummary district_summary(const std::vector<Vec2>& site_xy, const PointSet& demand,
                                 const CoverageState& state, const Districts& districts,
                                 uint32_t existing, Criterion crit) {
  DistrictSummary s;
  s.source = districts.source;
  s.criterion = crit;
  const uint32_t n_sites = static_cast<uint32_t>(site_xy.size());
  s.existing = std::min(existing, n_sites);
  s.rows.resize(districts.size() + 1);
  for (size_t i = 0; i < districts.size(); ++i) s.rows[i].name = districts.names[i];
  s.rows.back().outside = true;
  auto row_of = [&](uint32_t d) -> DistrictRow& {
    return d == kNoDistrict ? s.rows.back() : s.rows[d];
  };
  auto where = [&](Vec2 xy) {
    const int32_t d = districts.locate(xy);
    return d < 0 ? kNoDistrict : static_cast<uint32_t>(d);
  };
  s.site_district.resize(n_sites);
  for (uint32_t i = 0; i < n_sites; ++i) {
    s.site_district[i] = where(site_xy[i]);
    if (i < state.slots() && !state.active(i)) continue;
    if (i < s.existing)
      ++row_of(s.site_district[i]).stations;
    else
      row_of(s.site_district[i]).suggested.push_back(i);
  }
  // Cover counts under the plan's criterion with the existing stations alone.
  const size_t n_dem = demand.size();
  std::vector<uint16_t> before(n_dem, 0);
  for (uint32_t i = 0; i < s.existing && i < state.slots(); ++i) {
    if (!state.active(i)) continue;
    for (uint32_t d : state.cover(i).covered(crit)) ++before[d];
  }
  const bool have_counts = state.counts(Criterion::walk).size() == n_dem;
  s.demand_district.resize(n_dem);
  for (size_t d = 0; d < n_dem; ++d) {
    const uint32_t k = where(demand.xy[d]);
    s.demand_district[d] = k;
    DistrictRow& r = row_of(k);
    const double w = demand.weight[d];
    r.workers += w;
    if (!have_counts) continue;
    for (Criterion c : {Criterion::walk, Criterion::radius, Criterion::both, Criterion::either})
      count(totals(r, c), state.count(c, static_cast<uint32_t>(d)), w);
    const uint16_t wc = state.count(Criterion::walk, static_cast<uint32_t>(d));
    const uint16_t rc = state.count(Criterion::radius, static_cast<uint32_t>(d));
    if (rc > 0 && wc == 0) r.radius_not_walk += w;
    if (before[d] >= 1) r.covered_before += w;
    if (before[d] >= 2) r.twice_before += w;
  }
  for (DistrictRow& r : s.rows) {
    r.added = r.of(crit).covered - r.covered_before;
    r.added_twice = r.of(crit).twice - r.twice_before;
  }
  return s;
}

nlohmann::json districts_json(const DistrictSummary& s, const PointSet& sites) {
  nlohmann::json a = nlohmann::json::array();
  auto crit = [](const DistrictRow& r, Criterion c) {
    const CriterionTotals& t = r.of(c);
    return nlohmann::json{{"covered", t.covered},
                          {"covered_once", t.once},
                          {"covered_twice", t.twice},
                          {"percent", r.percent(c)}};
  };
  for (const DistrictRow& r : s.rows) {
    nlohmann::json j;
    j["name"] = r.outside ? nlohmann::json() : nlohmann::json(r.name);
    j["outside"] = r.outside;
    j["stations"] = r.stations;
    j["workers"] = r.workers;
    j["walk"] = crit(r, Criterion::walk);
    j["radius"] = crit(r, Criterion::radius);
    j["both"] = crit(r, Criterion::both);
    j["either"] = crit(r, Criterion::either);
    j["radius_not_walk"] = r.radius_not_walk;
    nlohmann::json sug = nlohmann::json::array();
    for (uint32_t i : r.suggested)
      sug.push_back({{"id", sites.id[i]}, {"name", sites.name[i]}, {"rank", i - s.existing + 1}});
    j["suggested"] = sug;
    j["criterion"] = std::string(to_string(s.criterion));
    j["covered_before"] = r.covered_before;
    j["added"] = r.added;
    j["covered_twice_before"] = r.twice_before;
    j["added_twice"] = r.added_twice;
    a.push_back(std::move(j));
  }
  return a;
}

std::string districts_text(const DistrictSummary& s, const std::string& unit, bool zh) {
  const bool sug = s.has_suggested();
  const std::string outside = zh ? "（不在任何分区内）" : "(outside any district)";
  // Names are Chinese: pad by display width, not bytes (the headers too, in Chinese).
  size_t wname = 8;
  for (const auto& r : s.rows)
    wname = std::max(wname, static_cast<size_t>(display_width(r.outside ? outside : r.name)));
  auto pad = [&](const std::string& t) {
    return t + std::string(wname - std::min(wname, static_cast<size_t>(display_width(t))), ' ');
  };
  auto right = [](const std::string& t, size_t w) {
    return std::string(w - std::min(w, static_cast<size_t>(display_width(t))), ' ') + t;
  };
  std::string out;
  std::vector<std::string> head;
  if (zh) {
    const char* crit = s.criterion == Criterion::walk     ? "步行"
                       : s.criterion == Criterion::radius ? "1 公里"
                       : s.criterion == Criterion::both   ? "双15"
                                                          : "任一";
    out = "分区覆盖（" + s.source + "；重复覆盖与新增按" + crit +
          "标准计；仅1公里：在 1 公里内但步行不可达）：\n";
    head = {"站点",     unit == "street-m" ? "街道米" : "劳动者",
            "步行%",    "1公里%",
            "两项%",    "任一%",
            "重复覆盖", "仅1公里",
            "建议新站", "新增"};
  } else {
    out = "Districts (" + s.source + "; twice and 'adds' under the " +
          std::string(to_string(s.criterion)) + " test; 1km-only: inside 1 km, not " +
          "within the walk):\n";
    head = {"stations", unit,    "walk%",    "1km%",      "both%",
            "either%",  "twice", "1km-only", "suggested", "adds"};
  }
  const size_t w[] = {8, 10, 7, 7, 7, 7, 9, 10, 9, 10};
  out += pad(zh ? "分区" : "district") + " ";
  for (size_t k = 0; k < (sug ? 10u : 8u); ++k) out += " " + right(head[k], w[k]);
  out += "\n";
  for (const auto& r : s.rows) {
    if (r.outside && r.workers == 0 && r.stations == 0 && r.suggested.empty()) continue;
    out += pad(r.outside ? outside : r.name) +
           fmt::format("  {:>8} {:>10.0f} {:>7.1f} {:>7.1f} {:>7.1f} {:>7.1f} {:>9.0f} {:>10.0f}",
                       r.stations, r.workers, r.percent(Criterion::walk),
                       r.percent(Criterion::radius), r.percent(Criterion::both),
                       r.percent(Criterion::either), r.of(s.criterion).twice, r.radius_not_walk);
    if (sug) out += fmt::format(" {:>9} {:>10.0f}", r.suggested.size(), r.added);
    out += "\n";
  }
  return out;
}

}  // namespace yz
