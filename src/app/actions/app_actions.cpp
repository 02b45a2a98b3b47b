#include "app/actions/app_actions.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "app/text/engine_messages.hpp"
#include "engine/inputs/candidate_filter.hpp"
#include "engine/inputs/demand_builder.hpp"
#include "engine/inputs/drop_messages.hpp"
#include "engine/inputs/grid_candidates.hpp"
#include "engine/inputs/poi_candidates.hpp"
#include "engine/inputs/point_layer.hpp"
#include "engine/inputs/point_reader.hpp"
#include "engine/inputs/recorded_crs.hpp"
#include "engine/map/map_loader.hpp"
#include "engine/map/ride_profile.hpp"
#include "engine/session/session_file.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"

namespace yz::app {
namespace fs = std::filesystem;
namespace {

std::string file_name(const std::string& p) {
  return fs::path(p).filename().string();
}

const char* layer_key(int i) {
  static const char* keys[] = {"areas",      "streets",      "demand_density", "demand_points",
                               "uncovered",  "disagreement", "joins",          "walk_areas",
                               "circles",    "candidates",   "scenario_diff",  "stations",
                               "suggestions"};
  static_assert(sizeof keys / sizeof keys[0] == kMapLayerCount);
  return keys[i];
}

void load_view_settings(AppState& st) {
  const Session& s = *st.session;
  for (int i = 0; i < kMapLayerCount; ++i) {
    const std::string* v = s.settings.ui_value(std::string("layer.") + layer_key(i));
    if (!v) continue;
    int vis = 1;
    float op = 1;
    unsigned r = 0, g = 0, b = 0;
    if (std::sscanf(v->c_str(), "%d,%f,%u,%u,%u", &vis, &op, &r, &g, &b) == 5) {
      LayerStyle& l = st.styles.layer[i];
      l.visible = vis != 0;
      l.opacity = std::clamp(op, 0.f, 1.f);
      l.color = {static_cast<uint8_t>(r), static_cast<uint8_t>(g), static_cast<uint8_t>(b),
                 l.color.a};
    }
  }
  if (const std::string* v = s.settings.ui_value("suggest.k"))
    st.suggest.k = std::max(1, std::atoi(v->c_str()));
  st.suggest.criterion = s.settings.criterion;
  st.suggest.rider = s.settings.rider_criterion;
  st.rider.params = s.settings.rider;
  if (s.settings.view.set) {
    st.cam.centre = s.workspace().city().projection().to_metric(s.settings.view.centre_lonlat);
    st.cam.m_per_px = s.settings.view.m_per_px;
    st.fit_requested = false;
  } else {
    st.fit_requested = true;
  }
}

// Replaces the session with a freshly opened one (all views follow).
void install(AppState& st, std::unique_ptr<Session> s, bool from_file) {
  st.session = std::move(s);
  st.sel = {};
  st.suggest.run = nullptr;
  st.compare_with = -1;
  st.baseline.clear();
  for (size_t i = 0; i < st.session->scenario_count(); ++i)
    st.baseline[st.session->scenario(i).id()] = st.session->scenario(i).state().summary();
  st.edit_params = st.session->workspace().params();
  if (from_file)
    st.lang = st.session->settings.lang == "zh" ? Lang::zh : Lang::en;
  else
    st.session->settings.lang = st.lang == Lang::zh ? "zh" : "en";
  st.styles = LayerStyles::defaults();
  load_view_settings(st);
  st.scene_dirty = true;
  st.fonts_dirty = true;
  st.autosaved_revision = st.session->revision();
  st.last_autosave_s = 0;
}

void reset_baselines(AppState& st) {
  st.baseline.clear();
  for (size_t i = 0; i < st.session->scenario_count(); ++i)
    st.baseline[st.session->scenario(i).id()] = st.session->scenario(i).state().summary();
}

bool start(AppState& st, Str label, bool locks, std::function<JobFinish(const Progress&)> work) {
  if (st.job.busy()) {
    st.notify(tr(Str::busy, st.lang), true);
    return false;
  }
  st.job_locks = locks;
  return st.job.start(tr(label, st.lang), std::move(work));
}

// The riding network of `city`: the one already built, else built now (in a job's thread).
std::shared_ptr<const RideNetwork> ride_network_for(const std::shared_ptr<const CityNetwork>& city,
                                                    const std::shared_ptr<const RideNetwork>& have,
                                                    const CityNetwork* have_city,
                                                    const Progress& p) {
  if (have && have_city == city.get()) return have;
  return std::make_shared<const RideNetwork>(
      build_ride_network(city->lines, RideProfile::load_default(), p));
}
std::string scenario_default_name(Lang L) {
  return tr(Str::scenario_existing, L);
}

}  // namespace

void AppState::notify(std::string text, bool error) {
  const double now =
      std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
  notices.push_back({std::move(text), error, now + (error ? 12.0 : 5.0)});
  if (notices.size() > 4) notices.erase(notices.begin());
}

void guard_unsaved(AppState& st, std::function<void(AppState&)> then) {
  if (st.session && st.session->dirty() && !st.headless) {
    st.unsaved_prompt = true;
    st.after_prompt = std::move(then);
    return;
  }
  then(st);
}

PlanStation hand_station(const AppState& st, Vec2 xy) {
  PlanStation s = st.new_station;
  s.xy = xy;
  s.origin = kOriginAdded;
  int n = 1;
  if (st.session) {
    const Scenario& sc = st.session->active();
    for (uint32_t k = 0; k < sc.slots(); ++k)
      if (sc.active(k) && sc.station(k).origin == kOriginAdded) ++n;
  }
  char name[96];
  std::snprintf(name, sizeof name, "%s %d", tr(Str::new_station_name, st.lang), n);
  s.name = name;
  s.id = "new-" + std::to_string(n);
  return s;
}

void open_demo(AppState& st) {
  const Lang L = st.lang;
  start(st, Str::job_open_map, true, [L](const Progress& p) -> JobFinish {
    auto s = std::make_shared<Session>(
        new_session(MapSource{}, CoverageParams{}, scenario_default_name(L), p));
    return [s](AppState& st) {
      install(st, std::make_unique<Session>(std::move(*s)), false);
      st.notify(tr(Str::opened_demo, st.lang));
    };
  });
}

void open_map(AppState& st, const std::string& path) {
  const Lang L = st.lang;
  start(st, Str::job_open_map, true, [L, path](const Progress& p) -> JobFinish {
    MapSource src;
    src.path = path;
    auto s =
        std::make_shared<Session>(new_session(src, CoverageParams{}, scenario_default_name(L), p));
    return [s, path](AppState& st) {
      install(st, std::make_unique<Session>(std::move(*s)), false);
      char msg[512];
      std::snprintf(msg, sizeof msg, tr(Str::opened_map_fmt, st.lang), file_name(path).c_str(),
                    st.session->workspace().city().graph.node_count());
      st.notify(msg);
      if (st.session->workspace().demand_is_proxy()) st.notify(tr(Str::proxy_demand, st.lang));
    };
  });
}

void open_session(AppState& st, const std::string& path, bool recovered) {
  const std::string belongs = recovered && st.recovery ? st.recovery->session : path;
  start(st, Str::job_open_session, true,
        [path, recovered, belongs](const Progress& p) -> JobFinish {
          SessionFile f = read_session_file(path);
          auto s = std::make_shared<Session>(open_session(f, belongs, p));
          return [s, path, recovered](AppState& st) {
            install(st, std::make_unique<Session>(std::move(*s)), true);
            if (recovered) {
              st.session->mark_unsaved();
              st.notify(tr(Str::recovered, st.lang));
            } else {
              char msg[512];
              std::snprintf(msg, sizeof msg, tr(Str::opened_session_fmt, st.lang),
                            file_name(path).c_str());
              st.notify(msg);
            }
            // Layers mostly off the map (its file replaced by another place's map?).
            for (const auto& n : st.session->notes.messages) notify_message(st, n, true);
          };
        });
}

LayerOrigin& layer_origin(SessionSettings& s, LayerKind kind) {
  return kind == LayerKind::stations     ? s.stations_origin
         : kind == LayerKind::candidates ? s.candidates_origin
                                         : s.demand_origin;
}

std::string crs_label(const LayerOrigin& o, Lang L) {
  const std::string& n = o.crs_name;
  if (n.empty()) return tr(Str::crs_unknown, L);
  if (n == "WGS-84") return n;
  for (const char* web : {"GCJ-02", "BD-09"})
    if (n.rfind(web, 0) == 0) return std::string(web) + " → WGS-84";
  return n + " → WGS-84";
}

void open_layer(AppState& st, const std::string& path, LayerKind kind,
                std::optional<std::string> crs_given) {
  if (!st.session) return;
  if (!crs_given) {
    std::optional<std::string> recorded;
    bool readable = true;
    try {
      recorded = recorded_crs(path);
    } catch (const InputError&) {
      readable = false;  // the reader below says what is wrong with it, as for any layer
    }
    if (readable && !recorded) {
      if (st.ask_crs) {
        st.crs_question = AppState::CrsQuestion{path, kind};
        return;
      }
      const char* option = kind == LayerKind::stations     ? "--stations-crs"
                           : kind == LayerKind::candidates ? "--candidates-crs"
                                                           : "--demand-crs";
      char msg[768];
      std::snprintf(msg, sizeof msg, tr(Str::crs_assumed_fmt, st.lang), file_name(path).c_str(),
                    option);
      st.notify(msg);
      crs_given = "wgs84";
    } else {
      crs_given = std::string();  // the file's own CRS
    }
  }
  const std::string crs = *crs_given;
  auto city = st.session->workspace().city_ptr();
  auto ws = st.session->workspace_ptr();
  auto rebase_in = std::make_shared<Session::RebaseInput>(st.session->rebase_input());
  const Str label = kind == LayerKind::demand ? Str::job_open_demand : Str::job_open_layer;
  start(st, label, true, [=](const Progress& p) -> JobFinish {
    PointReadOptions o;
    o.crs = crs;
    o.site_attributes = kind != LayerKind::demand;
    o.candidates = kind == LayerKind::candidates;
    auto drop = std::make_shared<DropReport>();
    const char* what = kind == LayerKind::stations     ? "stations"
                       : kind == LayerKind::candidates ? "candidates"
                                                       : "demand points";
    // The same reading as the command line: sites beyond the map's edge dropped, then the
    // coordinates checked for a web-map shift (offered as a re-read below).
    PointLayerRead read = read_point_layer(
        path, *city, o, kind == LayerKind::demand ? PointRole::demand : PointRole::site,
        ws->params().snap, *drop, what);
    auto pts = std::make_shared<PointSet>(std::move(read.points));
    const ShiftCheck shift = read.shift;
    if (pts->size() == 0)
      throw InputError(path, std::string("no usable ") + what + " (" + drop->summary() + ")");
    std::shared_ptr<Session::Rebase> rebase;
    if (kind == LayerKind::demand)
      rebase = std::make_shared<Session::Rebase>(Session::compute_rebase(
          *rebase_in, ws->with_demand(*pts, p.slice(0, 0.3)), p.slice(0.3, 1)));
    return [=](AppState& st) {
      const std::string label =
          std::string(tr(Str::edit_open_layer, st.lang)) + " " + file_name(path);
      // Kept with the session (and its autosave): the Layers tab and a reopened session show it.
      layer_origin(st.session->settings, kind) = {path, crs, pts->source_crs};
      if (kind == LayerKind::stations) {
        std::vector<StationEdit> edits;
        const Scenario& sc = st.session->active();
        for (uint32_t s : sc.active_slots()) edits.push_back({s, std::nullopt, std::nullopt});
        for (auto& ps : stations_from_points(*pts, kOriginExisting))
          edits.push_back({~0u, std::nullopt, std::move(ps)});
        st.session->apply_station_edits(std::move(edits), label);
        st.baseline[st.session->active().id()] = st.session->active().state().summary();
        st.fit_requested = true;
      } else if (kind == LayerKind::candidates) {
        st.session->set_candidates(std::move(*pts), label);
        st.suggest.run = nullptr;
      } else {
        st.session->apply_rebase(std::move(*rebase), label);
        reset_baselines(st);
      }
      st.sel = {};
      st.scene_dirty = true;
      st.fonts_dirty = true;
      notify_message(st, summary_message(*drop), !drop->dropped.empty());
      if (shift.better) {
        const ShiftReading *now = shift.reading(shift.read_as), *fit = shift.reading(*shift.better);
        AppState::ShiftOffer offer{path, kind, *shift.better, shift.points};
        if (now) offer.as_read_low_m = now->low_m, offer.as_read_high_m = now->high_m;
        if (fit) offer.better_low_m = fit->low_m, offer.better_high_m = fit->high_m;
        offer.read_as = shift.read_as;
        st.shift_offer = offer;
        char msg[1024];
        std::snprintf(msg, sizeof msg, tr(Str::shift_fmt, st.lang), file_name(path).c_str(),
                      offer.points, offer.better_low_m, offer.better_high_m,
                      web_datum_name(offer.better), offer.as_read_low_m, offer.as_read_high_m,
                      web_datum_name(offer.read_as));
        st.notify(msg, true);
      }
    };
  });
}

void candidates_from_map(AppState& st, double grid_m) {
  if (!st.session) return;
  auto city = st.session->workspace().city_ptr();
  const MapSource map = st.session->workspace().map();
  auto stations = std::make_shared<PointSet>(
      points_from_stations(st.session->active().stations(), city->projection(), "stations"));
  start(st, Str::job_candidates, true, [=](const Progress&) -> JobFinish {
    const CandidateCategories cats = default_candidate_categories();
    std::vector<PointSet> sources;
    std::vector<DropReport> reports;
    if (!map.demo() && is_osm_file(map.path)) {
      DropReport r;
      sources.push_back(poi_candidates(map.path, *city, cats, PoiCandidateOptions{}, r));
    }
    if (grid_m > 0) sources.push_back(grid_candidates(*city, grid_m, cats.grid));
    std::vector<const PointSet*> order;
    for (const auto& p : sources) order.push_back(&p);
    auto kept = std::make_shared<FilteredCandidates>(filter_candidates(
        order, *city, stations.get(), nullptr, CandidateFilterOptions{}, reports));
    size_t dropped = 0;
    for (const auto& r : reports) dropped += r.dropped.size();
    return [kept, dropped](AppState& st) {
      char label[200];
      std::snprintf(label, sizeof label, tr(Str::candidates_made_fmt, st.lang), kept->sites.size(),
                    dropped);
      st.session->set_candidates(std::move(kept->sites), label);
      st.session->settings.candidates_origin = {};  // made from the map, not read from a file
      st.styles[MapLayer::candidates].visible = true;
      st.suggest.run = nullptr;
      st.scene_dirty = true;
      st.fonts_dirty = true;
      st.notify(label);
    };
  });
}

void demand_from_map(AppState& st) {
  if (!st.session) return;
  auto ws = st.session->workspace_ptr();
  auto in = std::make_shared<Session::RebaseInput>(st.session->rebase_input());
  start(st, Str::job_demand, true, [=](const Progress& p) -> JobFinish {
    DemandRequest req;
    req.profile = DemandProfile::load_default();
    DemandResult d = build_demand(ws->city(), req, p.slice(0, 0.3));
    PointSet pts;
    pts.source = "map proxies (data/demand_profile.json)";
    for (size_t i = 0; i < d.cells.size(); ++i)
      pts.add(d.cells.lonlat[i], d.cells.xy[i], d.cells.weight[i], "cell-" + std::to_string(i + 1),
              "");
    if (pts.size() == 0) throw InputError("demand", "the map proxies found no workers on this map");
    const double total = pts.total_weight();
    auto r = std::make_shared<Session::Rebase>(Session::compute_rebase(
        *in, ws->with_demand(std::move(pts), p.slice(0.3, 0.4)), p.slice(0.4, 1)));
    return [r, total](AppState& st) {
      char label[200];
      std::snprintf(label, sizeof label, tr(Str::demand_made_fmt, st.lang), total);
      st.session->apply_rebase(std::move(*r), label);
      st.session->settings.demand_origin = {};  // made from the map, not read from a file
      reset_baselines(st);
      st.scene_dirty = true;
      st.notify(label);
    };
  });
}

void open_any(AppState& st, const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    st.notify(path + ": " + tr(Str::file_not_found, st.lang), true);
    return;
  }
  if (is_session_file(path)) {
    guard_unsaved(st, [path](AppState& s) { open_session(s, path); });
    return;
  }
  if (is_osm_file(path)) {
    guard_unsaved(st, [path](AppState& s) { open_map(s, path); });
    return;
  }
  st.dropped_file = path;  // a GIS layer: roads (a map) or points (stations, candidates, workers)
}

