#include "engine/map/tag_profile.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

#include "engine/util/coded_error.hpp"
#include "engine/util/data_files.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

TagProfile TagProfile::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw CodedError(path, Msg::tag_profile_unopenable);
  nlohmann::json j;
  try {
    in >> j;
  } catch (const std::exception& e) {
    throw CodedError(path, Msg::tag_profile_not_json, {{"why", e.what()}});
  }
  TagProfile p;
  p.path_ = path;
  try {
    for (const auto& [k, v] : j.at("highway").items()) {
      const std::string rule = v.at("walk");
      Entry e{};
      if (rule == "yes")
        e.rule = Rule::yes;
      else if (rule == "no")
        e.rule = Rule::no;
      else if (rule == "if_foot_allowed")
        e.rule = Rule::if_foot_allowed;
      else
        throw CodedError(path, Msg::tag_profile_bad_walk, {{"value", k}});
      e.cls = road_class_from_string(v.value("class", "other"));
      p.highway_[k] = e;
    }
    for (const auto& s : j.value("foot_allows", nlohmann::json::array())) p.foot_allows_.insert(s.get<std::string>());
    for (const auto& s : j.value("foot_forbids", nlohmann::json::array())) p.foot_forbids_.insert(s.get<std::string>());
    for (const auto& s : j.value("access_forbids", nlohmann::json::array())) p.access_forbids_.insert(s.get<std::string>());
    for (const auto& s : j.value("area_highways", nlohmann::json::array())) p.area_highways_.insert(s.get<std::string>());
    // Only an explicit right of way opens a way closed by access=no/private; foot=permissive
    // (the owner tolerates walkers) does not. Profiles without the key get that default.
    if (j.contains("foot_overrides_access"))
      for (const auto& s : j.at("foot_overrides_access")) p.foot_overrides_access_.insert(s.get<std::string>());
    else
      p.foot_overrides_access_ = {"yes", "designated"};
  } catch (const InputError&) {
    throw;
  } catch (const std::exception& e) {
    throw CodedError(path, Msg::tag_profile_bad, {{"why", e.what()}});
  }
  if (p.highway_.empty()) throw CodedError(path, Msg::tag_profile_empty);
  return p;
}

TagProfile TagProfile::load_default() { return load(data_file("walk_profile.json")); }

WalkVerdict TagProfile::verdict(const WayTags& t) const {
  if (t.highway.empty()) return WalkVerdict::not_highway;
  auto it = highway_.find(t.highway);
  if (it == highway_.end() || it->second.rule == Rule::no) {
    // An explicit foot=yes does not make a motorway walkable, but it does open unknown classes.
    if (it == highway_.end() && foot_allows_.count(t.foot)) return WalkVerdict::walkable;
    return WalkVerdict::not_walkable_class;
  }
  const bool foot_ok = foot_allows_.count(t.foot) > 0;
  if (foot_forbids_.count(t.foot)) return WalkVerdict::foot_forbidden;
  if (it->second.rule == Rule::if_foot_allowed && !foot_ok) return WalkVerdict::foot_forbidden;
  if (access_forbids_.count(t.access) && !foot_overrides_access_.count(t.foot))
    return WalkVerdict::access_forbidden;
  return WalkVerdict::walkable;
}

RoadClass TagProfile::road_class(std::string_view highway) const {
  auto it = highway_.find(highway);
  return it == highway_.end() ? RoadClass::other : it->second.cls;
}

std::string_view to_string(WalkVerdict v) {
  switch (v) {
    case WalkVerdict::walkable: return "walkable";
    case WalkVerdict::not_highway: return "not a road";
    case WalkVerdict::not_walkable_class: return "road class not walkable (e.g. motorway)";
    case WalkVerdict::foot_forbidden: return "foot=no or trunk road without foot access";
    case WalkVerdict::access_forbidden: return "access=no/private";
  }
  return "?";
}

}  // namespace yz
