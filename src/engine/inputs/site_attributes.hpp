#pragma once
// What Yizhan understands about a station or candidate site: host type, size class, amenities,
// opening hours, status, capacity and cost, read from columns with English or Chinese names and
// values (名称, 类型, 共建, 已建, ...). Values are normalised to one English spelling so outputs
// and the optimiser agree; the raw columns still pass through unchanged.
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yz {

// Canonical values (empty string = not given / not recognised).
inline constexpr const char* kHostTypes[] = {"standalone", "co-built", "shared", "alliance",
                                             "mobile"};
inline constexpr const char* kSizeClasses[] = {"standard", "micro", "mobile"};
inline constexpr const char* kStatuses[] = {"built", "planned", "upgrading"};
// Amenity i is bit (1 << i) of SiteInfo::amenities. The words planners write for each are in
// data/amenity_aliases.json (extendable without a rebuild).
inline constexpr const char* kAmenities[] = {
    "water",          "toilet",         "seats",   "climate", "first_aid", "microwave",
    "phone_charging", "ebike_charging", "reading", "wifi",    "rain_gear", "repair_tools"};
inline constexpr int kAmenityCount = 12;
// What a full station offers by default (`review --wanted`, upgrade priority): the nine amenities
// of the outdoor-worker station guidance; wifi, rain gear and repair tools are read and shown but
// only ranked when asked for.
inline constexpr uint32_t kDefaultWantedAmenities = (1u << 9) - 1;
// Floor areas beyond this (m²) are not a station's; read as "not understood".
inline constexpr double kMaxStationAreaM2 = 100000;

struct SiteInfo {
  std::string host_type, size_class, status, opening_hours;
  uint32_t amenities = 0;
  double capacity = NAN, cost = NAN;  // NaN = not given (capacity: unlimited)
  double area_m2 = NAN;               // floor area; NaN = not given or not understood
  std::string category;  // candidates: POI category ("bank", ...), "grid", or the layer's own
  std::string origin;    // candidates: "layer", "osm" or "grid"
};

// "water;toilet" for the amenity bits (in kAmenities order).
std::string amenity_list(uint32_t bits);

// Value normalisation; nullopt when the text is not a known spelling.
std::optional<std::string> parse_host_type(std::string_view text);
std::optional<std::string> parse_size_class(std::string_view text);
std::optional<std::string> parse_status(std::string_view text);
// One amenity word -> the amenities it names (a bit mask: "充电" names both kinds of charging);
// nullopt when not known. Exact spellings first, then the longest Chinese spelling inside the word.
std::optional<uint32_t> parse_amenities(std::string_view text);
// One amenity word that names exactly one amenity -> its index into kAmenities.
std::optional<int> parse_amenity(std::string_view text);
// A list "饮水、厕所，充电;WiFi 雨具" (separators 、，,;；/| and spaces) -> bits; words not
// understood are appended to `unknown`. A multi-word English name ("drinking water") is tried
// whole before its words.
uint32_t parse_amenity_list(std::string_view text, std::vector<std::string>& unknown);
// "yes"/"1"/"true"/"是"/"有"/"√" -> true, "no"/"0"/"false"/"否"/"无"/"" -> false, else nullopt.
std::optional<bool> parse_flag(std::string_view text);
// A number, allowing spaces, thousands separators, a leading ¥/￥ and a trailing 元/m²/人.
// nullopt for anything else; empty text is handled by the caller (= not given).
std::optional<double> parse_number(std::string_view text);
// A floor area as planners write it: "20", "20㎡", "20 m²", "20m2", "约20平米", "15平", "20平方米",
// "二十", "二十五平米", "20平左右". nullopt unless one unambiguous number in [0,
// kMaxStationAreaM2] ("15-20平", "一间房").
std::optional<double> parse_area_m2(std::string_view text);

// Which input column feeds which attribute (-1 = none). Built once per layer from its column
// names (case-insensitive; English and Chinese aliases; explicit names win).
struct SiteColumns {
  int category = -1, host_type = -1, size_class = -1, area_m2 = -1, status = -1, opening_hours = -1,
      capacity = -1, cost = -1, amenity_list = -1;
  int amenity_flag[kAmenityCount] = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};

  // `cost_field`/`capacity_field` override the automatic choice (empty = auto); a named column
  // that does not exist is reported by the caller. `truncated[i]`: name i may be cut short (DBF
  // 10-byte names): it then also matches an alias it is the start of ("开放时" -> 开放时间).
  static SiteColumns find(const std::vector<std::string>& names, const std::string& cost_field = {},
                          const std::string& capacity_field = {},
                          const std::vector<bool>& truncated = {});
  // Points attribute `key` (category, host_type, size_class, area_m2, status, opening_hours,
  // capacity, cost, amenities, or an amenity name such as water) at column `index`; false for an
  // unknown key.
  bool assign(const std::string& key, int index);
  static std::string keys();  // the keys assign() accepts, for messages
  bool any() const;
  std::string describe(
      const std::vector<std::string>& names) const;  // "host type: 类型, cost: 成本"
};

// Reads one row. An attribute never drops a station: a value not understood (host type, size,
// area, status, amenity, capacity, cost) is left unknown (capacity unknown = unlimited) and
// described in `unrecognised` ("area '一间房'"). For a CANDIDATE (`candidate`), whose cost and
// capacity the optimiser weighs, a cost or capacity that is not a number >= 0 returns the reason
// to drop it ("non-numeric cost", "negative capacity", ...); otherwise returns "".
std::string read_site_info(const SiteColumns& c, const std::vector<std::string>& values,
                           SiteInfo& out, std::vector<std::string>& unrecognised,
                           bool candidate = false);

}  // namespace yz
