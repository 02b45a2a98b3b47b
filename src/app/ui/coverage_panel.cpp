// Coverage figures of the active plan: workers covered under each test with the change since the
// plan was opened (what-if before/after), how many stations reach each worker (0 / 1 / 2+ and a
// small histogram), where the 1 km circle overstates the walk, and the walking parameters.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/actions/app_actions.hpp"
#include "app/ui/panels.hpp"
#include "engine/coverage/join_summary.hpp"
#include "engine/util/number_format.hpp"

namespace yz::app {

DemandKind demand_kind(const Workspace& ws) {
  if (ws.demand_is_proxy()) return DemandKind::street_length;
  if (!ws.demand().estimate.empty()) return DemandKind::map_proxies;  // a file of estimates
  // demand_from_map() names its points so (app_actions.cpp).
  return ws.demand().source.rfind("map proxies", 0) == 0 ? DemandKind::map_proxies
                                                         : DemandKind::counted;
}

void percent_row(const char* label, double pct, double delta, const char* overlay) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(label);
  ImGui::TableNextColumn();
  ImGui::ProgressBar(static_cast<float>(pct / 100.0), ImVec2(-1, 0), overlay);
  ImGui::TableNextColumn();
  ImGui::Text("%5.1f%%", round_shown(pct, 1));
  ImGui::TableNextColumn();
  if (std::isfinite(delta) && std::abs(delta) >= 0.05)
    ImGui::TextColored(delta > 0 ? ImVec4(0.1f, 0.5f, 0.2f, 1) : ImVec4(0.8f, 0.15f, 0.15f, 1),
                       "%+.1f", round_shown(delta, 1));
}