void save(AppState& st, const std::string& path, std::function<void(AppState&)> then) {
  if (!st.session) return;
  store_view_settings(st);
  auto snap = std::make_shared<SessionFile>(st.session->snapshot());
  const uint64_t state = st.session->state_id();
  Session* which = st.session.get();
  const std::string old_path = st.session->path;
  start(st, Str::job_save, false, [=](const Progress&) -> JobFinish {
    write_session_file(path, *snap);
    return [=](AppState& st) {
      if (st.session.get() != which) return;
      st.session->path = path;
      st.session->mark_saved_at(state);
      discard_autosave(path);
      if (old_path != path) discard_autosave(old_path);
      char msg[512];
      std::snprintf(msg, sizeof msg, tr(Str::saved_fmt, st.lang), file_name(path).c_str());
      st.notify(msg);
      if (then) then(st);
    };
  });
}

void save_or_ask(AppState& st, std::function<void(AppState&)> then) {
  if (!st.session) return;
  if (st.session->path.empty()) {
    st.dialog.open(FilePurpose::save_session);
    st.after_prompt = std::move(then);
    return;
  }
  save(st, st.session->path, std::move(then));
}

void export_plan_to(AppState& st, ExportOptions opt) {
  if (!st.session) return;
  const Session& s = *st.session;
  auto ws = s.workspace_ptr();
  auto stations = std::make_shared<PointSet>(
      points_from_stations(s.active().stations(), ws->city().projection(), s.active().name()));
  auto candidates = s.candidates_ptr();
  std::shared_ptr<const siting::SuggestRun> run = suggestion_current(st) ? st.suggest.run : nullptr;
  if (run &&
      std::any_of(st.suggest.accepted.begin(), st.suggest.accepted.end(), [](char c) { return c; }))
    run = nullptr;  // accepted sites are stations of the plan already
  const Criterion crit = st.suggest.criterion;
  const std::string scenario = s.active().name();
  start(st, Str::job_export, false, [=](const Progress& p) -> JobFinish {
    CoverageStudy study =
        plan_study(ws->city(), *stations, candidates.get(), run.get(), ws->demand(),
                   ws->demand_is_proxy(), ws->params(), p.slice(0, 0.3));
    PlanExport plan;
    plan.study = &study;
    plan.existing = static_cast<uint32_t>(stations->size());
    plan.candidates = candidates.get();
    plan.suggest = run.get();
    plan.criterion = crit;
    plan.settings.emplace_back("scenario", scenario);
    ExportResult r = export_plan(plan, opt, p.slice(0.3, 1));
    return [r, opt](AppState& st) {
      char msg[512];
      std::snprintf(msg, sizeof msg, tr(Str::exported_fmt, st.lang), r.files.size(),
                    opt.out_dir.c_str());
      st.notify(msg);
    };
  });
}

