// The active plan's stations: a sortable, filterable table (selection follows the map and back),
// an editor for the selected station's attributes (each change one undo step), and a review of the
// existing stations (what removing each would cost, which to upgrade first).
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <numeric>

#include "app/actions/app_actions.hpp"
#include "app/ui/font_loader.hpp"
#include "app/ui/panels.hpp"
#include "engine/inputs/site_attributes.hpp"
#include "engine/siting/siting_problem.hpp"
#include "engine/siting/station_review.hpp"

namespace yz::app {
namespace {

template <size_t N>
bool value_combo(const char* id, std::string& value, const char* const (&values)[N],
                 Str (*name)(const std::string&), Lang L) {
  bool changed = false;
  if (ImGui::BeginCombo(id, tr(name(value), L))) {
    if (ImGui::Selectable(tr(Str::unknown, L), value.empty())) value.clear(), changed = true;
    for (const char* v : values)
      if (ImGui::Selectable(tr(name(v), L), value == v)) value = v, changed = true;
    ImGui::EndCombo();
  }
  return changed;
}

std::string amenity_short(uint32_t bits, Lang L) {
  std::string out;
  for (int i = 0; i < kAmenityCount; ++i)
    if (bits & (1u << i)) {
      if (!out.empty()) out += L == Lang::zh ? "、" : ", ";
      out += tr(amenity_str(i), L);
    }
  return out;
}

bool contains_ci(const std::string& hay, const char* needle) {
  if (!*needle) return true;
  std::string h = hay, n = needle;
  for (auto* s : {&h, &n})
    std::transform(s->begin(), s->end(), s->begin(),
                   [](unsigned char c) { return std::tolower(c); });
  return h.find(n) != std::string::npos;
}

// Editor state: text fields commit when the field is left, so one rename is one undo step.
struct Editor {
  int slot = -1;
  uint64_t version = 0;
  char name[256] = {}, id[128] = {}, hours[256] = {}, capacity[32] = {};
};

// Review cache (recomputed when the plan or the test changes).
struct Review {
  uint32_t scenario = 0;
  uint64_t version = 0;
  Criterion criterion = Criterion::walk;
  std::vector<uint32_t> slot_of;  // problem site -> slot
  std::vector<siting::RemovalCost> removal;
  std::vector<siting::UpgradePriority> upgrade;
};

void station_editor(AppState& st, int slot) {
  static Editor ed;
  const Lang L = st.lang;
  Session& ses = *st.session;
  Scenario& sc = ses.active();
  if (slot < 0 || !sc.active(slot)) {
    ImGui::TextDisabled("%s", tr(Str::select_to_edit, L));
    return;
  }
  const PlanStation& cur = sc.station(slot);
  if (ed.slot != slot || ed.version != sc.version()) {
    ed.slot = slot;
    ed.version = sc.version();
    std::snprintf(ed.name, sizeof ed.name, "%s", cur.name.c_str());
    std::snprintf(ed.id, sizeof ed.id, "%s", cur.id.c_str());
    std::snprintf(ed.hours, sizeof ed.hours, "%s", cur.info.opening_hours.c_str());
    // Blank = unlimited (the field's hint says so), as in every station file.
    if (std::isnan(cur.info.capacity))
      ed.capacity[0] = '\0';
    else
      std::snprintf(ed.capacity, sizeof ed.capacity, "%g", cur.info.capacity);
  }
  PlanStation p = cur;
  bool commit = false;
  ImGui::BeginDisabled(st.edits_locked());
  ImGui::PushItemWidth(-110);
  ImGui::InputText(tr(Str::name, L), ed.name, sizeof ed.name);
  if (ImGui::IsItemDeactivatedAfterEdit()) p.name = ed.name, commit = true;
  ImGui::InputText(tr(Str::station_id, L), ed.id, sizeof ed.id);
  if (ImGui::IsItemDeactivatedAfterEdit()) p.id = ed.id, commit = true;
  commit |= value_combo(tr(Str::host_type, L), p.info.host_type, kHostTypes, host_str, L);
  commit |= value_combo(tr(Str::size_class, L), p.info.size_class, kSizeClasses, size_str, L);
  commit |= value_combo(tr(Str::status, L), p.info.status, kStatuses, status_str, L);
  ImGui::InputText(tr(Str::opening_hours, L), ed.hours, sizeof ed.hours);
  if (ImGui::IsItemDeactivatedAfterEdit()) p.info.opening_hours = ed.hours, commit = true;
  ImGui::InputTextWithHint(tr(Str::capacity, L), tr(Str::capacity_unlimited, L), ed.capacity,
                           sizeof ed.capacity, ImGuiInputTextFlags_CharsDecimal);
  if (ImGui::IsItemDeactivatedAfterEdit()) {
    const std::optional<double> cap = parse_number(ed.capacity);
    if (ed.capacity[0] == '\0')
      p.info.capacity = NAN, commit = true;
    else if (cap && *cap >= 0)
      p.info.capacity = *cap, commit = true;
    else
      ed.version = 0;  // not a number: show the stored value again
  }
  ImGui::PopItemWidth();
  ImGui::TextUnformatted(tr(Str::amenities, L));
  for (int i = 0; i < kAmenityCount; ++i) {
    bool on = p.info.amenities & (1u << i);
    if (i % 3) ImGui::SameLine(10 + (i % 3) * 125.0f);
    if (ImGui::Checkbox(tr(amenity_str(i), L), &on)) {
      p.info.amenities ^= 1u << i;
      commit = true;
    }
  }
  ImGui::EndDisabled();
  ImGui::TextDisabled("%s: %s", tr(Str::origin, L), tr(origin_str(p.origin), L));
  if (commit && !(p == cur)) {
    if (!font_has_glyphs(p.name)) st.fonts_dirty = true;  // rebuilt with the new name's glyphs
    const std::string label = std::string(tr(Str::edit_attributes, L)) + " " + p.name;
    ses.update_station(static_cast<uint32_t>(slot), std::move(p), label);
    st.scene_dirty = true;
  }
  if (ImGui::Button(tr(Str::remove_selected, L)) && !st.edits_locked()) {
    const std::string label = std::string(tr(Str::edit_remove, L)) + " " + cur.name;
    ses.remove_station(static_cast<uint32_t>(slot), label);
    st.sel.station = -1;
    st.scene_dirty = true;
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::centre_on_map, L))) st.cam.centre = cur.xy;
}