void coverage_section(AppState& st) {
  const Lang L = st.lang;
  Session& ses = *st.session;
  const Scenario& sc = ses.active();
  const CoverageSummary& s = sc.state().summary();
  const auto base_it = st.baseline.find(sc.id());
  const CoverageSummary* base = base_it == st.baseline.end() ? nullptr : &base_it->second;
  // At a chosen hour (time control) the bars count only stations open then, and the change is
  // against all day (what the hosts' hours cost); otherwise against the plan as opened.
  refresh_time(st);
  double hour_pct = 0;
  const bool at_hour = hour_percent(st, Criterion::walk, hour_pct);
  auto pct = [&](Criterion c) {
    double p = 0;
    return hour_percent(st, c, p) ? p : s.percent(c);
  };
  auto delta = [&](Criterion c) {
    return at_hour ? pct(c) - s.percent(c) : base ? s.percent(c) - base->percent(c) : NAN;
  };

  const std::string map =
      ses.workspace().map().demo() ? tr(Str::demo_city, L) : ses.workspace().map().label();
  ImGui::Text("%s  ·  %s", sc.name().c_str(), map.c_str());
  // Street-length or map-derived demand is an estimate, never a head count: the header and the
  // bars say so.
  const DemandKind dk = demand_kind(ses.workspace());
  const char* est = dk == DemandKind::counted ? "" : tr(Str::estimated_bar, L);
  ImGui::Text("%s: %.0f   %s: %u",
              tr(dk == DemandKind::street_length ? Str::demand_total_street
                 : dk == DemandKind::map_proxies ? Str::demand_total_map
                                                 : Str::demand_total,
                 L),
              round_shown(s.total, 0), tr(Str::stations_n, L), sc.active_count());
  if (dk == DemandKind::street_length) ImGui::TextDisabled("%s", tr(Str::proxy_demand_short, L));
  const float num_w = ImGui::CalcTextSize("100.0%").x, delta_w = ImGui::CalcTextSize("+00.0").x;
  if (ImGui::BeginTable("pct", 4, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("a", ImGuiTableColumnFlags_WidthStretch, 0.42f);
    ImGui::TableSetupColumn("b", ImGuiTableColumnFlags_WidthStretch, 0.58f);
    ImGui::TableSetupColumn("c", ImGuiTableColumnFlags_WidthFixed, num_w);
    ImGui::TableSetupColumn("d", ImGuiTableColumnFlags_WidthFixed, delta_w);
    percent_row(tr(Str::walk, L), pct(Criterion::walk), delta(Criterion::walk), est);
    percent_row(tr(Str::radius, L), pct(Criterion::radius), delta(Criterion::radius), est);
    percent_row(tr(Str::both, L), pct(Criterion::both), delta(Criterion::both), est);
    percent_row(tr(Str::either, L), pct(Criterion::either), delta(Criterion::either), est);
    ImGui::EndTable();
  }
  if (s.total > 0 && s.radius_not_walk > 0)
    ImGui::TextColored(
        ImVec4(0.55f, 0.1f, 0.55f, 1),
        tr(dk == DemandKind::counted ? Str::overstates_fmt : Str::overstates_est_fmt, L),
        round_shown(s.radius_not_walk, 0), percent_shown(s.radius_not_walk, s.total));
  // How much rests on joining small disconnected street pieces (the island rule, --island-m).
  const DemandIndex& index = ses.workspace().demand_index();
  if (s.total > 0 && !index.joined().empty()) {
    const double jw = s.joins(Criterion::walk).only_through_joins,
                 jb = s.joins(Criterion::both).only_through_joins;
    // Wrapped: the sidebar is narrow and the Chinese text longer.
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.6f, 0.35f, 0.0f, 1));
    ImGui::TextWrapped(tr(Str::joins_only_fmt, L), jw, 100 * jw / s.total, jb, 100 * jb / s.total);
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::joins_help, L));
    // Workers' joins change only with the demand index: summarised once per index, not per frame.
    static const DemandIndex* summarised = nullptr;
    static size_t summarised_n = 0;
    static JoinSummary js;
    if (summarised != &index || summarised_n != index.joined().size()) {
      const Workspace& ws = ses.workspace();
      js = summarize_joins(list_joins(ws.city().graph, *ws.city().snapper, ws.params().snap, index,
                                      ws.demand(), {}, {}),
                           ws.params().snap.island_max_m);
      summarised = &index, summarised_n = index.joined().size();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    // Never "people" for an estimate (street-length or map proxies).
    const bool counted = demand_kind(ses.workspace()) == DemandKind::counted;
    ImGui::TextWrapped(tr(counted ? Str::joins_fmt : Str::joins_est_fmt, L), js.demand_weight,
                       js.pieces, s.percent_without_joins(Criterion::walk));
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::joins_help, L));
  }

  // Cover counts under the viewed test: 0 / 1 / 2+ and a histogram 0..5+.
  ImGui::SetNextItemWidth(150);
  int c = static_cast<int>(st.view_criterion);
  const char* crit[] = {tr(Str::walk, L), tr(Str::radius, L), tr(Str::both, L), tr(Str::either, L)};
  if (ImGui::Combo(tr(Str::colour_by, L), &c, crit, 4)) {
    st.view_criterion = static_cast<Criterion>(c);
    st.scene_dirty = true;
  }
  CriterionTotals t = s.of(st.view_criterion);
  const auto& counts = at_hour ? st.time.counts_shown : sc.state().counts(st.view_criterion);
  if (at_hour) {  // the open stations' counts
    t = {};
    const auto& w = ses.workspace().demand().weight;
    for (size_t i = 0; i < counts.size(); ++i) {
      if (counts[i] == 1) t.once += w[i];
      if (counts[i] >= 2) t.twice += w[i];
    }
    t.covered = t.once + t.twice;
  }
  if (s.total > 0) {
    const double zero = s.total - t.covered;
    ImGui::TextColored(ImVec4(0.84f, 0.16f, 0.16f, 1), "%s %.1f%%", tr(Str::covered_0, L),
                       100 * zero / s.total);
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.75f, 0.5f, 0.0f, 1), "  %s %.1f%%", tr(Str::covered_1, L),
                       100 * t.once / s.total);
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.16f, 0.55f, 0.24f, 1), "  %s %.1f%%", tr(Str::covered_2, L),
                       100 * t.twice / s.total);
    float hist[6] = {0, 0, 0, 0, 0, 0};
    const auto& w = ses.workspace().demand().weight;
    for (size_t i = 0; i < counts.size(); ++i)
      hist[std::min<int>(counts[i], 5)] += static_cast<float>(w[i]);
    for (float& h : hist) h = static_cast<float>(100.0 * h / s.total);
    ImGui::TextUnformatted(tr(Str::histogram_title, L));
    const float hist_w = ImGui::GetContentRegionAvail().x;
    const ImVec2 h0 = ImGui::GetCursorScreenPos();
    ImGui::PlotHistogram("##hist", hist, 6, 0, nullptr, 0, 100, ImVec2(hist_w, 46));
    // Each count under its own bar (PlotHistogram draws six equal bars across the frame).
    const float pad = ImGui::GetStyle().FramePadding.x, bar = (hist_w - 2 * pad) / 6;
    const char* labels[] = {"0", "1", "2", "3", "4", "5+"};
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int b = 0; b < 6; ++b)
      dl->AddText(ImVec2(h0.x + pad + bar * (static_cast<float>(b) + 0.5f) -
                             ImGui::CalcTextSize(labels[b]).x / 2,
                         h0.y + 46 + 1),
                  ImGui::GetColorU32(ImGuiCol_Text), labels[b]);
    ImGui::Dummy(ImVec2(hist_w, ImGui::GetTextLineHeight()));
  }

  rider_section(st);
  time_section(st);

  // Walking parameters: applied together (every station's walk is computed again).
  CoverageParams& p = st.edit_params;
  const CoverageParams& now = ses.workspace().params();
  ImGui::PushItemWidth(90);
  ImGui::InputDouble(tr(Str::minutes, L), &p.minutes, 1, 5, "%.0f");
  ImGui::SameLine();
  ImGui::InputDouble(tr(Str::speed_kmh, L), &p.speed_kmh, 0.1, 0.5, "%.1f");
  ImGui::InputDouble(tr(Str::radius_m, L), &p.radius_m, 50, 250, "%.0f");
  ImGui::PopItemWidth();
  const bool changed =
      p.minutes != now.minutes || p.speed_kmh != now.speed_kmh || p.radius_m != now.radius_m;
  const bool valid = p.problem().empty();  // the engine's ranges, as the CLI and sessions use
  ImGui::SameLine();
  ImGui::BeginDisabled(!changed || !valid || st.edits_locked());
  if (ImGui::Button(tr(Str::apply, L))) apply_params(st, p);
  ImGui::EndDisabled();
  if (!valid) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", tr(Str::bad_params, L));
  ImGui::TextDisabled(tr(Str::budget_fmt, L), now.budget_m(), now.minutes, now.speed_kmh);
}

}  // namespace yz::app