void apply_params(AppState& st, const CoverageParams& p) {
  if (!st.session) return;
  // The engine's ranges, as the CLI and the session reader check them (the panel also greys out
  // Apply): an out-of-range value never reaches a recomputation.
  try {
    p.validate();
  } catch (const ParamError& e) {  // by code, the parameter by its label
    return notify_message(st, error_as_message(e), true);
  }
  auto ws = st.session->workspace_ptr();
  auto in = std::make_shared<Session::RebaseInput>(st.session->rebase_input());
  const CoverageParams old = ws->params();
  start(st, Str::job_recompute, true, [=](const Progress& pr) -> JobFinish {
    auto r = std::make_shared<Session::Rebase>(
        Session::compute_rebase(*in, ws->with_params(p, pr.slice(0, 0.2)), pr.slice(0.2, 1)));
    return [=](AppState& st) {
      char label[160];
      std::snprintf(label, sizeof label, "%s %.0f→%.0f min, %.1f→%.1f km/h, %.0f→%.0f m",
                    tr(Str::edit_params, st.lang), old.minutes, p.minutes, old.speed_kmh,
                    p.speed_kmh, old.radius_m, p.radius_m);
      st.session->apply_rebase(std::move(*r), label);
      st.suggest.run = nullptr;
      st.scene_dirty = true;
    };
  });
}

