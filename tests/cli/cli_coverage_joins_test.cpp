// yizhan coverage on a real extract states how much coverage rests on the island rule: the JSON's
// "covered only through joins" figures are the difference from an `--island-m 0` run, the text
// says so, and the GeoPackage's demand fields and `joins` layer hold the same joins.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "support/test_data.hpp"

using namespace yz::test;

namespace {

// 30 stations on a 6 x 5 grid (about 280 m apart) over central Nanjing (Xinjiekou).
std::string write_stations(const std::string& dir) {
  const std::string path = dir + "/stations.csv";
  std::ofstream s(path);
  s << "id,name,lon,lat\n";
  for (int i = 0; i < 6; ++i)
    for (int j = 0; j < 5; ++j)
      s << "s" << i << j << ",驿站" << i << j << "," << 118.7700 + 0.0030 * i << ","
        << 32.0330 + 0.0030 * j << "\n";
  return path;
}

std::string run(const std::string& args) {
  std::string out;
  const int rc = run_command(cli_exe() + " coverage " + args, out);
  INFO(out);
  REQUIRE(rc == 0);
  return out;
}

}  // namespace

TEST_CASE("yizhan coverage reports what rests on joined street pieces", "[cli][coverage][joins]") {
  const std::string map =
      require_file(data_dir() + "/osm/cn_nanjing_xinjiekou.osm", "Nanjing extract");
  const std::string dir = temp_dir();
  const std::string base = "--map " + map + " --sites " + write_stations(dir) + " --no-areas";
  const auto j = nlohmann::json::parse(run(base + " --out " + dir + "/on.gpkg --json"));
  const auto j0 =
      nlohmann::json::parse(run(base + " --island-m 0 --out " + dir + "/off.gpkg --json"));
  const auto& J = j["joins"];
  std::printf(
      "nanjing, 30 grid stations: walk %.2f %% (with --island-m 0: %.2f %%), both %.2f %% "
      "(%.2f %%); covered only through joins: walk %.1f, both %.1f, either %.1f; %d "
      "pieces, %d points (%.1f), %d stations joined\n",
      j["coverage"]["walk"]["percent"].get<double>(),
      j0["coverage"]["walk"]["percent"].get<double>(),
      j["coverage"]["both"]["percent"].get<double>(),
      j0["coverage"]["both"]["percent"].get<double>(),
      j["coverage"]["walk"]["covered_only_through_joins"].get<double>(),
      j["coverage"]["both"]["covered_only_through_joins"].get<double>(),
      j["coverage"]["either"]["covered_only_through_joins"].get<double>(), J["pieces"].get<int>(),
      J["demand_points"].get<int>(), J["demand_joined"].get<double>(), J["stations"].get<int>());
  CHECK(j["parameters"]["island_max_m"].get<double>() == 1000);
  CHECK(J["pieces"].get<int>() > 0);
  CHECK(J["demand_points"].get<int>() > 0);
  CHECK(j0["joins"]["pieces"].get<int>() == 0);
  CHECK(j0["joins"]["demand_points"].get<int>() == 0);
  for (const char* c : {"walk", "radius", "both", "either"}) {
    INFO(c);
    const auto& cv = j["coverage"][c];
    const double through = cv["covered_only_through_joins"],
                 without = cv["covered_only_without_joins"];
    CHECK(cv["covered"].get<double>() - through + without ==
          Approx(j0["coverage"][c]["covered"].get<double>()));
    CHECK(cv["covered_without_joins"].get<double>() ==
          Approx(j0["coverage"][c]["covered"].get<double>()));
    CHECK(j0["coverage"][c]["covered_only_through_joins"].get<double>() == 0);
  }
  CHECK(j["coverage"]["walk"]["covered_only_through_joins"].get<double>() > 0);
  CHECK(j["coverage"]["radius"]["covered_only_through_joins"].get<double>() == 0);

  // The text names the figures.
  const std::string text = run(base + " --out " + dir + "/text.gpkg");
  CHECK(text.find("Joined street pieces (--island-m 1000") != std::string::npos);
  CHECK(text.find("covered only through a joined piece:") != std::string::npos);
  CHECK(text.find("with --island-m 0: walk") != std::string::npos);
  const std::string text0 = run(base + " --island-m 0 --out " + dir + "/text0.gpkg");
  CHECK(text0.find("Joined street pieces: none (--island-m 0") != std::string::npos);

  // The GeoPackage: demand fields and the joins layer agree with the JSON.
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open((dir + "/on.gpkg").c_str(), GDAL_OF_VECTOR));
  REQUIRE(ds);
  OGRLayer* demand = ds->GetLayerByName("demand");
  REQUIRE(demand);
  int joined = 0;
  double only_through = 0, joined_w = 0;
  for (auto& f : *demand) {
    const bool jd = f->GetFieldAsInteger("joined") == 1;
    const int extra_i = f->GetFieldIndex("extra_off_street_m");
    CHECK(f->IsFieldSetAndNotNull(extra_i) == jd);
    if (jd) {
      ++joined, joined_w += f->GetFieldAsDouble("workers");
      CHECK(f->GetFieldAsDouble(extra_i) >= 0);
    }
    if (f->GetFieldAsInteger("walk_count") > 0 &&
        f->GetFieldAsInteger("walk_count_without_joins") == 0)
      only_through += f->GetFieldAsDouble("workers");
  }
  CHECK(joined == J["demand_points"].get<int>());
  CHECK(joined_w == Approx(J["demand_joined"].get<double>()));
  CHECK(only_through == Approx(j["coverage"]["walk"]["covered_only_through_joins"].get<double>()));
  OGRLayer* joins = ds->GetLayerByName("joins");
  REQUIRE(joins);
  std::set<int> piece_ids, connected;
  int connections = 0, stations = 0;
  double through = 0;
  for (auto& f : *joins) {
    const std::string part = f->GetFieldAsString("part");
    REQUIRE(f->GetGeometryRef());
    CHECK(wkbFlatten(f->GetGeometryRef()->getGeometryType()) == wkbLineString);
    if (part == "piece") {
      piece_ids.insert(f->GetFieldAsInteger("piece_id"));
      CHECK(f->GetFieldAsDouble("piece_street_m") < 1000);
    } else {
      REQUIRE(part == "connection");
      ++connections;
      connected.insert(f->GetFieldAsInteger("piece_id"));
      stations += std::string(f->GetFieldAsString("point")) == "station";
      CHECK(f->GetFieldAsDouble("length_m") <= 250 + 1e-3);
      CHECK(f->GetFieldAsDouble("extra_off_street_m") >= 0);
      CHECK(f->GetFieldAsDouble("extra_off_street_m") <= f->GetFieldAsDouble("length_m"));
      if (std::string(f->GetFieldAsString("point")) == "demand")
        through += f->GetFieldAsDouble("walk_workers_through_join");
    }
  }
  CHECK(connections == J["demand_points"].get<int>() + J["stations"].get<int>());
  CHECK(stations == J["stations"].get<int>());
  CHECK(piece_ids == connected);
  CHECK(static_cast<int>(piece_ids.size()) == J["pieces"].get<int>());
  // Joined workers covered only through their own join; with a joined station, workers it reaches
  // only through its join add to the total.
  if (stations == 0)
    CHECK(through == Approx(only_through));
  else
    CHECK(through <= only_through + 1e-6);
}
