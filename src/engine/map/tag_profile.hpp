#pragma once
// Walkability rules read from a JSON profile (data/walk_profile.json): which highway values are
// walkable and how foot/access tags override them.
#include <map>
#include <set>
#include <string>

#include "engine/map/road_class.hpp"

namespace yz {

// Owns its strings: callers build it from temporaries (GDAL field reads), and views into those
// dangled (ASan: stack-use-after-scope).
struct WayTags {
  std::string highway, foot, access, area;
};

enum class WalkVerdict : uint8_t { walkable, not_highway, not_walkable_class, foot_forbidden, access_forbidden };

class TagProfile {
 public:
  static TagProfile load(const std::string& path);  // throws InputError
  static TagProfile load_default();                  // data/walk_profile.json shipped with Yizhan

  WalkVerdict verdict(const WayTags& t) const;
  RoadClass road_class(std::string_view highway) const;
  bool is_area_highway(std::string_view highway) const { return area_highways_.count(std::string(highway)) > 0; }
  const std::string& path() const { return path_; }

 private:
  enum class Rule : uint8_t { yes, no, if_foot_allowed };
  struct Entry {
    Rule rule;
    RoadClass cls;
  };
  std::map<std::string, Entry, std::less<>> highway_;
  std::set<std::string, std::less<>> foot_allows_, foot_forbids_, access_forbids_, area_highways_,
      foot_overrides_access_;
  std::string path_;
};

std::string_view to_string(WalkVerdict v);

}  // namespace yz