void review_section(AppState& st) {
  static Review rv;
  const Lang L = st.lang;
  const Scenario& sc = st.session->active();
  const Criterion crit = st.view_criterion;
  if (rv.scenario != sc.id() || rv.version != sc.version() || rv.criterion != crit) {
    rv = Review{sc.id(), sc.version(), crit, {}, {}, {}};
    std::vector<SiteCover> covers;
    std::vector<Vec2> pos;
    std::vector<uint32_t> amen;
    for (uint32_t k : sc.active_slots()) {
      covers.push_back(sc.state().cover(k));
      pos.push_back(sc.station(k).xy);
      amen.push_back(sc.station(k).info.amenities);
      rv.slot_of.push_back(k);
    }
    const auto& w = st.session->workspace().demand().weight;
    siting::Problem prob =
        siting::make_siting_problem(covers, crit, w, static_cast<uint32_t>(covers.size()), pos);
    rv.removal = siting::removal_costs(prob);
    rv.upgrade = siting::upgrade_priority(prob, amen, kDefaultWantedAmenities);
  }
  ImGui::TextDisabled("%s", tr(Str::review_help, L));
  auto row = [&](uint32_t site, const char* fmt, double a, double b) {
    const uint32_t slot = rv.slot_of[site];
    ImGui::PushID(static_cast<int>(slot));
    char label[300];
    std::snprintf(label, sizeof label, "%s", sc.station(slot).name.c_str());
    if (ImGui::Selectable(label, st.sel.station == static_cast<int>(slot))) {
      st.sel = {};
      st.sel.station = static_cast<int>(slot);
      st.scene_dirty = true;
    }
    ImGui::SameLine(200);
    ImGui::Text(fmt, a, b);
    ImGui::PopID();
  };
  const bool counted = demand_kind(st.session->workspace()) == DemandKind::counted;
  ImGui::TextUnformatted(tr(counted ? Str::least_useful : Str::least_useful_est, L));
  for (size_t i = 0; i < rv.removal.size() && i < 5; ++i)
    row(rv.removal[i].site, tr(counted ? Str::removal_fmt : Str::removal_est_fmt, L),
        rv.removal[i].lost, rv.removal[i].lost_twice);
  ImGui::TextUnformatted(tr(counted ? Str::upgrade_first : Str::upgrade_first_est, L));
  for (size_t i = 0; i < rv.upgrade.size() && i < 5; ++i)
    row(rv.upgrade[i].site, tr(counted ? Str::upgrade_fmt : Str::upgrade_est_fmt, L),
        rv.upgrade[i].served, rv.upgrade[i].missing);
}

}  // namespace

