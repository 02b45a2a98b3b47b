// The rider-reach test (骑行可达) in `yizhan export`: the stations and demand layers' rider columns
// and the PDF's rider section carry the same figures as `yizhan coverage --rider --json` on the
// same files, under the test's own name (never as a double-15 figure).
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "support/test_data.hpp"

using namespace yz::test;

TEST_CASE("export --rider: layers and PDF equal coverage --rider", "[cli][rider][pdf]") {
  const std::string dir = temp_dir() + "/export_rider";
  std::string out;
  REQUIRE(run_command(cli_exe() + " demo-city --overwrite --out-dir " + dir, out) == 0);
  const std::string inputs = " --map " + dir + "/roads.gpkg --stations " + dir +
                             "/stations.gpkg --demand " + dir + "/demand.gpkg --rider";
  std::string cov_inputs = inputs;  // `coverage` names the stations --sites
  cov_inputs.replace(cov_inputs.find("--stations"), 10, "--sites");
  REQUIRE(run_command(cli_exe() + " coverage" + cov_inputs +
                          " --json --no-areas --overwrite --out " + dir + "/cov.gpkg",
                      out) == 0);
  const auto rj = nlohmann::json::parse(out)["rider_reach"];
  const double covered = rj["covered"];
  REQUIRE(covered > 0);
  REQUIRE(run_command(cli_exe() + " export" + inputs + " --formats gpkg,pdf --field-check none " +
                          "--lang en --overwrite --out-dir " + dir + "/out",
                      out) == 0);
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open((dir + "/out/plan.gpkg").c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  // Stations: each one's rider_workers is the CLI's per-station figure, in the same order.
  OGRLayer* st = ds->GetLayerByName("stations");
  REQUIRE(st);
  size_t i = 0;
  for (auto& f : *st) {
    REQUIRE(i < rj["stations"].size());
    CHECK(std::string(f->GetFieldAsString("site_id")) ==
          rj["stations"][i]["id"].get<std::string>());
    CHECK(f->GetFieldAsDouble("rider_workers") ==
          Approx(rj["stations"][i]["covered"].get<double>()));
    ++i;
  }
  CHECK(i == rj["stations"].size());
  // Demand: the covered points' rider weight adds up to the CLI's covered figure.
  OGRLayer* dm = ds->GetLayerByName("demand");
  REQUIRE(dm);
  double sum = 0, total = 0;
  for (auto& f : *dm) {
    total += f->GetFieldAsDouble("rider_workers");
    if (f->GetFieldAsInteger("rider_covered")) sum += f->GetFieldAsDouble("rider_workers");
  }
  CHECK(sum == Approx(covered));
  CHECK(total == Approx(rj["total"].get<double>()));
  // The PDF's section: its own name and the same covered figure.
  std::string text;
  REQUIRE(run_command("pdftotext -layout " + dir + "/out/report.pdf -", text) == 0);
  CHECK(text.find("Rider reach") != std::string::npos);
  char line[64];
  std::snprintf(line, sizeof line, "covers %.0f", covered);
  CHECK(text.find(line) != std::string::npos);
  // In Chinese: 骑行可达.
  REQUIRE(run_command(cli_exe() + " export" + inputs + " --formats pdf --field-check none " +
                          "--lang zh --overwrite --out-dir " + dir + "/out_zh",
                      out) == 0);
  REQUIRE(run_command("pdftotext -layout " + dir + "/out_zh/report.pdf -", text) == 0);
  CHECK(text.find("骑行可达") != std::string::npos);
}