bool suggestion_current(const AppState& st) {
  if (!st.session || !st.suggest.run) return false;
  const Scenario& sc = st.session->active();
  return sc.id() == st.suggest.scenario_id && sc.version() == st.suggest.scenario_version &&
         st.session->candidates().size() == st.suggest.candidates_size &&
         sc.workspace_ptr() == st.suggest_workspace;
}

void run_suggest(AppState& st) {
  if (!st.session) return;
  const Session& s = *st.session;
  const SuggestPanel& sp = st.suggest;
  auto ws = s.workspace_ptr();
  auto stations = std::make_shared<PointSet>(
      points_from_stations(s.active().stations(), ws->city().projection(), s.active().name()));
  auto candidates = s.candidates_ptr();
  if (candidates->size() == 0) {
    st.notify(tr(Str::no_candidates, st.lang), true);
    return;
  }
  siting::Options o;
  o.goal = sp.goal == 0   ? siting::Goal::max_cover_k
           : sp.goal == 1 ? siting::Goal::max_cover_budget
                          : siting::Goal::min_for_target;
  o.k = static_cast<uint32_t>(std::max(1, sp.k));
  o.budget = sp.budget;
  o.target = std::clamp(sp.target_pct / 100.0, 0.01, 1.0);
  o.min_cost = sp.goal == 3;
  o.objective = sp.objective == 0   ? siting::Objective::single
                : sp.objective == 1 ? siting::Objective::double_cover
                                    : siting::Objective::single_then_double;
  (sp.spacing_on_foot ? o.spacing_walk_m : o.spacing_m) = std::max(0.0, sp.spacing_m);
  o.time_limit_s = std::max(0.5, sp.time_limit_s);
  const Criterion crit = sp.criterion;
  // Rider reach (骑行可达): the riding network (built on first use) and the test's parameters.
  const bool rider = sp.rider;
  const RiderParams rider_params = st.rider.params;
  const std::shared_ptr<const CityNetwork> city = ws->city_ptr();
  const std::shared_ptr<const RideNetwork> have_ride = st.rider.ride;
  const CityNetwork* have_city = st.rider.city.get();
  siting::MinGain min_gain;
  min_gain.value = std::clamp(sp.min_gain_pct, 0.0, 100.0);
  const uint32_t id = s.active().id();
  const uint64_t version = s.active().version();
  const size_t n_cand = candidates->size();
  start(st, Str::job_suggest, false, [=](const Progress& p) -> JobFinish {
    siting::SuggestRequest req;
    req.stations = *stations;
    req.candidates = *candidates;
    req.demand = ws->demand();
    req.demand_is_proxy = ws->demand_is_proxy();
    req.params = ws->params();
    req.criterion = crit;
    req.options = o;
    req.min_gain = min_gain;
    std::shared_ptr<const RideNetwork> ride;
    if (rider) {
      ride = ride_network_for(city, have_ride, have_city, p);
      req.ride = ride.get();
      req.rider = rider_params;
    }
    const auto t0 = std::chrono::steady_clock::now();
    auto run = std::make_shared<const siting::SuggestRun>(siting::run_suggest(ws->city(), req, p));
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return [=](AppState& st) {
      SuggestPanel& sp = st.suggest;
      sp.run = run;
      if (ride) st.rider.city = city, st.rider.ride = ride;
      sp.run_rider = rider;
      sp.scenario_id = id;
      sp.scenario_version = version;
      sp.candidates_size = n_cand;
      st.suggest_workspace = ws;
      sp.seconds = secs;
      sp.picked.assign(run->result.sites.size(), 1);
      sp.accepted.assign(run->result.sites.size(), 0);
      st.sel.suggestion = -1;
      st.scene_dirty = true;
      st.tab = Tab::suggest;
      st.tab_forced = true;
      if (!run->result.feasible) st.notify(run->result.message, true);
    };
  });
}

