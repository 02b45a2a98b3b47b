// The PDF report's coverage-by-hour table: every hour of a weekday and a weekend day, under each
// test, read back from the PDF's text (pdftotext), equals `yizhan coverage --by-hour --json` on
// the same files (the demo city, whose stations carry opening hours).
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "support/test_data.hpp"

using namespace yz::test;

namespace {

struct Files {
  std::string dir, inputs;
};
const Files& demo_files() {
  static const Files f = [] {
    Files x;
    x.dir = temp_dir() + "/export_hours";
    std::string out;
    REQUIRE(run_command(cli_exe() + " demo-city --overwrite --out-dir " + x.dir, out) == 0);
    x.inputs = " --map " + x.dir + "/roads.gpkg --stations " + x.dir + "/stations.gpkg --demand " +
               x.dir + "/demand.gpkg";
    return x;
  }();
  return f;
}

// The by-hour JSON of `coverage --by-hour` on the demo files.
nlohmann::json coverage_by_hour(const Files& f) {
  std::string cov_inputs = f.inputs, out;  // `coverage` names the stations --sites
  cov_inputs.replace(cov_inputs.find("--stations"), 10, "--sites");
  REQUIRE(run_command(cli_exe() + " coverage" + cov_inputs +
                          " --by-hour --json --no-areas --overwrite --out " + f.dir + "/cov.gpkg",
                      out) == 0);
  return nlohmann::json::parse(out)["by_hour"];
}

// Rows "HH:00  open walk radius both either  open walk radius both either" of the PDF's text.
std::map<int, std::vector<double>> hour_rows(const std::string& text) {
  std::map<int, std::vector<double>> rows;
  const std::regex row(R"(^\s*(\d\d):00((\s+[0-9]+\.[0-9]){10})\s*$)");
  std::istringstream in(text);
  std::string line;
  std::smatch m;
  while (std::getline(in, line))
    if (std::regex_match(line, m, row)) {
      std::istringstream nums(m[2].str());
      std::vector<double> v;
      for (double x; nums >> x;) v.push_back(x);
      rows[std::stoi(m[1].str())] = v;
    }
  return rows;
}

}  // namespace

TEST_CASE("export PDF: the by-hour table equals coverage --by-hour", "[cli][hours][pdf]") {
  const Files& f = demo_files();
  const auto bh = coverage_by_hour(f);
  std::string out;
  const double total = bh["total"];
  for (const std::string lang : {"en", "zh"}) {
    INFO(lang);
    const std::string od = f.dir + "/out_" + lang;
    REQUIRE(run_command(cli_exe() + " export" + f.inputs + " --formats pdf --field-check none " +
                            "--lang " + lang + " --overwrite --out-dir " + od,
                        out) == 0);
    std::string text;
    REQUIRE(run_command("pdftotext -layout " + od + "/report.pdf -", text) == 0);
    CHECK(text.find(lang == "en" ? "Coverage by hour" : "分时段覆盖") != std::string::npos);
    const auto rows = hour_rows(text);
    REQUIRE(rows.size() == 24);
    const char* tests[] = {"walk", "radius", "both", "either"};
    for (const auto& [h, v] : rows) {
      INFO("hour " << h);
      REQUIRE(v.size() == 10);
      for (int t = 0; t < 2; ++t) {
        const auto& r = bh[t ? "weekend" : "weekday"][h];
        CHECK(v[5 * t] == Approx(r["open_stations"].get<double>()).margin(0.051));
        for (int c = 0; c < 4; ++c)
          CHECK(v[5 * t + 1 + c] ==
                Approx(100 * r["covered"][tests[c]].get<double>() / total).margin(0.051));
      }
    }
    // The worker-hours line carries the same figure as the JSON.
    const double wh = bh["worker_hours"]["needed"];
    char needed[32];
    std::snprintf(needed, sizeof needed, "%.0f", wh);
    CHECK(text.find(needed) != std::string::npos);
  }
}

