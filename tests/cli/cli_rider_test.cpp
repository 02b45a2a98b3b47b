// `yizhan coverage --rider` and `yizhan suggest --criterion rider` end to end on a hand-written
// map: a two-way street (x 0..1000 m) continued by a ONE-WAY street (1000..2000 m, eastbound).
// Riders on the one-way street cannot ride back west, so the rider test and the walk test disagree
// in a way computed here by hand. Bad rider options exit 2 naming the option.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/osm_xml.hpp"
#include "support/test_data.hpp"

using namespace yz::test;

namespace {

constexpr double kLon0 = 113.93, kLat0 = 22.53;
double lon_at(double x) {
  return kLon0 + x / (111320.0 * std::cos(kLat0 * kDeg));
}
double lat_at(double y) {
  return kLat0 + y / 110574.0;
}

struct Files {
  std::string dir, map, stations, demand, candidates;
};

Files write_files() {
  Files f;
  f.dir = temp_dir();
  OsmXml osm;
  for (int i = 0; i < 3; ++i) osm.node(i + 1, lon_at(1000.0 * i), lat_at(0));
  osm.way(1, {1, 2}, {{"highway", "residential"}});
  osm.way(2, {2, 3}, {{"highway", "residential"}, {"oneway", "yes"}});
  f.map = osm.write(f.dir + "/oneway.osm");
  auto pt = [](double x, double y) {
    char b[64];
    std::snprintf(b, sizeof b, "%.8f,%.8f", lon_at(x), lat_at(y));
    return std::string(b);
  };
  f.stations = f.dir + "/stations.csv";
  std::ofstream(f.stations) << "id,name,lon,lat\ns1,junction," << pt(1000, 20) << "\n";
  // As `yizhan demand` writes it: total weight, one column per component, the main component.
  f.demand = f.dir + "/demand.csv";
  std::ofstream(f.demand) << "id,lon,lat,weight,riders,sanitation,component\n"
                          << "r1," << pt(300, 5) << ",3,2,1,riders\n"
                          << "r2," << pt(1500, 5) << ",4,4,0,riders\n"
                          << "r3," << pt(1900, 5) << ",1,1,0,riders\n";
  f.candidates = f.dir + "/cand.csv";
  std::ofstream(f.candidates) << "id,name,lon,lat\nc1,junction," << pt(1000, 20) << "\nc2,east end,"
                              << pt(1950, 20) << "\nc3,west," << pt(100, 20) << "\n";
  return f;
}

nlohmann::json run_json(const std::string& cmd) {
  std::string out;
  const int rc = run_command(cli_exe() + " " + cmd + " --json --overwrite", out);
  INFO(out);
  REQUIRE(rc == 0);
  return nlohmann::json::parse(out);
}

}  // namespace

TEST_CASE("coverage --rider: its own figures, one-way streets respected", "[cli][rider]") {
  const Files f = write_files();
  const std::string base = "coverage --map " + f.map + " --sites " + f.stations + " --demand " +
                           f.demand + " --out " + f.dir + "/cov.gpkg";
  const auto j = run_json(base + " --rider");
  REQUIRE(j.contains("rider_reach"));
  const auto& r = j["rider_reach"];
  CHECK(r["name_zh"] == "骑行可达");
  CHECK(r["ride_m"].get<double>() == Approx(1250));
  CHECK(r["total"].get<double>() == Approx(7));  // riders: 2 + 4 + 1
  // r1 rides 700 m east to the junction; r2 and r3 are on the eastbound one-way street.
  CHECK(r["covered"].get<double>() == Approx(2));
  CHECK(r["network"]["one_way_edges"].get<int>() == 1);
  // The walk test is untouched by the rider options: all three within a 15-minute walk.
  const auto plain = run_json(base);
  CHECK(!plain.contains("rider_reach"));
  CHECK(plain.dump().find("骑行") == std::string::npos);
  // Counting every worker: r1's 3 out of 8.
  const auto all = run_json(base + " --rider-demand all");
  CHECK(all["rider_reach"]["total"].get<double>() == Approx(8));
  CHECK(all["rider_reach"]["covered"].get<double>() == Approx(3));
  // A longer park walk does not help against a one-way street.
  CHECK(run_json(base + " --park-walk-m 300")["rider_reach"]["covered"].get<double>() == Approx(2));
  // The demand layer carries the rider columns.
  GDALAllRegister();
  auto* ds = static_cast<GDALDataset*>(
      GDALOpenEx((f.dir + "/cov.gpkg").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
  REQUIRE(ds);
  OGRLayer* dem = ds->GetLayerByName("demand");
  REQUIRE(dem);
  REQUIRE(dem->GetLayerDefn()->GetFieldIndex("rider_covered") >= 0);
  int covered = 0;
  for (auto& ft : *dem) covered += ft->GetFieldAsInteger("rider_covered");
  CHECK(covered == 1);
  GDALClose(ds);
  // Text output names the test and never calls it double 15.
  std::string out;
  REQUIRE(run_command(cli_exe() + " " + base + " --rider --overwrite", out) == 0);
  CHECK(out.find("Rider reach (骑行可达") != std::string::npos);
}

TEST_CASE("suggest --criterion rider picks the station riders can reach", "[cli][rider]") {
  const Files f = write_files();
  const std::string base = "suggest --map " + f.map + " --candidates " + f.candidates +
                           " --demand " + f.demand + " --out " + f.dir + "/plan.gpkg --k 1";
  // On foot the junction reaches everyone (8 workers); riders on the one-way street reach only
  // the east end (r2 rides 450 m, r3 50 m: 5 riders) — the junction would serve r1's 2.
  const auto walk = run_json(base + " --criterion walk");
  CHECK(walk["sites"][0]["id"] == "c1");
  const auto ride = run_json(base + " --criterion rider");
  CHECK(ride["criterion"] == "rider");
  CHECK(ride["sites"][0]["id"] == "c2");
  CHECK(ride["after"]["covered"].get<double>() == Approx(5));
  CHECK(ride["after"]["total"].get<double>() == Approx(7));
}

TEST_CASE("bad rider options exit 2 naming the option", "[cli][rider]") {
  const Files f = write_files();
  const std::string base = cli_exe() + " coverage --map " + f.map + " --sites " + f.stations +
                           " --demand " + f.demand + " --out " + f.dir + "/bad.gpkg --overwrite";
  std::string out;
  CHECK(run_command(base + " --ride-kmh 0", out) == 2);
  CHECK(out.find("--ride-kmh") != std::string::npos);
  CHECK(run_command(base + " --ride-min 500", out) == 2);
  CHECK(out.find("--ride-min") != std::string::npos);
  CHECK(run_command(base + " --park-walk-m -5", out) == 2);
  CHECK(out.find("--park-walk-m") != std::string::npos);
  CHECK(run_command(base + " --rider-demand couriers", out) == 2);
  CHECK(out.find("--rider-demand") != std::string::npos);
  CHECK(out.find("couriers") != std::string::npos);
  CHECK(run_command(base + " --rider --ride-profile " + f.dir + "/missing.json", out) == 2);
  CHECK(out.find("missing.json") != std::string::npos);
}