void compute_rider_reach(AppState& st) {
  if (!st.session) return;
  const Scenario& sc = st.session->active();
  const std::shared_ptr<const Workspace> ws = sc.workspace_ptr();
  const std::shared_ptr<const CityNetwork> city = ws->city_ptr();
  const std::shared_ptr<const RideNetwork> have = st.rider.ride;
  const CityNetwork* have_city = st.rider.city.get();
  const PointSet sites = points_from_stations(sc.stations(), ws->city().projection(), "plan");
  const RiderParams params = st.rider.params;
  const uint32_t id = sc.id();
  const uint64_t version = sc.version();
  start(st, Str::job_rider, false, [=](const Progress& p) -> JobFinish {
    auto ride = ride_network_for(city, have, have_city, p);
    auto study = std::make_shared<const RiderStudy>(
        run_rider_reach(*city, *ride, sites, ws->demand(), params, ws->params().snap, p));
    return [=](AppState& st) {
      RiderView& rv = st.rider;
      rv.city = city, rv.ride = ride, rv.study = study, rv.ws = ws;
      rv.scenario_id = id, rv.version = version;
    };
  });
}

void accept_suggestions(AppState& st, const std::vector<int>& which) {
  if (!st.session || !st.suggest.run || !suggestion_current(st)) return;
  const siting::SuggestRun& run = *st.suggest.run;
  std::vector<StationEdit> edits;
  std::vector<int> done;
  for (int i : which) {
    if (i < 0 || i >= static_cast<int>(run.result.sites.size()) || st.suggest.accepted[i]) continue;
    const siting::SuggestedSite& ss = run.result.sites[i];
    PlanStation p = station_from_candidate(run.sites, ss.site, kOriginSuggested);
    p.suggested_rank = ss.rank;
    if (p.info.status.empty()) p.info.status = "planned";
    if (p.name.empty()) p.name = p.id;
    edits.push_back({~0u, std::nullopt, std::move(p)});
    done.push_back(i);
  }
  if (edits.empty()) return;
  char label[128];
  std::snprintf(label, sizeof label, tr(Str::edit_accept_fmt, st.lang), edits.size());
  st.session->apply_station_edits(std::move(edits), label);
  for (int i : done) st.suggest.accepted[i] = 1;
  // The plan now includes them: the run stays readable but is no longer the plan's suggestion.
  st.suggest.scenario_version = st.session->active().version();
  st.scene_dirty = true;
}

