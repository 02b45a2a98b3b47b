// The coverage curve of `yizhan suggest` on the demo city: each point equals a separate
// `suggest --k j` run (j = 1..5); the printed summary marks stations adding less than --min-gain
// and says when demand is the street-length proxy; a bad --min-gain exits 2 naming the option.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support/test_data.hpp"

using namespace yz::test;

namespace {

std::string demo_base(const std::string& dir) {
  std::string out;
  REQUIRE(run_command(cli_exe() + " demo-city --overwrite --out-dir " + dir, out) == 0);
  return "--map " + dir + "/roads.gpkg --stations " + dir + "/stations.gpkg --candidates " + dir +
         "/candidates.gpkg --out " + dir + "/plan.gpkg --overwrite";
}

nlohmann::json run_json(const std::string& args) {
  std::string out;
  const int rc = run_command(cli_exe() + " suggest " + args + " --json", out);
  INFO(out);
  REQUIRE(rc == 0);
  return nlohmann::json::parse(out.substr(out.find('{')));
}

}  // namespace

TEST_CASE("the coverage curve equals separate runs with k = 1..5 on the demo city",
          "[cli][curve]") {
  const std::string dir = temp_dir();
  const std::string base = demo_base(dir) + " --demand " + dir + "/demand.gpkg";
  const auto j = run_json(base + " --k 5");
  const auto& pts = j["coverage_curve"]["points"];
  REQUIRE(pts.size() == 6);
  CHECK(pts[0]["covered"].get<double>() == Approx(j["before"]["covered"].get<double>()));
  CHECK(pts[5]["covered"].get<double>() == Approx(j["objective"].get<double>()));
  for (int k = 1; k <= 4; ++k) {
    INFO("k = " << k);
    const auto sep = run_json(base + " --k " + std::to_string(k));
    CHECK(pts[k]["covered"].get<double>() == Approx(sep["objective"].get<double>()));
    CHECK(pts[k]["bound"].get<double>() == Approx(sep["bound"].get<double>()));
    CHECK(pts[k]["new_stations"].get<int>() == sep["new_stations"].get<int>());
  }
  // Flags agree with the curve: a site is flagged iff its rank is at or past the knee, or it
  // adds less than the threshold itself.
  const double min_gain = j["coverage_curve"]["min_gain_workers"];
  CHECK(min_gain == Approx(0.005 * j["before"]["total"].get<double>()));
  const auto knee = j["coverage_curve"]["knee"];
  for (const auto& s : j["sites"]) {
    const bool past = !knee.is_null() && s["rank"].get<int>() >= knee.get<int>();
    CHECK(s["adds_little"].get<bool>() == (past || s["gain"].get<double>() < min_gain));
  }
  // A threshold above the fifth station's gain flags it, and the text says so.
  const double fifth = pts[5]["added"];
  std::string out;
  REQUIRE(run_command(cli_exe() + " suggest " + base + " --k 5 --min-gain " +
                          std::to_string(static_cast<int>(fifth) + 1),
                      out) == 0);
  INFO(out);
  CHECK_THAT(out, Catch::Contains("(adds almost nothing)"));
  CHECK_THAT(out, Catch::Contains("Coverage curve (workers covered"));
  CHECK_THAT(out, !Catch::Contains("street-length"));
}

TEST_CASE("street-length demand is labelled an estimate in the suggest summary", "[cli][curve]") {
  const std::string dir = temp_dir();
  std::string out;
  REQUIRE(run_command(cli_exe() + " suggest " + demo_base(dir) + " --k 2", out) == 0);
  INFO(out);
  CHECK_THAT(out, Catch::Contains("estimated workers (street-length proxy): "));
  CHECK_THAT(out, Catch::Contains("not a head count"));
  const auto j = run_json(demo_base(dir) + " --k 2");
  CHECK(j["demand_is_proxy"].get<bool>());
}

TEST_CASE("a bad --min-gain exits 2 naming the option", "[cli][curve]") {
  const std::string dir = temp_dir();
  std::string out;
  CHECK(run_command(cli_exe() + " suggest " + demo_base(dir) + " --k 2 --min-gain lots", out) == 2);
  CHECK_THAT(out, Catch::Contains("--min-gain"));
  CHECK_THAT(out, Catch::Contains("'lots' is not a number"));
}
