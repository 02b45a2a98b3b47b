// yizhan gui: the desktop app (map, coverage panels, what-if editing); --screenshot renders a few
// frames to a PNG and exits (for tests and docs; run under xvfb-run without a display).
#ifdef YIZHAN_WITH_APP
#include <memory>

#include "app/app_window.hpp"
#include "cli/cli_common.hpp"
#include "engine/inputs/point_reader.hpp"
#include "engine/inputs/street_length_demand.hpp"
#include "engine/map/demo_city.hpp"

namespace yz::cli {
namespace {

struct GuiCommand {
  MapOptions map;
  std::string sites, demand, screenshot, lang = "en";
  int frames = 5;

  int run() {
    if (lang != "en" && lang != "zh") throw InputError("--lang", "use en or zh");
    if (frames < 1) throw InputError("--frames", "must be at least 1");
    if (!sites.empty() && map.map.empty()) throw InputError("--sites", "give --map with --sites");
    const Progress progress = terminal_progress();
    app::AppInputs in;
    if (map.map.empty()) {
      DemoCity demo = generate_demo_city(DemoCitySettings::load_default());
      // new + prvalue: built in place (the snapper refers to the graph, so no move).
      in.city.reset(new CityNetwork(city_from_lines(std::move(demo.lines), progress)));
      in.stations = std::move(demo.stations);
      in.demand = std::move(demo.demand);
    } else {
      in.city.reset(new CityNetwork(map.open(progress)));
      DropReport drop;
      if (!sites.empty())
        in.stations = read_points(sites, in.city->projection(), in.city->bounds(),
                                  PointReadOptions{}, drop, "sites");
      if (demand.empty()) {
        in.demand = street_length_demand(*in.city);
        in.demand_is_proxy = true;
      } else {
        DropReport ddrop;
        in.demand = read_points(demand, in.city->projection(), in.city->bounds(),
                                PointReadOptions{}, ddrop, "demand points");
      }
    }
    app::AppOptions opt;
    opt.screenshot = screenshot;
    opt.frames = frames;
    opt.lang = lang == "zh" ? app::Lang::zh : app::Lang::en;
    return app::run_app(std::move(in), opt);
  }
};

const RegisterCommand reg("gui", [](CLI::App& app, std::function<int()>& run) {
  auto cmd = std::make_shared<GuiCommand>();
  auto* sub = app.add_subcommand(
      "gui", "Desktop app: map, coverage, stations and what-if editing (demo city without --map)");
  cmd->map.add(*sub, false);
  sub->add_option("--sites", cmd->sites,
                  "Stations: points in any GDAL vector format, or CSV with lon/lat (WGS-84)");
  sub->add_option("--demand", cmd->demand,
                  "Outdoor-worker demand points; default: street-length proxy");
  sub->add_option("--screenshot", cmd->screenshot,
                  "Render --frames frames, save this PNG and exit");
  sub->add_option("--frames", cmd->frames, "Frames to render before the screenshot")
      ->capture_default_str();
  sub->add_option("--lang", cmd->lang, "UI language: en or zh")->capture_default_str();
  sub->callback([cmd, &run] { run = [cmd] { return cmd->run(); }; });
});

}  // namespace
}  // namespace yz::cli
#endif  // YIZHAN_WITH_APP