void add_candidate_as_station(AppState& st, int candidate) {
  if (!st.session || candidate < 0 ||
      candidate >= static_cast<int>(st.session->candidates().size()))
    return;
  PlanStation p = station_from_candidate(st.session->candidates(), candidate, kOriginAdded);
  if (p.info.status.empty()) p.info.status = "planned";
  if (p.name.empty()) p.name = p.id;
  const std::string label = std::string(tr(Str::edit_add, st.lang)) + " " + p.name;
  st.sel.station = static_cast<int>(st.session->add_station(std::move(p), label));
  st.sel.candidate = -1;
  st.scene_dirty = true;
}

void undo(AppState& st) {
  if (!st.session || st.edits_locked() || !st.session->can_undo()) return;
  st.session->undo();
  if (st.sel.station >= 0 && !st.session->active().active(st.sel.station)) st.sel.station = -1;
  st.scene_dirty = true;
}

void redo(AppState& st) {
  if (!st.session || st.edits_locked() || !st.session->can_redo()) return;
  st.session->redo();
  if (st.sel.station >= 0 && !st.session->active().active(st.sel.station)) st.sel.station = -1;
  st.scene_dirty = true;
}

void request_quit(AppState& st) {
  guard_unsaved(st, [](AppState& s) {
    // Leaving on purpose (saved, or changes discarded): no recovery offer next time.
    if (s.session) discard_autosave(s.session->path);
    s.quit = true;
  });
}