TEST_CASE("export PDF: by-hour section only with hours or --by-hour", "[cli][hours][pdf]") {
  // The demo stations without their opening_hours column (ogr2ogr -select).
  const Files& f = demo_files();
  const std::string st = f.dir + "/stations_no_hours.gpkg";
  std::string out;
  REQUIRE(run_command("ogr2ogr -overwrite -select host_type,size_class " + st + " " + f.dir +
                          "/stations.gpkg",
                      out) == 0);
  const std::string inputs = " --map " + f.dir + "/roads.gpkg --stations " + st + " --demand " +
                             f.dir + "/demand.gpkg --formats pdf --field-check none --lang en " +
                             "--overwrite --out-dir " + f.dir + "/out_no_hours";
  std::string text;
  REQUIRE(run_command(cli_exe() + " export" + inputs, out) == 0);
  REQUIRE(run_command("pdftotext -layout " + f.dir + "/out_no_hours/report.pdf -", text) == 0);
  CHECK(text.find("Coverage by hour") == std::string::npos);
  // Asked for: every station counts as always open, so each hour shows all 14 open.
  REQUIRE(run_command(cli_exe() + " export" + inputs + " --by-hour", out) == 0);
  REQUIRE(run_command("pdftotext -layout " + f.dir + "/out_no_hours/report.pdf -", text) == 0);
  CHECK(text.find("Coverage by hour") != std::string::npos);
  const auto rows = hour_rows(text);
  REQUIRE(rows.size() == 24);
  for (const auto& [h, v] : rows) {
    CHECK(v[0] == 14.0);
    CHECK(v[5] == 14.0);
    CHECK(v[3] == rows.at(0)[3]);  // the same coverage every hour
  }
}

TEST_CASE("export layers: per-period columns agree with coverage --by-hour", "[cli][hours]") {
  // The demo's hours start and end on the hour, so a period's open stations are the hour's, and
  // the workers some open station reaches under both tests are the hour's covered figure.
  const Files& f = demo_files();
  const auto bh = coverage_by_hour(f);
  std::string out;
  REQUIRE(run_command(cli_exe() + " export" + f.inputs + " --formats gpkg --overwrite --out-dir " +
                          f.dir + "/out_gpkg",
                      out) == 0);
  GDALAllRegister();
  GDALDatasetUniquePtr ds(
      GDALDataset::Open((f.dir + "/out_gpkg/plan.gpkg").c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  OGRLayer* st = ds->GetLayerByName("stations");
  OGRLayer* dm = ds->GetLayerByName("demand");
  REQUIRE(st);
  REQUIRE(dm);
  const struct {
    const char* day;
    int hour;
    const char *open, *both;
  } periods[] = {
      {"weekday", 8, "open_wd_08h", "both_wd_08h"},  {"weekday", 12, "open_wd_12h", "both_wd_12h"},
      {"weekday", 18, "open_wd_18h", "both_wd_18h"}, {"weekday", 22, "open_wd_22h", "both_wd_22h"},
      {"weekend", 12, "open_we_12h", "both_we_12h"}, {"weekend", 18, "open_we_18h", "both_we_18h"}};
  for (const auto& p : periods) {
    INFO(p.open);
    int open = 0;
    st->ResetReading();
    for (auto& ft : *st) open += ft->GetFieldAsInteger(p.open);
    CHECK(open == bh[p.day][p.hour]["open_stations"].get<double>());
    double covered = 0;
    dm->ResetReading();
    const int wf = dm->GetLayerDefn()->GetFieldIndex("workers");
    REQUIRE(wf >= 0);
    for (auto& ft : *dm)
      if (ft->GetFieldAsInteger(p.both) > 0) covered += ft->GetFieldAsDouble(wf);
    CHECK(covered == Approx(bh[p.day][p.hour]["covered"]["both"].get<double>()));
  }
}
