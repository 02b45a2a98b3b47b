// yizhan suggest end to end on a real extract: the plan respects k and the budget, existing
// stations are never suggested, the JSON agrees with the GeoPackage, and an impossible target
// is reported with what can be reached.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "support/test_data.hpp"

using namespace yz::test;

namespace {

// Candidates and stations on a fixed grid inside central Nanjing (Xinjiekou).
void write_points(const std::string& dir) {
  std::ofstream c(dir + "/cand.csv"), s(dir + "/st.csv");
  c << "id,name,lon,lat,cost\n";
  s << "id,name,lon,lat\n";
  int n = 0;
  for (int i = 0; i < 8; ++i)
    for (int j = 0; j < 6; ++j, ++n) {
      const double lon = 118.7745 + 0.0022 * i, lat = 32.0380 + 0.0022 * j;
      if (n % 12 == 5)
        s << "s" << n << ",驿站" << n << "," << lon << "," << lat << "\n";
      else
        c << "c" << n << ",候选" << n << "," << lon << "," << lat << "," << 1 + n % 4 << "\n";
    }
}

nlohmann::json run_json(const std::string& args) {
  std::string out;
  const int rc = run_command(cli_exe() + " suggest " + args + " --json --overwrite", out);
  INFO(out);
  REQUIRE(rc == 0);
  return nlohmann::json::parse(out);
}

}  // namespace