void tick_autosave(AppState& st, double now) {
  if (!st.autosave_enabled || !st.session || st.headless) return;
  if (std::string err; auto fin = st.autosave.collect(&err)) {
    if (!err.empty())
      st.notify(std::string(tr(Str::autosave_failed, st.lang)) + ": " +
                    render_message(job_error(st.autosave), st.lang),
                true);
  }
  if (st.last_autosave_s == 0) st.last_autosave_s = now;
  if (st.autosave.busy() || now - st.last_autosave_s < st.autosave_every_s) return;
  st.last_autosave_s = now;
  if (!st.session->dirty() || st.session->revision() == st.autosaved_revision) return;
  store_view_settings(st);
  auto snap = std::make_shared<SessionFile>(st.session->snapshot());
  const std::string target = autosave_path(st.session->path);
  st.autosaved_revision = st.session->revision();
  st.autosave.start("autosave", [snap, target](const Progress&) -> JobFinish {
    write_session_file(target, *snap);
    return [](AppState&) {};
  });
}

void store_view_settings(AppState& st) {
  if (!st.session) return;
  SessionSettings& s = st.session->settings;
  for (int i = 0; i < kMapLayerCount; ++i) {
    const LayerStyle& l = st.styles.layer[i];
    char v[64];
    std::snprintf(v, sizeof v, "%d,%.3f,%u,%u,%u", l.visible ? 1 : 0, l.opacity, l.color.r,
                  l.color.g, l.color.b);
    s.set_ui(std::string("layer.") + layer_key(i), v);
  }
  s.set_ui("suggest.k", std::to_string(st.suggest.k));
  s.criterion = st.suggest.criterion;
  s.rider_criterion = st.suggest.rider;
  s.rider = st.rider.params;
  s.lang = st.lang == Lang::zh ? "zh" : "en";
  s.view.set = true;
  s.view.centre_lonlat = st.session->workspace().city().projection().to_lonlat(st.cam.centre);
  s.view.m_per_px = st.cam.m_per_px;
}

}  // namespace yz::app
