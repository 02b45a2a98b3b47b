// yizhan review end to end on a real extract: the rankings come out sorted and consistent
// (priority = workers served x amenities missing, amenities read from a list column and from
// yes/no columns), relocations add up, the GeoPackage holds the same rows, bad options exit 2.
#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "support/test_data.hpp"

using namespace yz::test;

namespace {

// Stations with amenities two ways: a list column, and yes/no columns (饮水 = water, 厕所 =
// toilet). Candidates on a grid in central Nanjing (Xinjiekou).
void write_points(const std::string& dir) {
  std::ofstream s(dir + "/st.csv"), c(dir + "/cand.csv");
  s << "id,lon,lat,amenities,饮水,厕所\n";
  s << "s1,118.7750,32.0390,water;seats;first_aid,,\n";  // missing 6 of 9
  s << "s2,118.7800,32.0420,,是,否\n";                   // water only: missing 8
  s << "s3,118.7840,32.0450,water;toilet;seats;climate;first_aid;microwave;phone_charging;"
       "ebike_charging;reading,,\n";        // complete: missing 0
  s << "s4,118.7770,32.0470,toilet,是,\n";  // toilet + water: missing 7
  c << "id,lon,lat\n";
  int n = 0;
  for (int i = 0; i < 7; ++i)
    for (int j = 0; j < 5; ++j)
      c << "c" << n++ << "," << 118.7745 + 0.0022 * i << "," << 32.0380 + 0.0022 * j << "\n";
}

}  // namespace

TEST_CASE("yizhan review ranks the existing stations", "[cli][review]") {
  const std::string map =
      require_file(data_dir() + "/osm/cn_nanjing_xinjiekou.osm", "Nanjing extract");
  const std::string dir = temp_dir();
  write_points(dir);
  const std::string base = "--map " + map + " --stations " + dir + "/st.csv";
  std::string out;
  const int rc = run_command(cli_exe() + " review " + base + " --candidates " + dir +
                                 "/cand.csv --out " + dir + "/review.gpkg --json",
                             out);
  INFO(out);
  REQUIRE(rc == 0);
  const auto j = nlohmann::json::parse(out);
  const std::map<std::string, unsigned> missing{{"s1", 6}, {"s2", 8}, {"s3", 0}, {"s4", 7}};
  REQUIRE(j["upgrade_priority"].size() == 4);
  double last = 1e300;
  for (const auto& u : j["upgrade_priority"]) {
    const std::string id = u["id"];
    REQUIRE(u["missing"].get<unsigned>() == missing.at(id));
    REQUIRE(u["priority"].get<double>() == Approx(u["served"].get<double>() * missing.at(id)));
    REQUIRE(u["priority"].get<double>() <= last + 1e-9);  // upgrade first at the top
    last = u["priority"].get<double>();
  }
  REQUIRE(j["least_useful"].size() == 4);
  last = -1;
  for (const auto& c : j["least_useful"]) {
    REQUIRE(c["lost"].get<double>() >= last);
    REQUIRE(c["lost"].get<double>() <= c["covers"].get<double>() + 1e-9);
    last = c["lost"].get<double>();
  }
  REQUIRE(j["relocation"].size() == 4);
  for (const auto& m : j["relocation"])
    REQUIRE(m["net"].get<double>() == Approx(m["gained"].get<double>() - m["lost"].get<double>()));
  // The GeoPackage holds the same rankings.
  GDALAllRegister();
  auto* ds = static_cast<GDALDataset*>(
      GDALOpenEx((dir + "/review.gpkg").c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
  REQUIRE(ds);
  OGRLayer* up = ds->GetLayerByName("upgrade_priority");
  REQUIRE(up);
  int rank = 0;
  for (auto& f : *up) {
    REQUIRE(f->GetFieldAsInteger("rank") == ++rank);
    REQUIRE(j["upgrade_priority"][rank - 1]["id"] == f->GetFieldAsString("site_id"));
  }
  REQUIRE(rank == 4);
  REQUIRE(ds->GetLayerByName("least_useful")->GetFeatureCount() == 4);
  REQUIRE(ds->GetLayerByName("relocation"));
  GDALClose(ds);
  // Printed form, and a narrower set of wanted amenities.
  REQUIRE(run_command(cli_exe() + " review " + base + " --wanted water,toilet", out) == 0);
  REQUIRE(out.find("Upgrade first") != std::string::npos);
  REQUIRE(out.find("no --candidates") != std::string::npos);
  REQUIRE(run_command(cli_exe() + " review " + base + " --wanted water,toilet --json", out) == 0);
  const auto k = nlohmann::json::parse(out);
  for (const auto& u : k["upgrade_priority"]) {
    const std::string id = u["id"];
    const unsigned want = id == "s1" ? 1 : id == "s2" ? 1 : 0;  // s1 lacks a toilet, s2 too
    REQUIRE(u["missing"].get<unsigned>() == want);
  }
  REQUIRE(run_command(cli_exe() + " review " + base + " --wanted water,sauna", out) == 2);
  REQUIRE(out.find("sauna") != std::string::npos);
}
