// Issue 10: an Amap CSV opened in the desktop app landed ~550 m off without a word. A point file
// that records no CRS (CSV, spreadsheets) is now asked about (WGS-84 / GCJ-02 / BD-09 / EPSG
// code), or given one with --stations-crs; the answer is kept in the session and shown in the
// Layers tab. The inputs: the demo city's stations written as a CSV in WGS-84, and the same
// stations shifted to GCJ-02 and BD-09 with the project's converter (what copying them from Amap
// or Baidu gives). Truth: `yizhan coverage` on the WGS-84 CSV, an independent run of the CLI.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "engine/geo/china_coords.hpp"
#include "engine/inputs/demo_city.hpp"
#include "support/gui_shot.hpp"
#include "support/test_data.hpp"

namespace {

using namespace yz;
using test::Shot;

struct Files {
  std::string dir, roads, gpkg_stations, wgs, gcj, bd;
};

void write_csv(const std::string& path, const PointSet& ps, WebDatum datum) {
  std::ofstream out(path);
  out << "id,name,lon,lat\n";
  for (size_t i = 0; i < ps.size(); ++i) {
    const Vec2 p = from_wgs84(ps.lonlat[i], datum);
    char row[160];
    std::snprintf(row, sizeof row, "%s,%s,%.9f,%.9f\n", ps.id[i].c_str(), ps.name[i].c_str(), p.x,
                  p.y);
    out << row;
  }
}

const Files& files() {
  static const Files f = [] {
    Files f;
    f.dir = test::temp_dir() + "/city";
    std::string out;
    REQUIRE(test::run_command(test::cli_exe() + " demo-city --out-dir " + f.dir, out) == 0);
    f.roads = f.dir + "/roads.gpkg";
    f.gpkg_stations = f.dir + "/stations.gpkg";  // written with EPSG:4326 recorded
    const DemoCity demo = generate_demo_city(DemoCitySettings::load_default());
    f.wgs = f.dir + "/stations_wgs84.csv";
    f.gcj = f.dir + "/stations_amap.csv";
    f.bd = f.dir + "/stations_baidu.csv";
    write_csv(f.wgs, demo.stations, WebDatum::wgs84);
    write_csv(f.gcj, demo.stations, WebDatum::gcj02);
    write_csv(f.bd, demo.stations, WebDatum::bd09);
    return f;
  }();
  return f;
}

// Walk coverage by the CLI, each CSV read as WGS-84.
double cli_walk_percent(const std::string& sites) {
  std::string out;
  const std::string cmd = test::cli_exe() + " coverage --map " + files().roads + " --sites " +
                          sites + " --no-areas --json --overwrite --out " + test::temp_dir() + "/cov.gpkg";
  REQUIRE(test::run_command(cmd, out) == 0);
  return nlohmann::json::parse(out.substr(out.find('{')))["coverage"]["walk"]["percent"];
}

double truth() {
  static const double t = cli_walk_percent(files().wgs);
  return t;
}

Shot run_app(const std::string& args, const std::string& name, const std::string& steps = "") {
  std::string a = "--map " + files().roads + " " + args;
  if (!steps.empty()) {
    const std::string path = test::temp_dir() + "/" + name + ".steps";
    std::ofstream(path) << steps;
    a += " --input-script " + path;
  }
  Shot sh = test::gui_shot(a + " --frames 2", name);
  INFO(sh.output);
  REQUIRE(sh.rc == 0);
  return sh;
}

bool asked(const Shot& sh) {
  return sh.report["windows"].contains("layer_crs");
}

// Where to click an item of the question (its centre), from a run that showed it.
std::string click_on(const Shot& sh, const char* item) {
  REQUIRE(sh.report.contains("items"));
  REQUIRE(sh.report["items"].contains(item));
  const auto r = sh.report["items"][item];
  return "click " + std::to_string(static_cast<int>(r[0].get<double>() + r[2].get<double>() / 2)) +
         " " + std::to_string(static_cast<int>(r[1].get<double>() + r[3].get<double>() / 2)) + "\n";
}

// Station positions (map metres) a run reports, by slot.
std::vector<Vec2> stations_xy(const Shot& sh) {
  std::vector<Vec2> out;
  for (const auto& p : sh.report["station_xy"]) out.push_back({p[0], p[1]});
  return out;
}

// The WGS-84 original as the app reads it: the GeoPackage (it records EPSG:4326).
const Shot& original() {
  static const Shot s = run_app("--stations " + files().gpkg_stations, "crs_original");
  return s;
}

// Each station's distance from where the original puts it: {min, max}.
std::pair<double, double> offsets(const Shot& sh) {
  const auto a = stations_xy(original()), b = stations_xy(sh);
  REQUIRE(a.size() == 14);
  REQUIRE(b.size() == a.size());
  double lo = 1e18, hi = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    lo = std::min(lo, distance(a[i], b[i]));
    hi = std::max(hi, distance(a[i], b[i]));
  }
  return {lo, hi};
}

}  // namespace