bool host_combo(const char* id, std::string& v, Lang L) {
  return value_combo(id, v, kHostTypes, host_str, L);
}
bool size_combo(const char* id, std::string& v, Lang L) {
  return value_combo(id, v, kSizeClasses, size_str, L);
}
bool status_combo(const char* id, std::string& v, Lang L) {
  return value_combo(id, v, kStatuses, status_str, L);
}

void stations_tab(AppState& st) {
  static char filter[128] = {};
  static int status_filter = 0;  // 0 all, 1.. kStatuses
  const Lang L = st.lang;
  Scenario& sc = st.session->active();
  const CoverageState& cs = sc.state();
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
  ImGui::InputTextWithHint("##filter", tr(Str::filter_hint, L), filter, sizeof filter);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  const char* statuses[] = {tr(Str::all_statuses, L), tr(status_str(kStatuses[0]), L),
                            tr(status_str(kStatuses[1]), L), tr(status_str(kStatuses[2]), L)};
  ImGui::Combo("##status", &status_filter, statuses, 4);

  // Rows that pass the filter, sorted by the table's sort specs.
  std::vector<uint32_t> rows;
  for (uint32_t k : sc.active_slots()) {
    const PlanStation& p = sc.station(k);
    if (status_filter > 0 && p.info.status != kStatuses[status_filter - 1]) continue;
    if (!contains_ci(p.name, filter) && !contains_ci(p.id, filter) &&
        !contains_ci(tr(host_str(p.info.host_type), L), filter) &&
        !contains_ci(p.info.host_type, filter))
      continue;
    rows.push_back(k);
  }
  enum Col { c_name, c_host, c_size, c_status, c_amen, c_walk, c_radius, c_shared, c_count };
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_SizingFixedFit;
  const float table_h = std::max(140.f, ImGui::GetContentRegionAvail().y * 0.45f);
  if (ImGui::BeginTable("stations", c_count, flags, ImVec2(0, table_h))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(tr(Str::name, L), ImGuiTableColumnFlags_DefaultSort, 130);
    ImGui::TableSetupColumn(tr(Str::host_type, L));
    ImGui::TableSetupColumn(tr(Str::size_class, L));
    ImGui::TableSetupColumn(tr(Str::status, L));
    ImGui::TableSetupColumn(tr(Str::amenities, L), 0, 120);
    ImGui::TableSetupColumn(tr(Str::col_walk, L), ImGuiTableColumnFlags_PreferSortDescending);
    ImGui::TableSetupColumn(tr(Str::col_radius, L), ImGuiTableColumnFlags_PreferSortDescending);
    ImGui::TableSetupColumn(tr(Str::col_shared, L), ImGuiTableColumnFlags_PreferSortDescending);
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsCount > 0) {
      const ImGuiTableColumnSortSpecs& s = specs->Specs[0];
      const bool asc = s.SortDirection == ImGuiSortDirection_Ascending;
      auto key_num = [&](uint32_t k) -> double {
        switch (s.ColumnIndex) {
          case c_walk:
            return cs.covered_weight(k, Criterion::walk);
          case c_radius:
            return cs.covered_weight(k, Criterion::radius);
          case c_shared:
            return cs.covered_weight(k, Criterion::walk) - cs.unique_weight(k, Criterion::walk);
          case c_amen:
            return __builtin_popcount(sc.station(k).info.amenities);
          default:
            return 0;
        }
      };
      auto key_text = [&](uint32_t k) -> std::string {
        const PlanStation& p = sc.station(k);
        switch (s.ColumnIndex) {
          case c_host:
            return tr(host_str(p.info.host_type), L);
          case c_size:
            return tr(size_str(p.info.size_class), L);
          case c_status:
            return tr(status_str(p.info.status), L);
          default:
            return p.name;
        }
      };
      const bool numeric = s.ColumnIndex >= c_amen;
      std::stable_sort(rows.begin(), rows.end(), [&](uint32_t a, uint32_t b) {
        if (numeric) {
          const double x = key_num(a), y = key_num(b);
          if (x != y) return asc ? x < y : x > y;
        } else {
          const std::string x = key_text(a), y = key_text(b);
          if (x != y) return asc ? x < y : x > y;
        }
        return a < b;  // ties by slot: a stable, repeatable order
      });
    }
    ImGuiListClipper clip;
    clip.Begin(static_cast<int>(rows.size()));
    static int scrolled_to = -1;
    while (clip.Step())
      for (int r = clip.DisplayStart; r < clip.DisplayEnd; ++r) {
        const uint32_t k = rows[r];
        const PlanStation& p = sc.station(k);
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushID(static_cast<int>(k));
        const bool sel = st.sel.station == static_cast<int>(k);
        if (ImGui::Selectable(
                p.name.empty() ? p.id.c_str() : p.name.c_str(), sel,
                ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick)) {
          st.sel = {};
          st.sel.station = static_cast<int>(k);
          st.scene_dirty = true;
          if (ImGui::IsMouseDoubleClicked(0)) st.cam.centre = p.xy;
          scrolled_to = static_cast<int>(k);
        }
        ImGui::PopID();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(host_str(p.info.host_type), L));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(size_str(p.info.size_class), L));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(tr(status_str(p.info.status), L));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(amenity_short(p.info.amenities, L).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%.0f", cs.covered_weight(k, Criterion::walk));
        ImGui::TableNextColumn();
        ImGui::Text("%.0f", cs.covered_weight(k, Criterion::radius));
        ImGui::TableNextColumn();
        ImGui::Text("%.0f",
                    cs.covered_weight(k, Criterion::walk) - cs.unique_weight(k, Criterion::walk));
      }
    // A station picked on the map scrolls into view once.
    if (st.sel.station >= 0 && scrolled_to != st.sel.station) {
      auto it = std::find(rows.begin(), rows.end(), static_cast<uint32_t>(st.sel.station));
      if (it != rows.end()) {
        ImGui::SetScrollY(static_cast<float>(it - rows.begin()) *
                          ImGui::GetTextLineHeightWithSpacing());
        scrolled_to = st.sel.station;
      }
    }
    ImGui::EndTable();
  }
  ImGui::Text(tr(Str::rows_fmt, L), rows.size(), sc.active_count());
  if (ImGui::CollapsingHeader(tr(Str::edit_station, L), ImGuiTreeNodeFlags_DefaultOpen))
    station_editor(st, st.sel.station);
  if (ImGui::CollapsingHeader(tr(Str::review, L))) review_section(st);
}

}  // namespace yz::app
