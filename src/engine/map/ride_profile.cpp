#include "engine/map/ride_profile.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

#include "engine/util/coded_error.hpp"
#include "engine/util/data_files.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

RideProfile RideProfile::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw CodedError(path, Msg::ride_profile_unopenable);
  nlohmann::json j;
  try {
    in >> j;
  } catch (const std::exception& e) {
    throw CodedError(path, Msg::ride_profile_not_json, {{"why", e.what()}});
  }
  RideProfile p;
  p.path_ = path;
  auto strings = [&](const char* key, std::set<std::string, std::less<>>& out) {
    for (const auto& s : j.value(key, nlohmann::json::array())) out.insert(s.get<std::string>());
  };
  try {
    for (const auto& [k, v] : j.at("highway").items()) {
      const std::string rule = v.get<std::string>();
      if (rule == "yes")
        p.highway_[k] = Rule::yes;
      else if (rule == "no")
        p.highway_[k] = Rule::no;
      else if (rule == "if_bicycle_allowed")
        p.highway_[k] = Rule::if_bicycle_allowed;
      else
        throw CodedError(path, Msg::ride_profile_bad_highway, {{"value", k}});
    }
    strings("bicycle_allows", p.bicycle_allows_);
    strings("bicycle_forbids", p.bicycle_forbids_);
    strings("access_forbids", p.access_forbids_);
    strings("contraflow", p.contraflow_);
    // Named: a temporary's items() would dangle in the range-for (before C++23).
    const nlohmann::json oneway = j.value("oneway", nlohmann::json::object());
    const nlohmann::json implied = j.value("implied_oneway", nlohmann::json::object());
    for (const auto& [k, v] : oneway.items()) {
      const std::string d = v.get<std::string>();
      if (d == "forward")
        p.oneway_[k] = kRideForward;
      else if (d == "backward")
        p.oneway_[k] = kRideBackward;
      else if (d == "both")
        p.oneway_[k] = kRideBoth;
      else if (d == "closed")
        p.oneway_[k] = kRideNone;
      else
        throw CodedError(path, Msg::ride_profile_bad_oneway, {{"value", k}});
    }
    for (const auto& [k, v] : implied.items())
      for (const auto& s : v) p.implied_oneway_[k].insert(s.get<std::string>());
  } catch (const InputError&) {
    throw;
  } catch (const std::exception& e) {
    throw CodedError(path, Msg::ride_profile_bad, {{"why", e.what()}});
  }
  if (p.highway_.empty()) throw CodedError(path, Msg::ride_profile_empty);
  return p;
}

RideProfile RideProfile::load_default() {
  return load(data_file("riding_profile.json"));
}

RideDir RideProfile::by_class(std::string_view highway) const {
  RideTags t;
  t.highway = std::string(highway);
  return verdict(t);
}

RideDir RideProfile::verdict(const RideTags& t) const {
  if (t.highway.empty()) return kRideNone;
  const bool bike_ok = bicycle_allows_.count(t.bicycle) > 0;
  auto it = highway_.find(t.highway);
  // An explicit bicycle=yes opens an unknown class, never a motorway.
  if (it == highway_.end() ? !bike_ok : it->second == Rule::no) return kRideNone;
  if (bicycle_forbids_.count(t.bicycle)) return kRideNone;
  if (it != highway_.end() && it->second == Rule::if_bicycle_allowed && !bike_ok) return kRideNone;
  if ((access_forbids_.count(t.access) || access_forbids_.count(t.vehicle)) && !bike_ok)
    return kRideNone;
  auto dir_of = [&](const std::string& v, uint8_t& out) {
    auto o = oneway_.find(v);
    if (o == oneway_.end()) return false;
    out = o->second;
    return true;
  };
  uint8_t dir = kRideBoth;
  if (!dir_of(t.oneway, dir)) {
    auto im = implied_oneway_.find("junction");
    if (im != implied_oneway_.end() && im->second.count(t.junction)) dir = kRideForward;
  }
  if (dir == kRideNone) return kRideNone;  // reversible: direction changes by the hour
  uint8_t bike_dir;
  if (!t.oneway_bicycle.empty() && dir_of(t.oneway_bicycle, bike_dir)) return RideDir(bike_dir);
  if (dir != kRideBoth)
    for (const std::string* c :
         {&t.cycleway, &t.cycleway_left, &t.cycleway_right, &t.cycleway_both})
      if (contraflow_.count(*c)) return kRideBoth;
  return RideDir(dir);
}

}  // namespace yz