TEST_CASE("the failure: the Amap CSV read as WGS-84 puts every station ~500 m off", "[app][crs]") {
  const double shifted = cli_walk_percent(files().gcj);
  Shot sh = run_app("--stations " + files().gcj, "crs_as_wgs84");
  const auto [lo, hi] = offsets(sh);
  INFO("WGS-84 original " << truth() << " %, Amap copy read as WGS-84 " << shifted << " %; "
                          << "stations " << lo << "-" << hi << " m off");
  CHECK(lo > 300);
  CHECK(hi < 800);
  CHECK(std::abs(truth() - shifted) > 1.0);
  CHECK(sh.report["percent"]["walk"].get<double>() == Approx(shifted).epsilon(1e-9));
  WARN("demo city: WGS-84 original " << truth() << " % walk; Amap copy read as WGS-84 " << shifted
                                     << " %; stations " << lo << "-" << hi << " m off");
}

TEST_CASE("given --stations-crs gcj02 / bd09, the app shows the figures of the WGS-84 original",
          "[app][crs]") {
  for (auto [csv, crs, shown] : {std::tuple{files().gcj, "gcj02", "GCJ-02 → WGS-84"},
                                 std::tuple{files().bd, "bd09", "BD-09 → WGS-84"}}) {
    INFO(crs);
    Shot sh = run_app("--stations " + csv + " --stations-crs " + crs + " --tab layers",
                      std::string("crs_flag_") + crs);
    CHECK_FALSE(asked(sh));
    CHECK(sh.report["stations"] == 14);
    CHECK(sh.report["percent"]["walk"].get<double>() == Approx(truth()).epsilon(1e-9));
    CHECK(sh.report["layers"]["stations"]["path"] == csv);
    CHECK(sh.report["layers"]["stations"]["crs"] == crs);
    CHECK(sh.report["layers"]["stations"]["shown"] == shown);
    CHECK(offsets(sh).second < 0.01);  // where the original is, to the centimetre
  }
}

TEST_CASE("a headless run with a CSV and no CRS option reads WGS-84 and says so", "[app][crs]") {
  Shot sh = run_app("--stations " + files().gcj, "crs_headless_default");
  CHECK_FALSE(asked(sh));
  CHECK(sh.report["stations"] == 14);
  CHECK(sh.report["percent"]["walk"].get<double>() ==
        Approx(cli_walk_percent(files().gcj)).epsilon(1e-9));
  CHECK(sh.report["layers"]["stations"]["crs"] == "wgs84");
  bool said = false;
  for (const auto& n : sh.report["notices"]) {
    const std::string t = n["text"];
    said |= t.find("stations_amap.csv records no coordinate system") != std::string::npos &&
            t.find("--stations-crs gcj02") != std::string::npos;
  }
  CHECK(said);
}

// The question shown and waiting (nothing read yet): where its buttons are.
const Shot& question() {
  static const Shot ask = run_app("--stations " + files().gcj, "crs_ask", "wait 3\n");
  return ask;
}

TEST_CASE("the app asks where a CSV's coordinates come from; the GCJ-02 answer reads it right",
          "[app][crs]") {
  const Shot& ask = question();
  REQUIRE(asked(ask));
  CHECK(ask.report["stations"] == 0);
  for (const char* item : {"crs_wgs84", "crs_gcj02", "crs_bd09", "crs_epsg_open", "crs_cancel"})
    CHECK(ask.report["items"].contains(item));

  const std::string saved = test::temp_dir() + "/answered.yizhan.gpkg";
  std::remove(saved.c_str());
  Shot sh = run_app("--stations " + files().gcj + " --tab layers --save " + saved, "crs_answer_gcj",
                    click_on(ask, "crs_gcj02") + "wait 2\n");
  CHECK_FALSE(asked(sh));
  CHECK(sh.report["stations"] == 14);
  CHECK(sh.report["percent"]["walk"].get<double>() == Approx(truth()).epsilon(1e-9));
  CHECK(sh.report["layers"]["stations"]["crs"] == "gcj02");
  CHECK(sh.report["layers"]["stations"]["shown"] == "GCJ-02 → WGS-84");
  CHECK(offsets(sh).second < 0.01);

  // The answer survives save and reopen.
  Shot re = test::gui_shot("--session " + saved + " --tab layers --frames 2", "crs_reopened");
  INFO(re.output);
  REQUIRE(re.rc == 0);
  CHECK_FALSE(asked(re));
  CHECK(re.report["stations"] == 14);
  CHECK(re.report["percent"]["walk"].get<double>() == Approx(truth()).epsilon(1e-9));
  CHECK(re.report["layers"]["stations"]["path"] == files().gcj);
  CHECK(re.report["layers"]["stations"]["crs"] == "gcj02");
  CHECK(re.report["layers"]["stations"]["shown"] == "GCJ-02 → WGS-84");
}

