#pragma once
// Riding rules read from a JSON profile (data/riding_profile.json): which ways a delivery rider's
// e-bike may use and in which direction (one-way streets, contraflow cycling). The riding graph
// of the rider-reach test is built from the verdicts.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace yz {

// Directions a way may be ridden, relative to its geometry (bits: 1 = along, 2 = against).
enum RideDir : uint8_t { kRideNone = 0, kRideForward = 1, kRideBackward = 2, kRideBoth = 3 };
// RoadLines produced without tags (demo city, tests): decided from the road class by the profile.
inline constexpr uint8_t kRideByClass = 0xFF;

// Owns its strings (built from GDAL field reads). Keys with ':' are read as GDAL launders them.
struct RideTags {
  std::string highway, bicycle, access, vehicle, oneway, oneway_bicycle, junction;
  std::string cycleway, cycleway_left, cycleway_right, cycleway_both;
};

class RideProfile {
 public:
  static RideProfile load(const std::string& path);  // throws InputError naming the file
  static RideProfile load_default();                 // data/riding_profile.json

  RideDir verdict(const RideTags& t) const;
  // A way known only by its highway value (e.g. "residential"): no bicycle, access or oneway tags.
  RideDir by_class(std::string_view highway) const;
  bool knows(std::string_view highway) const { return highway_.count(highway) > 0; }
  const std::string& path() const { return path_; }

 private:
  enum class Rule : uint8_t { yes, no, if_bicycle_allowed };
  std::map<std::string, Rule, std::less<>> highway_;
  std::set<std::string, std::less<>> bicycle_allows_, bicycle_forbids_, access_forbids_,
      contraflow_;
  std::map<std::string, uint8_t, std::less<>> oneway_;  // value -> RideDir (0 = closed)
  std::map<std::string, std::set<std::string, std::less<>>, std::less<>> implied_oneway_;
  std::string path_;
};

}  // namespace yz
