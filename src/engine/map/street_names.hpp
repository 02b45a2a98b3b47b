#pragma once
// Names a person can find a point by: the nearest named street, the nearest crossing of that
// street with another named street ("路口"), and the nearest address (addr:street +
// addr:housenumber). From the map's own name tags; for field-check sheets and for naming
// generated candidate sites ("学清路 / 清华东路口 附近" instead of "grid-68").
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/map/road_lines.hpp"

namespace yz {

struct PlaceNames {
  std::string street, street_en;  // nearest named street ("" = none within reach)
  double street_m = 0;            // distance to it (metres)
  std::string cross, cross_en;    // the nearest named street crossing `street` ("" = none)
  double cross_m = 0;             // distance from the point to that crossing
  Vec2 crossing;                  // the crossing (metric)
  std::string address;            // "中山路 88号" / "88 Zhongshan Rd" as tagged ("" = none)
  double address_m = 0;
};

struct PlaceNameReach {
  double street_m = 300;  // a named street farther than this is not "the street it is on"
  double cross_m = 800;   // crossing of that street farther than this is not named
  double address_m = 60;  // an address farther than this is not the site's
};

class StreetNames {
 public:
  // Indexes the named lines, their crossings and the addresses of `lines` (kept by reference).
  explicit StreetNames(const RoadLines& lines, double cell_m = 100);
  PlaceNames near(Vec2 xy, const PlaceNameReach& reach = {}) const;
  size_t named_lines() const { return named_lines_; }
  size_t crossings() const { return junctions_.size(); }

 private:
  struct Junction {
    Vec2 p;
    uint32_t a, b;  // name ids, a < b
  };
  int64_t key(int64_t cx, int64_t cy) const { return cx * 4000037 + cy; }
  int64_t cell(double v) const { return static_cast<int64_t>(std::floor(v / cell_m_)); }
  const RoadLines& lines_;
  double cell_m_;
  size_t named_lines_ = 0;
  std::vector<std::string> names_, names_en_;  // by name id
  std::vector<uint32_t> seg_name_;             // per point index k (segment k..k+1): name id
  std::unordered_map<int64_t, std::vector<uint32_t>> seg_cells_;  // segments' first points
  std::vector<Junction> junctions_;
  std::unordered_map<int64_t, std::vector<uint32_t>> junction_cells_;  // junction indices
  std::unordered_map<int64_t, std::vector<uint32_t>> address_cells_;   // address indices
};

// Text for the point: zh (or a map whose names are Chinese) "学清路 / 清华东路口 附近",
// "学清路 附近"; en "near Xueqing Rd / Qinghua E Rd" (name:en where tagged). "" without a street.
std::string place_label(const PlaceNames& p, bool english);
// True when `s` holds CJK ideographs (then street names are written the Chinese way).
bool has_cjk(const std::string& s);

}  // namespace yz
