// One validator for the walking parameters (CoverageParams::validate): the command line, the
// session reader and the app refuse exactly the same out-of-range values, naming the parameter,
// and accept the same boundary values. Each front-end is driven as a user would reach it: the
// yizhan executable with the flag, a session file whose settings row holds the value, and the
// app's "apply parameters" action.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include <fmt/format.h>

#include "app/actions/app_actions.hpp"
#include "app/text/engine_messages.hpp"
#include "engine/coverage/coverage_params.hpp"
#include "engine/session/session.hpp"
#include "engine/session/session_file.hpp"
#include "engine/util/coded_error.hpp"
#include "support/test_data.hpp"

namespace {

using namespace yz;
namespace fs = std::filesystem;

struct Case {
  const char* key;   // settings key (session files, ParamError::param())
  const char* flag;  // command-line flag
  double value;
};

// Just outside each range (README "Valid ranges of numbers"), and far outside.
const Case kBad[] = {{"minutes", "--minutes", 0},       {"minutes", "--minutes", -1},
                     {"minutes", "--minutes", 240.5},   {"minutes", "--minutes", 1e9},
                     {"speed_kmh", "--speed-kmh", 0},   {"speed_kmh", "--speed-kmh", 30.5},
                     {"radius_m", "--radius-m", 0},     {"radius_m", "--radius-m", 20000.5},
                     {"max_snap_m", "--max-snap-m", 0}, {"max_snap_m", "--max-snap-m", 5000.5},
                     {"island_m", "--island-m", -1},    {"island_m", "--island-m", 100000.5}};
// The edges themselves are inside.
const Case kGood[] = {{"minutes", "--minutes", 240},     {"speed_kmh", "--speed-kmh", 30},
                      {"radius_m", "--radius-m", 20000}, {"max_snap_m", "--max-snap-m", 5000},
                      {"island_m", "--island-m", 0},     {"island_m", "--island-m", 100000}};

CoverageParams with(CoverageParams p, const Case& c) {
  const std::string k = c.key;
  (k == "minutes"      ? p.minutes
   : k == "speed_kmh"  ? p.speed_kmh
   : k == "radius_m"   ? p.radius_m
   : k == "max_snap_m" ? p.snap.max_snap_m
                       : p.snap.island_max_m) = c.value;
  return p;
}

// `yizhan coverage` with the value: exit status and what it printed. The map does not exist: the
// parameters are checked before any file is read, so a refusal names the flag, an accepted value
// gets as far as the missing map.
int cli(const Case& c, std::string& out) {
  const std::string dir = test::temp_dir();
  return test::run_command(fmt::format("{} coverage --map {}/no-map.osm --sites {}/no-sites.csv "
                                       "{} {} --out {}/out.gpkg",
                                       test::cli_exe(), dir, dir, c.flag, c.value, dir),
                           out);
}

// A saved session whose settings row holds the value.
std::string session_with(const std::string& good, const Case& c, int n) {
  const std::string p = test::temp_dir() + "/range" + std::to_string(n) + ".gpkg";
  fs::copy_file(good, p, fs::copy_options::overwrite_existing);
  std::string out;
  REQUIRE(test::run_command(fmt::format("ogrinfo -q {} -dialect sqlite -sql \"UPDATE "
                                        "yizhan_session SET value='{}' WHERE key='{}'\"",
                                        p, c.value, c.key),
                            out) == 0);
  return p;
}

}  // namespace

TEST_CASE("CLI, session files and the app refuse the same walking parameters", "[app]") {
  const std::string good = test::temp_dir() + "/good.gpkg";
  write_session_file(good, new_session(MapSource{}, CoverageParams{}, "plan").snapshot());

  app::AppState st;
  st.headless = true;
  app::open_demo(st);
  st.job.wait();
  if (app::JobFinish f = st.job.collect(nullptr)) f(st);
  REQUIRE(st.session);
  const CoverageParams now = st.session->workspace().params();

  int n = 0;
  for (const Case& c : kBad) {
    INFO(c.key << " = " << c.value);
    // The engine's one check: its message (code and arguments) is what every path reports.
    Message problem;
    try {
      with({}, c).validate();
      FAIL("validate() accepted it");
    } catch (const ParamError& e) {
      CHECK(e.param() == c.key);
      problem = problem_message(e);
    }
    REQUIRE_FALSE(problem.is_raw());
    // The command line: exit 2 naming the flag, with the same problem.
    std::string out;
    CHECK(cli(c, out) == 2);
    CHECK_THAT(out, Catch::Contains(c.flag));
    CHECK_THAT(out, Catch::Contains(render(problem, MsgLang::en)));
    // A session file: refused, naming the setting.
    const std::string path = session_with(good, c, ++n);
    try {
      read_session_file(path);
      FAIL("the session reader accepted it");
    } catch (const InputError& e) {
      CHECK_THAT(std::string(e.what()), Catch::Contains(std::string("setting '") + c.key + "'"));
      // The same code and arguments, nested as the reason.
      const Message m = problem_message(e);
      const auto why = std::find_if(m.args.begin(), m.args.end(),
                                    [](const MsgArg& a) { return a.name == "why"; });
      REQUIRE(why != m.args.end());
      REQUIRE(why->parts.size() == 1);
      CHECK(why->parts[0].code == problem.code);
      CHECK(render(why->parts[0], MsgLang::zh) == render(problem, MsgLang::zh));
    }
    // The app: no recomputation starts, an error notice names the parameter, nothing changes.
    const size_t notices = st.notices.size();
    app::apply_params(st, with(now, c));
    CHECK_FALSE(st.job.busy());
    REQUIRE(st.notices.size() >= std::min<size_t>(notices + 1, 4));
    CHECK(st.notices.back().error);
    // ... reading the same problem, by code, in the app's language.
    CHECK_THAT(st.notices.back().text, Catch::Contains(render_message(problem, st.lang)));
    CHECK(st.session->workspace().params().minutes == now.minutes);
    CHECK(st.session->workspace().params().radius_m == now.radius_m);
  }

  for (const Case& c : kGood) {
    INFO(c.key << " = " << c.value);
    CHECK_NOTHROW(with({}, c).validate());
    CHECK(with(now, c).problem().empty());  // what the app checks before it recomputes
    std::string out;
    cli(c, out);
    CHECK_THAT(out, !Catch::Contains(c.flag));  // got past the parameters to the missing map
    CHECK_THAT(out, Catch::Contains("no-map.osm"));
    const std::string path = session_with(good, c, ++n);
    CoverageParams read;
    CHECK_NOTHROW(read = read_session_file(path).params);
    CHECK(with({}, c).minutes == read.minutes);
    CHECK(with({}, c).snap.island_max_m == read.snap.island_max_m);
  }
}
