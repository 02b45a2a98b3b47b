#include "app/app_window.hpp"

#include "app/render/gl.hpp"
// GL/GLFW first (gl.hpp), then ImGui and its backends.
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <imgui_internal.h>  // window rectangles for the headless UI report
#include <stb_image_write.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <set>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <vector>

#include "app/actions/app_actions.hpp"
#include "app/actions/mobile_rounds.hpp"
#include "app/app_state.hpp"
#include "app/input_script.hpp"
#include "app/render/map_view.hpp"
#include "app/render/scene_builder.hpp"
#include "app/text/engine_messages.hpp"
#include "app/ui/font_loader.hpp"
#include "app/ui/map_input.hpp"
#include "app/ui/map_overlay.hpp"
#include "app/ui/panels.hpp"
#include "engine/session/session_file.hpp"
#include "engine/util/error.hpp"
#include "engine/util/output_file.hpp"

namespace yz::app {
namespace {

using Clock = std::chrono::steady_clock;
double now_s() {
  return std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
}

bool write_screenshot(const std::string& path, int w, int h) {
  std::vector<unsigned char> px(static_cast<size_t>(w) * h * 3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, px.data());
  std::vector<unsigned char> flipped(px.size());
  const size_t row = static_cast<size_t>(w) * 3;
  for (int y = 0; y < h; ++y) std::copy_n(&px[(h - 1 - y) * row], row, &flipped[y * row]);
  return stbi_write_png(path.c_str(), w, h, 3, flipped.data(), static_cast<int>(row)) != 0;
}

struct GlfwSession {
  GlfwSession() {
    if (!glfwInit()) throw std::runtime_error("cannot start GLFW (no display? try xvfb-run)");
  }
  ~GlfwSession() { glfwTerminate(); }
};

// What GLFW callbacks hand to the frame loop.
struct WindowEvents {
  std::vector<std::string> dropped;
  bool close_requested = false;
};

std::vector<std::string> names_in(const AppState& st) {
  std::vector<std::string> out;
  if (!st.session) return out;
  const Session& s = *st.session;
  for (size_t i = 0; i < s.scenario_count(); ++i) {
    out.push_back(s.scenario(i).name());
    for (const auto& p : s.scenario(i).stations()) out.push_back(p.name);
  }
  for (const auto& n : s.candidates().name) out.push_back(n);
  out.push_back(s.workspace().map().label());
  // Street names drawn on the map (street_name_overlay), each distinct name once.
  const RoadLines& L = s.workspace().city().lines;
  std::set<std::string> streets(L.name.begin(), L.name.end());
  streets.insert(L.name_en.begin(), L.name_en.end());
  out.insert(out.end(), streets.begin(), streets.end());
  // Layer file names (the Layers tab) may be Chinese too.
  for (const LayerOrigin* o :
       {&s.settings.stations_origin, &s.settings.candidates_origin, &s.settings.demand_origin})
    out.push_back(std::filesystem::path(o->path).filename().string());
  return out;
}

void window_rect(nlohmann::json& j, const char* name, const char* imgui_name) {
  ImGuiWindow* w = nullptr;
  for (ImGuiWindow* x : ImGui::GetCurrentContext()->Windows)
    if (std::strstr(x->Name, imgui_name) && x->WasActive) w = x;
  if (w) j[name] = {w->Pos.x, w->Pos.y, w->Size.x, w->Size.y};
}

// What a headless run showed, for tests: window rectangles, figures, notices.
void write_ui_report(const AppState& st, const std::string& path) {
  nlohmann::json j;
  j["lang"] = st.lang == Lang::zh ? "zh" : "en";
  j["tab"] = static_cast<int>(st.tab);
  j["map_area"] = {st.map_x0, st.map_y0, st.map_x1 - st.map_x0, st.map_y1 - st.map_y0};
  nlohmann::json win;
  window_rect(win, "menu", "##MainMenuBar");
  window_rect(win, "sidebar", "###sidebar");
  window_rect(win, "toolbar", "###toolbar");
  window_rect(win, "status", "###status");
  window_rect(win, "unsaved", "###unsaved");
  window_rect(win, "recovery", "###recovery");
  window_rect(win, "layer_crs", "###layercrs");
  window_rect(win, "layer_shift", "###layershift");
  window_rect(win, "dropped", "###dropped");
  window_rect(win, "export", "###export");
  j["windows"] = win;
  j["districts"] = st.districts ? st.districts->size() : 0;
  for (const auto& [name, r] : st.ui_items) j["items"][name] = r;
  time_report(st, j);
  rider_report(st, j);
  mobile_report(st, j);
  if (st.session) {
    const Scenario& sc = st.session->active();
    const CoverageSummary& s = sc.state().summary();
    j["scenario"] = sc.name();
    j["scenarios"] = st.session->scenario_count();
    j["stations"] = sc.active_count();
    j["demand_total"] = s.total;
    for (Criterion c : {Criterion::walk, Criterion::radius, Criterion::both, Criterion::either})
      j["percent"][std::string(to_string(c))] = s.percent(c);
    j["dirty"] = st.session->dirty();
    j["camera"] = {st.cam.centre.x, st.cam.centre.y, st.cam.m_per_px};
    std::vector<nlohmann::json> screen, xy, slots;
    for (uint32_t k : sc.active_slots()) {
      const Vec2 p = st.cam.to_screen(sc.station(k).xy);
      screen.push_back({p.x, p.y});
      xy.push_back({sc.station(k).xy.x, sc.station(k).xy.y});
      slots.push_back(k);
    }
    j["station_screen"] = screen;
    j["station_xy"] = xy;  // map metres, as the engine computes with
    std::vector<nlohmann::json> cand;
    for (const Vec2& c : st.session->candidates().xy) {
      const Vec2 p = st.cam.to_screen(c);
      cand.push_back({p.x, p.y});
    }
    j["candidate_screen"] = cand;
    j["station_slots"] = slots;
    for (auto [kind, name] :
         {std::pair{LayerKind::stations, "stations"},
          std::pair{LayerKind::candidates, "candidates"}, std::pair{LayerKind::demand, "demand"}}) {
      const LayerOrigin& o = layer_origin(st.session->settings, kind);
      j["layers"][name] = {{"path", o.path},
                           {"crs", o.crs},
                           {"crs_name", o.crs_name},
                           {"shown", crs_label(o, st.lang)}};
    }
    j["undo_steps"] = st.session->history().undo_depth();
    j["redo_steps"] = st.session->history().redo_depth();
    if (st.suggest.run) {
      j["suggested"] = st.suggest.run->result.sites.size();
      j["suggest_gap"] = st.suggest.run->result.gap;
      std::vector<nlohmann::json> sp;
      for (const auto& ss : st.suggest.run->result.sites) {
        const Vec2 p = st.cam.to_screen(st.suggest.run->sites.xy[ss.site]);
        sp.push_back({p.x, p.y});
      }
      j["suggestion_screen"] = sp;
    }
  }
  std::vector<nlohmann::json> notes;
  for (const Notice& n : st.notices) notes.push_back({{"text", n.text}, {"error", n.error}});
  j["notices"] = notes;
  // Through the engine's one writer: a test never reads a half-written report.
  try {
    OutputFile out(path);
    FileSink sink(out.path(), path);
    sink.write(j.dump(2) + "\n");
    sink.close();
    out.commit();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
  }
}

// "Opening map failed: FILE: problem" / "打开地图失败：…" (job labels read "正在…", "…ing").
std::string job_failed_text(const std::string& label, const Message& err, Lang L) {
  std::string what = label;
  if (L == Lang::zh && what.rfind("正在", 0) == 0) what.erase(0, std::string("正在").size());
  char buf[2048];
  std::snprintf(buf, sizeof buf,
                tr(is_cancelled(err) ? Str::job_cancelled_fmt : Str::job_failed_fmt, L),
                what.c_str(), render_message(err, L).c_str());
  return buf;
}

Tab parse_tab(const std::string& t) {
  if (t == "suggest") return Tab::suggest;
  if (t == "scenarios") return Tab::scenarios;
  if (t == "layers") return Tab::layers;
  if (t == "districts") return Tab::districts;
  return Tab::stations;
}

// Frame and edit timings on whatever is loaded (printed; not a pass/fail test): a quarter of the
// frames still, a quarter panning in a circle, a quarter zooming in and out (the scaled preview),
// a quarter zooming with every frame redrawn in full (what the frame after a zoom costs).
struct Bench {
  int frames = 0, done = 0;
  std::vector<double> ms[4];
  double t_last = 0;
  Vec2 start_centre;
  double start_scale = 0;

