#include "app/actions/mobile_rounds.hpp"

#include <cstdio>

#include "app/actions/app_actions.hpp"
#include "app/app_state.hpp"
#include "app/text/engine_messages.hpp"
#include "engine/coverage/hour_study.hpp"

namespace yz::app {

bool open_mobile_schedule(AppState& st, const std::string& path, const std::string& crs,
                          const std::string& layer) {
  if (!st.session) return false;
  try {
    const Workspace& ws = st.session->workspace();
    PointReadOptions opt;
    opt.crs = crs.empty() ? layer_origin(st.session->settings, LayerKind::stations).crs : crs;
    opt.layer = layer;
    opt.crs_option = "--mobile-schedule-crs";
    auto s = std::make_shared<MobileSchedule>(
        read_mobile_schedule(path, ws.city().projection(), ws.city().extent(), opt));
    char line[160];
    std::snprintf(line, sizeof line, tr(Str::mobile_opened, st.lang), s->stations().size(),
                  s->stops.size());
    st.notify(line);
    for (const std::string& p : s->problems)
      st.notify(std::string(tr(Str::mobile_row_unused, st.lang)) + p, true);
    st.mobile = std::move(s);
    st.scene_dirty = true;
    return true;
  } catch (const InputError& e) {
    st.notify(render_error(e, st.lang), true);
    return false;
  }
}

std::vector<SceneRound> mobile_rounds(const MobileSchedule& s, bool at_hour, bool weekend,
                                      int hour) {
  std::vector<SceneRound> out;
  for (const std::string& id : s.stations()) {
    SceneRound r;
    double best = 0;
    for (const MobileStop& stop : s.stops) {
      if (stop.station != id) continue;
      // Stops are listed by station, then order: the index in the round is its position here.
      if (at_hour) {
        const double share = open_share(stop.when, weekend, hour);
        if (share > best) best = share, r.current = static_cast<int>(r.stops.size());
      }
      r.stops.push_back(stop.xy);
    }
    out.push_back(std::move(r));
  }
  return out;
}

void mobile_report(const AppState& st, nlohmann::json& j) {
  if (!st.mobile) return;
  const auto rounds = mobile_rounds(*st.mobile, !st.time.all_day, st.time.weekend, st.time.hour);
  const auto ids = st.mobile->stations();
  for (size_t i = 0; i < rounds.size(); ++i) {
    std::vector<nlohmann::json> screen;
    for (Vec2 p : rounds[i].stops) {
      const Vec2 q = st.cam.to_screen(p);
      screen.push_back({q.x, q.y});
    }
    j["mobile"].push_back(
        {{"station", ids[i]}, {"stops_screen", screen}, {"current", rounds[i].current}});
  }
}

}  // namespace yz::app
