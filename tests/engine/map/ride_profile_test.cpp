// The riding profile (data/riding_profile.json): which ways an e-bike may use and in which
// direction, table-driven over the tag combinations OpenStreetMap uses for one-way streets,
// contraflow cycling, footways and access restrictions. Expected verdicts are OSM's documented
// meanings, written out by hand.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "engine/map/ride_profile.hpp"
#include "engine/util/error.hpp"

using namespace yz;

namespace {
struct Row {
  RideTags tags;
  RideDir expected;
  const char* why;
};

RideTags hw(std::string h) {
  RideTags t;
  t.highway = std::move(h);
  return t;
}
RideTags with(RideTags t, std::string RideTags::*field, std::string v) {
  t.*field = std::move(v);
  return t;
}
}  // namespace

TEST_CASE("riding verdicts for one-way, contraflow, footway and access tags", "[ride]") {
  const RideProfile p = RideProfile::load_default();
  const RideTags one_way = with(hw("residential"), &RideTags::oneway, "yes");
  const std::vector<Row> rows{
      {hw("residential"), kRideBoth, "plain street"},
      {hw("primary"), kRideBoth, "main road (non-motor lane)"},
      {hw("cycleway"), kRideBoth, "cycleway"},
      {one_way, kRideForward, "oneway=yes"},
      {with(hw("residential"), &RideTags::oneway, "1"), kRideForward, "oneway=1"},
      {with(hw("residential"), &RideTags::oneway, "-1"), kRideBackward, "oneway=-1"},
      {with(hw("residential"), &RideTags::oneway, "no"), kRideBoth, "oneway=no"},
      {with(hw("residential"), &RideTags::oneway, "reversible"), kRideNone, "reversible"},
      {with(hw("residential"), &RideTags::junction, "roundabout"), kRideForward, "roundabout"},
      {with(with(hw("residential"), &RideTags::junction, "roundabout"), &RideTags::oneway, "no"),
       kRideBoth, "roundabout tagged oneway=no"},
      {with(one_way, &RideTags::oneway_bicycle, "no"), kRideBoth, "oneway:bicycle=no"},
      {with(hw("residential"), &RideTags::oneway_bicycle, "yes"), kRideForward,
       "one-way for bicycles only"},
      {with(one_way, &RideTags::cycleway, "opposite"), kRideBoth, "cycleway=opposite"},
      {with(one_way, &RideTags::cycleway, "opposite_lane"), kRideBoth, "cycleway=opposite_lane"},
      {with(one_way, &RideTags::cycleway_left, "opposite_lane"), kRideBoth,
       "cycleway:left=opposite_lane"},
      {with(one_way, &RideTags::cycleway_right, "opposite_track"), kRideBoth,
       "cycleway:right=opposite_track"},
      {with(one_way, &RideTags::cycleway_both, "opposite_lane"), kRideBoth,
       "cycleway:both=opposite_lane"},
      {with(one_way, &RideTags::cycleway, "lane"), kRideForward, "a lane with the traffic only"},
      {with(with(hw("residential"), &RideTags::oneway, "-1"), &RideTags::oneway_bicycle, "no"),
       kRideBoth, "reverse one-way, contraflow for bicycles"},
      {hw("footway"), kRideNone, "footway"},
      {with(hw("footway"), &RideTags::bicycle, "yes"), kRideBoth, "footway bicycle=yes"},
      {with(hw("footway"), &RideTags::bicycle, "designated"), kRideBoth,
       "footway bicycle=designated"},
      {with(hw("footway"), &RideTags::bicycle, "permissive"), kRideNone,
       "footway bicycle=permissive (only yes/designated open footways)"},
      {hw("steps"), kRideNone, "steps"},
      {with(hw("steps"), &RideTags::bicycle, "yes"), kRideBoth, "steps bicycle=yes"},
      {hw("pedestrian"), kRideNone, "pedestrian street"},
      {with(hw("pedestrian"), &RideTags::bicycle, "yes"), kRideBoth, "pedestrian bicycle=yes"},
      {hw("motorway"), kRideNone, "motorway"},
      {with(hw("motorway"), &RideTags::bicycle, "yes"), kRideNone, "motorway stays closed"},
      {hw("trunk"), kRideNone, "trunk (expressway)"},
      {with(hw("trunk"), &RideTags::bicycle, "yes"), kRideBoth, "trunk bicycle=yes"},
      {with(hw("primary"), &RideTags::bicycle, "no"), kRideNone, "bicycle=no"},
      {with(hw("primary"), &RideTags::bicycle, "dismount"), kRideNone, "bicycle=dismount"},
      {with(hw("primary"), &RideTags::bicycle, "use_sidepath"), kRideNone, "use the cycleway"},
      {with(hw("service"), &RideTags::access, "private"), kRideNone, "access=private"},
      {with(with(hw("service"), &RideTags::access, "private"), &RideTags::bicycle, "yes"),
       kRideBoth, "access=private bicycle=yes"},
      {with(hw("service"), &RideTags::vehicle, "no"), kRideNone, "vehicle=no"},
      {with(hw("service"), &RideTags::access, "destination"), kRideBoth, "access=destination"},
      {hw("corridor"), kRideNone, "indoor corridor"},
      {hw("made_up_class"), kRideNone, "unknown class"},
      {with(hw("made_up_class"), &RideTags::bicycle, "yes"), kRideBoth,
       "unknown class with bicycle=yes"},
      {RideTags{}, kRideNone, "not a road"},
      {with(hw("cycleway"), &RideTags::oneway, "yes"), kRideForward, "one-way cycle track"},
      // Geofabrik shapefile codes.
      {with(hw("residential"), &RideTags::oneway, "F"), kRideForward, "Geofabrik F"},
      {with(hw("residential"), &RideTags::oneway, "T"), kRideBackward, "Geofabrik T"},
      {with(hw("residential"), &RideTags::oneway, "B"), kRideBoth, "Geofabrik B"},
  };
  for (const Row& r : rows) {
    INFO(r.why);
    CHECK(static_cast<int>(p.verdict(r.tags)) == static_cast<int>(r.expected));
  }
  CHECK(p.by_class("residential") == kRideBoth);
  CHECK(p.by_class("footway") == kRideNone);
}

TEST_CASE("a broken riding profile names the file", "[ride]") {
  const auto dir = std::filesystem::temp_directory_path() / "yizhan_ride_profile_test";
  std::filesystem::create_directories(dir);
  const std::string bad = (dir / "bad.json").string();
  std::ofstream(bad) << R"({"highway": {"residential": "sometimes"}})";
  try {
    RideProfile::load(bad);
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.source() == bad);
    CHECK(std::string(e.what()).find("residential") != std::string::npos);
  }
  const std::string not_json = (dir / "not.json").string();
  std::ofstream(not_json) << "{";
  CHECK_THROWS_AS(RideProfile::load(not_json), InputError);
  CHECK_THROWS_AS(RideProfile::load((dir / "missing.json").string()), InputError);
}