TEST_CASE("yizhan suggest on a real extract", "[cli][suggest]") {
  const std::string map =
      require_file(data_dir() + "/osm/cn_nanjing_xinjiekou.osm", "Nanjing extract");
  const std::string dir = temp_dir();
  write_points(dir);
  const std::string base = "--map " + map + " --stations " + dir + "/st.csv --candidates " + dir +
                           "/cand.csv --out " + dir + "/plan.gpkg";
  SECTION("k new stations") {
    const auto j = run_json(base + " --k 4");
    REQUIRE(j["sites"].size() == 4);
    std::set<std::string> ids;
    for (const auto& s : j["sites"]) {
      const std::string id = s["id"];
      REQUIRE(id[0] == 'c');  // never an existing station
      ids.insert(id);
      REQUIRE(s["alternatives"].size() == 3);
    }
    REQUIRE(ids.size() == 4);
    REQUIRE(j["after"]["covered"].get<double>() >= j["before"]["covered"].get<double>());
    REQUIRE(j["objective"].get<double>() <= j["bound"].get<double>() + 1e-6);
    // The GeoPackage holds the same sites in rank order.
    GDALAllRegister();
    auto* ds = static_cast<GDALDataset*>(
        GDALOpenEx((dir + "/plan.gpkg").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName("suggested");
    REQUIRE(layer);
    int rank = 0;
    for (auto& f : *layer) {
      ++rank;
      REQUIRE(f->GetFieldAsInteger("rank") == rank);
      REQUIRE(j["sites"][rank - 1]["id"] == f->GetFieldAsString("site_id"));
    }
    REQUIRE(rank == 4);
    GDALClose(ds);
  }
  SECTION("budget") {
    const auto j = run_json(base + " --budget 5 --criterion walk");
    REQUIRE(j["cost"].get<double>() <= 5 + 1e-9);
  }
  SECTION("unreachable target") {
    const auto j = run_json(base + " --target 1.0");
    REQUIRE_FALSE(j["feasible"].get<bool>());
    REQUIRE(j["message"].get<std::string>().find("cannot be reached") != std::string::npos);
  }
  SECTION("bad options") {
    std::string out;
    REQUIRE(run_command(cli_exe() + " suggest " + base + " --k 3 --budget 2", out) == 2);
    REQUIRE(run_command(cli_exe() + " suggest " + base + " --k 3 --criterion foot", out) == 2);
  }
  SECTION("--target takes a fraction or an explicit percentage, nothing ambiguous") {
    std::string out;
    REQUIRE(run_command(cli_exe() + " suggest " + base + " --target 1.5", out) == 2);
    REQUIRE(out.find("ambiguous") != std::string::npos);
    REQUIRE(out.find("90%") != std::string::npos);  // says what to write instead
    REQUIRE(run_command(cli_exe() + " suggest " + base + " --target 90", out) == 2);
    REQUIRE(run_command(cli_exe() + " suggest " + base + " --target 150%", out) == 2);
    REQUIRE(run_command(cli_exe() + " suggest " + base + " --target 0", out) == 2);
    REQUIRE(run_command(cli_exe() + " suggest " + base + " --target abc", out) == 2);
    const auto a = run_json(base + " --target 0.5");
    const auto b = run_json(base + " --target 50%");
    REQUIRE(a["feasible"].get<bool>());
    REQUIRE(a["sites"] == b["sites"]);
    REQUIRE(a["after"]["covered"].get<double>() >= 0.5 * a["after"]["total"].get<double>() - 1e-6);
  }
  SECTION("walking spacing") {
    const auto j = run_json(base + " --k 4 --spacing-walk-m 500");
    REQUIRE(j["walk_spacing_pairs"].get<int>() > 0);
    REQUIRE(j["sites"].size() <= 4);
    std::string out;
    REQUIRE(run_command(cli_exe() + " suggest " + base + " --k 4 --spacing-walk-m -5", out) == 2);
  }
  SECTION("plan.gpkg ranks the existing stations (least useful, upgrade first)") {
    run_json(base + " --k 3");
    GDALAllRegister();
    auto* ds = static_cast<GDALDataset*>(
        GDALOpenEx((dir + "/plan.gpkg").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    REQUIRE(ds);
    for (const char* name : {"least_useful", "upgrade_priority", "relocation"})
      REQUIRE(ds->GetLayerByName(name));
    REQUIRE(ds->GetLayerByName("least_useful")->GetFeatureCount() == 4);  // s5, s17, s29, s41
    REQUIRE(ds->GetLayerByName("upgrade_priority")->GetFeatureCount() == 4);
    double last = -1;
    for (auto& f : *ds->GetLayerByName("least_useful")) {
      REQUIRE(f->GetFieldAsDouble("lost") >= last);  // least useful first
      last = f->GetFieldAsDouble("lost");
    }
    GDALClose(ds);
  }
}

TEST_CASE("suggest --capacity-field: stations without the column count as unlimited",
          "[cli][suggest]") {
  const std::string map =
      require_file(data_dir() + "/osm/cn_nanjing_xinjiekou.osm", "Nanjing extract");
  const std::string dir = temp_dir();
  write_points(dir);
  {
    // Candidates with a capacity column; the stations file has none.
    std::ifstream in(dir + "/cand.csv");
    std::ofstream c(dir + "/cand_cap.csv");
    std::string line;
    std::getline(in, line);
    c << line << ",capacity\n";
    for (int i = 0; std::getline(in, line); ++i) c << line << "," << 200 + 50 * (i % 3) << "\n";
  }
  const std::string base = "--map " + map + " --stations " + dir + "/st.csv --candidates " + dir +
                           "/cand_cap.csv --out " + dir + "/plan.gpkg --capacity-field capacity";
  const auto j = run_json(base + " --k 3 --time-limit 5");
  REQUIRE(j["sites"].size() == 3);
  bool noted = false;
  for (const auto& n : j["notes"])
    noted |= n.get<std::string>().find("unlimited") != std::string::npos;
  REQUIRE(noted);
  REQUIRE(j["objective"].get<double>() <= j["bound"].get<double>() + 1e-6);
  // The candidates' capacities apply: a station serves at most 300 workers.
  for (const auto& s : j["sites"]) REQUIRE(s["gain"].get<double>() <= 300 + 1e-6);
  // A column missing from the candidates is still an error.
  std::string out;
  REQUIRE(run_command(cli_exe() + " suggest --map " + map + " --stations " + dir +
                          "/st.csv --candidates " + dir + "/cand.csv --out " + dir +
                          "/p2.gpkg --k 3 --capacity-field capacity",
                      out) == 2);
}