  int phase(int i) const { return std::min(3, 4 * i / std::max(1, frames)); }
  bool full_redraw() const { return phase(done) == 3; }
  void frame(AppState& st) {
    const double t = now_s();
    if (done > 0) ms[phase(done - 1)].push_back(1000 * (t - t_last));
    t_last = t;
    if (done == 0) start_centre = st.cam.centre, start_scale = st.cam.m_per_px;
    const double a = 2 * M_PI * done / std::max(1, frames / 4);
    if (phase(done) == 1)
      st.cam.centre = {start_centre.x + 20 * st.cam.m_per_px * std::cos(a),
                       start_centre.y + 20 * st.cam.m_per_px * std::sin(a)};
    if (phase(done) >= 2)
      st.cam.centre = start_centre, st.cam.m_per_px = start_scale * (1 + 0.3 * std::sin(a));
    ++done;
  }
  static void print_stats(const char* what, std::vector<double> v, bool fps = true) {
    if (v.empty()) return;
    std::sort(v.begin(), v.end());
    double sum = 0;
    for (double x : v) sum += x;
    char rate[32] = "";
    if (fps) std::snprintf(rate, sizeof rate, " (%5.1f fps)", 1000.0 * v.size() / sum);
    std::printf("%-26s n=%3zu  mean %6.2f ms%s  p50 %6.2f  p95 %6.2f  max %6.2f\n", what, v.size(),
                sum / v.size(), rate, v[v.size() / 2], v[v.size() * 95 / 100], v.back());
  }
};

}  // namespace

int run_app(const AppOptions& opt) {
  GlfwSession glfw;
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_STENCIL_BITS, 8);
  const bool headless = !opt.screenshot.empty() || opt.bench_frames > 0;
  glfwWindowHint(GLFW_RESIZABLE, headless ? GLFW_FALSE : GLFW_TRUE);
  GLFWwindow* win =
      glfwCreateWindow(opt.width, opt.height, tr(Str::app_title, opt.lang), nullptr, nullptr);
  if (!win) throw std::runtime_error("cannot create an OpenGL 3.3 window");
  glfwMakeContextCurrent(win);
  glfwSwapInterval(headless ? 0 : 1);
  WindowEvents events;
  glfwSetWindowUserPointer(win, &events);
  glfwSetDropCallback(win, [](GLFWwindow* w, int n, const char** paths) {
    auto* ev = static_cast<WindowEvents*>(glfwGetWindowUserPointer(w));
    for (int i = 0; i < n; ++i) ev->dropped.emplace_back(paths[i]);
  });
  glfwSetWindowCloseCallback(win, [](GLFWwindow* w) {
    // Closing asks about unsaved changes first.
    glfwSetWindowShouldClose(w, GLFW_FALSE);
    static_cast<WindowEvents*>(glfwGetWindowUserPointer(w))->close_requested = true;
  });