TEST_CASE("Cancel in the question reads nothing", "[app][crs]") {
  Shot c = run_app("--stations " + files().gcj, "crs_cancel",
                   click_on(question(), "crs_cancel") + "wait 2\n");
  CHECK_FALSE(asked(c));
  CHECK(c.report["stations"] == 0);
  CHECK(c.report["layers"]["stations"]["path"] == "");
}

TEST_CASE("the question in Chinese", "[app][crs]") {
  Shot zh = run_app("--stations " + files().gcj + " --lang zh", "crs_ask_zh", "wait 3\n");
  REQUIRE(asked(zh));
  CHECK(zh.report["lang"] == "zh");
  // Every choice fits inside the dialog.
  const auto w = zh.report["windows"]["layer_crs"];
  for (const char* item : {"crs_wgs84", "crs_gcj02", "crs_bd09", "crs_epsg_open", "crs_cancel"}) {
    INFO(item);
    const auto r = zh.report["items"][item];
    CHECK(r[0].get<double>() >= w[0].get<double>());
    CHECK(r[0].get<double>() + r[2].get<double>() <= w[0].get<double>() + w[2].get<double>());
  }
}

TEST_CASE("an EPSG code typed in the question is used", "[app][crs]") {
  const Shot& ask = question();
  REQUIRE(asked(ask));
  Shot sh = run_app("--stations " + files().gcj, "crs_answer_epsg",
                    click_on(ask, "crs_epsg_field") + "type 4326\n" +
                        click_on(ask, "crs_epsg_open") + "wait 2\n");
  CHECK_FALSE(asked(sh));
  CHECK(sh.report["layers"]["stations"]["crs"] == "EPSG:4326");
  CHECK(sh.report["layers"]["stations"]["shown"] == "WGS-84");
  CHECK(sh.report["percent"]["walk"].get<double>() ==
        Approx(cli_walk_percent(files().gcj)).epsilon(1e-9));
}

TEST_CASE("a GeoPackage recording EPSG:4326 opens without the question", "[app][crs]") {
  Shot sh =
      run_app("--stations " + files().gpkg_stations + " --tab layers", "crs_gpkg", "wait 3\n");
  CHECK_FALSE(asked(sh));
  CHECK(sh.report["stations"] == 14);
  CHECK(sh.report["percent"]["walk"].get<double>() == Approx(truth()).epsilon(1e-9));
  CHECK(sh.report["layers"]["stations"]["crs"] == "");
  CHECK(sh.report["layers"]["stations"]["shown"] == "WGS-84");
}

TEST_CASE("Read again as... in the Layers tab re-reads a layer with another answer, undoably",
          "[app][crs]") {
  const std::string base = "--stations " + files().gcj + " --stations-crs wgs84 --tab layers";
  Shot before = run_app(base, "crs_reread_before");
  CHECK(before.report["layers"]["stations"]["crs"] == "wgs84");
  // The question for the same file is laid out as the one from the command line.
  Shot sh = run_app(base, "crs_reread",
                    click_on(before, "crs_reread_stations") + "wait 2\n" +
                        click_on(question(), "crs_gcj02") + "wait 2\n");
  CHECK_FALSE(asked(sh));
  CHECK(sh.report["layers"]["stations"]["crs"] == "gcj02");
  CHECK(sh.report["percent"]["walk"].get<double>() == Approx(truth()).epsilon(1e-9));
  CHECK(offsets(sh).second < 0.01);
  CHECK(sh.report["undo_steps"].get<int>() == before.report["undo_steps"].get<int>() + 1);
}