  AppState st;
  st.lang = opt.lang;
  st.headless = headless;
  st.new_station.info.host_type = "co-built";
  st.new_station.info.status = "planned";
  if (!opt.tab.empty()) st.tab = parse_tab(opt.tab), st.tab_forced = true;

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // same layout every start (and in screenshots)
  ImGui::StyleColorsLight();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 4;
  style.FrameRounding = 3;
  style.Colors[ImGuiCol_WindowBg].w = 1.0f;
  load_ui_font(17, {});
  ImGui_ImplGlfw_InitForOpenGL(win, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");

  // What to open, in order; each step waits for the previous one's background work.
  std::deque<std::function<void(AppState&)>> startup;
  if (!opt.session.empty())
    startup.push_back([p = opt.session](AppState& s) { open_session(s, p); });
  else if (!opt.map.empty())
    startup.push_back([p = opt.map](AppState& s) { open_map(s, p); });
  else
    startup.push_back([](AppState& s) { open_demo(s); });
  for (auto [path, crs, kind] :
       {std::tuple{&opt.stations, &opt.stations_crs, LayerKind::stations},
        std::tuple{&opt.candidates, &opt.candidates_crs, LayerKind::candidates},
        std::tuple{&opt.demand, &opt.demand_crs, LayerKind::demand}})
    if (!path->empty())
      startup.push_back([p = *path, c = *crs, k = kind](AppState& s) {
        open_layer(s, p, k, c.empty() ? std::nullopt : std::optional<std::string>(c));
      });
  // A schedule that cannot be read is an error notice in a window; headless it also exits 2 (as a
  // map or layer that cannot be opened does).
  bool mobile_failed = false;
  if (!opt.mobile_schedule.empty())
    startup.push_back([p = opt.mobile_schedule, c = opt.mobile_schedule_crs,
                       l = opt.mobile_schedule_layer, &mobile_failed, headless](AppState& s) {
      mobile_failed = !open_mobile_schedule(s, p, c, l);
      if (mobile_failed && headless && !s.notices.empty())
        std::fprintf(stderr, "%s\n", s.notices.back().text.c_str());
    });
  if (opt.from_map) {
    startup.push_back([](AppState& s) { candidates_from_map(s, 200); });
    startup.push_back([](AppState& s) { demand_from_map(s); });
  }
  if (opt.lang_given) startup.push_back([L = opt.lang](AppState& s) { s.lang = L; });
  if (!opt.districts.empty())
    startup.push_back([p = opt.districts, f = opt.district_name_field,
                       l = opt.district_level](AppState& s) {
      load_districts(s, p, f, l);
    });
  if (opt.scenario >= 0)
    startup.push_back([i = opt.scenario](AppState& s) {
      if (s.session) s.session->set_active(static_cast<size_t>(i)), s.scene_dirty = true;
    });
  if (opt.suggest_k > 0)
    startup.push_back([k = opt.suggest_k](AppState& s) {
      s.suggest.k = k;
      s.suggest.goal = 0;
      run_suggest(s);
    });
  if (opt.select >= 0)
    startup.push_back([i = opt.select](AppState& s) { s.sel.station = i, s.scene_dirty = true; });
  if (opt.compare >= 0)
    startup.push_back([i = opt.compare](AppState& s) {
      s.compare_with = i;
      s.styles[MapLayer::scenario_diff].visible = true;
      s.scene_dirty = true;
    });
  if (!opt.tab.empty())
    startup.push_back([t = parse_tab(opt.tab)](AppState& s) { s.tab = t, s.tab_forced = true; });
  // Work left by a crash is offered back (headless runs only with --recover).
  if (opt.recover_prompt) st.recovery = find_recovery(opt.session);

  // Read before the window opens: a bad script is refused at once.
  std::optional<InputScript> script;
  if (!opt.input_script.empty()) script = InputScript::load(opt.input_script);
  // A headless run asks where a CSV's coordinates come from only when a script can answer.
  st.ask_crs = !headless || script.has_value();

  bool shot_ok = false;
  int exit_code = 0;
  Bench bench;
  bench.frames = opt.bench_frames;
  const double deadline = now_s() + 600;
  {
    MapView view;
    MapInput input;
    MapScene scene;
    const RoadLines* shown_map = nullptr;
    int frames_after_load = 0, settled_frames = 0;
    double last_scale = 0, last_zoom_s = 0;
    while (!st.quit) {
      glfwPollEvents();
      if (events.close_requested) events.close_requested = false, request_quit(st);
      for (const auto& p : events.dropped) open_any(st, p);
      events.dropped.clear();

      // Background work that finished hands its result over here, on this thread.
      std::string err;
      if (JobFinish fin = st.job.collect(&err)) {
        const Message err_msg = err.empty() ? Message() : job_error(st.job);
        if (err.empty())
          fin(st);
        else
          st.notify(job_failed_text(st.job.label(), err_msg, st.lang), !is_cancelled(err_msg));
        if (!err.empty() && headless) exit_code = 2;
      }
      // A recovery offer shows over the next steps; a question about a layer's CRS holds them.
      if (!st.job.busy() && !startup.empty() && !st.crs_question) {
        auto step = std::move(startup.front());
        startup.pop_front();
        step(st);
      }
      tick_autosave(st, now_s());

      if (st.fonts_dirty) {
        // New names loaded: rebuild the font's glyphs (outside a frame, as ImGui requires).
        io.Fonts->Clear();
        load_ui_font(17, names_in(st));
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        st.fonts_dirty = false;
      }

      int ww, wh, fw, fh;
      glfwGetWindowSize(win, &ww, &wh);
      glfwGetFramebufferSize(win, &fw, &fh);
      st.cam.width_px = ww, st.cam.height_px = wh;
      st.map_x0 = st.sidebar_px;
      st.map_x1 = static_cast<float>(ww);

      ImGui_ImplOpenGL3_NewFrame();
      ImGui_ImplGlfw_NewFrame();
      // A replayed script runs on a fixed clock: ImGui times double-clicks and key repeats from
      // DeltaTime, and on a loaded machine two scripted clicks a frame apart could be 0.3 s apart
      // in wall time and no longer a double-click.
      if (script) io.DeltaTime = 1.0f / 60;
      // The script starts once the loaded map has been drawn twice (the view fitted to it).
      if (script && settled_frames >= 2 && !st.job.busy() && (startup.empty() || st.crs_question)) {
        try {
          script->apply(io, [&](int slot) -> std::optional<std::pair<float, float>> {
            const Scenario& sc = st.session->active();
            if (slot < 0 || !sc.active(static_cast<uint32_t>(slot))) return std::nullopt;
            const Vec2 p = st.cam.to_screen(sc.station(static_cast<uint32_t>(slot)).xy);
            return std::pair{static_cast<float>(p.x), static_cast<float>(p.y)};
          });
        } catch (const InputError& e) {
          std::fprintf(stderr, "%s\n", e.what());
          exit_code = 2;
          break;
        }
      }
      ImGui::NewFrame();
      st.ui_items.clear();
      draw_menu_bar(st);
      draw_status_bar(st);
      if (st.session && st.fit_requested) {
        fit_view(st, st.session->workspace().city().lines.bounds());
        st.fit_requested = false;
      }
      if (opt.bench_frames > 0 && st.session && startup.empty() && !st.job.busy()) bench.frame(st);
      input.update(st);
      draw_sidebar(st);
      draw_map_toolbar(st);
      draw_dialogs(st);

      if (st.session) {
        const RoadLines* lines = &st.session->workspace().city().lines;
        if (lines != shown_map) view.set_map(*lines), shown_map = lines;
        if (st.scene_dirty || st.session->revision() != st.scene_revision) {
          const auto t0 = Clock::now();
          build_scene(st, scene);
          st.timings.scene_ms =
              std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
          view.set_scene(scene);
          st.timings.upload_ms = view.last_set_scene_ms();
          st.timings.edit_ms = st.session->active().last_edit_ms();
          st.scene_revision = st.session->revision();
          st.scene_dirty = false;
        }
        draw_map_overlay(st, scene);
      }
      st.fps = io.Framerate;
      char title[512];
      std::snprintf(title, sizeof title, "%s%s", tr(Str::app_title, st.lang),
                    st.session && st.session->dirty() ? " *" : "");
      glfwSetWindowTitle(win, title);

      ImGui::Render();
      const ImVec4 bg(style::background.r / 255.f, style::background.g / 255.f,
                      style::background.b / 255.f, 1);
      glViewport(0, 0, fw, fh);
      glClearColor(bg.x, bg.y, bg.z, 1);
      glClear(GL_COLOR_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
      // While the view is zooming (or just zoomed), a scaled preview; the full picture once it
      // has rested for a quarter second.
      if (st.cam.m_per_px != last_scale) last_scale = st.cam.m_per_px, last_zoom_s = now_s();
      const bool preview = now_s() - last_zoom_s < 0.25 &&
                           !(opt.bench_frames > 0 && bench.full_redraw()) && opt.screenshot.empty();
      if (st.session) view.draw(st.cam, st.styles, fw, fh, preview);
      ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

      // Loaded, or waiting for the planner (the script) to answer a question about a layer.
      const bool settled = st.session && !st.job.busy() && (startup.empty() || st.crs_question);
      if (headless && settled) ++frames_after_load;
      settled_frames = settled ? settled_frames + 1 : 0;
      if (script && !script->done()) frames_after_load = 0;  // the shot shows the script's end
      if (!opt.screenshot.empty() && settled && frames_after_load >= opt.frames) {
        shot_ok = write_screenshot(opt.screenshot, fw, fh);
        if (!opt.ui_report.empty()) write_ui_report(st, opt.ui_report);
        if (!opt.save_session.empty()) {
          try {
            store_view_settings(st);
            write_session_file(opt.save_session, st.session->snapshot());
          } catch (const InputError& e) {
            std::fprintf(stderr, "%s\n", e.what());
            exit_code = 2;
          }
        }
        break;
      }
      if (opt.bench_frames > 0 && bench.done > opt.bench_frames) break;
      if (headless && now_s() > deadline) {
        std::fprintf(stderr, "yizhan gui: gave up waiting for the background work\n");
        exit_code = 1;
        break;
      }
      if (headless && !st.session && !st.job.busy() && startup.empty()) {
        // Nothing could be opened (the error is in the notices).
        for (const Notice& n : st.notices) std::fprintf(stderr, "%s\n", n.text.c_str());
        if (!opt.ui_report.empty()) write_ui_report(st, opt.ui_report);
        exit_code = 2;
        break;
      }
      glfwSwapBuffers(win);
    }
    if (opt.bench_frames > 0 && st.session) {
      glFinish();
      // What-if edits: move one station around a small loop, each edit timed end to end
      // (engine search + coverage update, scene build, GPU upload).
      Session& s = *st.session;
      Scenario& sc = s.active();
      if (sc.active_count() == 0)
        s.add_station(hand_station(st, st.session->workspace().city().bounds().centre()), "bench");
      const uint32_t slot = sc.active_slots().front();
      const Vec2 origin = sc.station(slot).xy;
      std::vector<double> engine_ms, total_ms;
      for (int i = 0; i < 100; ++i) {
        const auto t0 = Clock::now();
        const double a = 2 * M_PI * i / 100;
        s.drag_station(slot, {origin.x + 200 * std::cos(a), origin.y + 200 * std::sin(a)});
        const double e = sc.last_edit_ms();
        build_scene(st, scene);
        view.set_scene(scene);
        glFinish();
        engine_ms.push_back(e);
        total_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      }
      std::printf("map: %s  nodes %u  stations %u  workers %zu\n",
                  s.workspace().map().label().c_str(), s.workspace().city().graph.node_count(),
                  sc.active_count(), s.workspace().demand().size());
      Bench::print_stats("frames: still", bench.ms[0]);
      Bench::print_stats("frames: panning", bench.ms[1]);
      Bench::print_stats("frames: zooming (preview)", bench.ms[2]);
      Bench::print_stats("frames: full redraw", bench.ms[3]);
      Bench::print_stats("what-if edit: engine", engine_ms, false);
      Bench::print_stats("what-if edit: end to end", total_ms, false);
    }
  }
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(win);
  if (mobile_failed && headless && exit_code == 0) exit_code = 2;
  if (!opt.screenshot.empty() && !shot_ok && exit_code == 0)
    throw std::runtime_error("cannot write screenshot " + opt.screenshot);
  return exit_code;
}

}  // namespace yz::app
