#include "app/text/strings.hpp"

#include <array>

#include "app/text/engine_messages.hpp"
#include "engine/session/plan_station.hpp"

namespace yz::app {
namespace {

struct Entry {
  const char* en;
  const char* zh;
};

constexpr std::array<Entry, static_cast<size_t>(Str::count)> kTable = {{
#define X(id, en, zh) {en, zh},
#include "app/text/strings.def"
#undef X
}};

}  // namespace

const char* tr(Str s, Lang lang) {
  const Entry& e = kTable[static_cast<size_t>(s)];
  return lang == Lang::zh ? e.zh : e.en;
}

std::vector<std::string> all_strings() {
  std::vector<std::string> out;
  for (const Entry& e : kTable) out.emplace_back(e.en), out.emplace_back(e.zh);
  // Text the UI writes itself: numbers, units, arrows and marks.
  out.emplace_back("English 中文 EN 0123456789.,%:;()[]-+±→Δ·× kmhs ✓ ©");
  for (std::string& m : message_strings()) out.push_back(std::move(m));  // translated engine messages
  return out;
}

Str host_str(const std::string& v) {
  if (v == "standalone") return Str::host_standalone;
  if (v == "co-built") return Str::host_co_built;
  if (v == "shared") return Str::host_shared;
  if (v == "alliance") return Str::host_alliance;
  if (v == "mobile") return Str::host_mobile;
  return Str::unknown;
}

Str size_str(const std::string& v) {
  if (v == "standard") return Str::size_standard;
  if (v == "micro") return Str::size_micro;
  if (v == "mobile") return Str::size_mobile;
  return Str::unknown;
}

Str status_str(const std::string& v) {
  if (v == "built") return Str::status_built;
  if (v == "planned") return Str::status_planned;
  if (v == "upgrading") return Str::status_upgrading;
  return Str::unknown;
}

Str origin_str(const std::string& v) {
  if (v == kOriginAdded) return Str::origin_added;
  if (v == kOriginSuggested) return Str::origin_suggested;
  return Str::origin_existing;
}

Str amenity_str(int i) {
  static constexpr Str s[] = {
      Str::amenity_water,   Str::amenity_toilet,    Str::amenity_seats,
      Str::amenity_climate, Str::amenity_first_aid, Str::amenity_microwave,
      Str::amenity_phone,   Str::amenity_ebike,     Str::amenity_reading,
      Str::amenity_wifi,    Str::amenity_rain_gear, Str::amenity_repair_tools};
  static_assert(sizeof s / sizeof s[0] == kAmenityCount);
  return i >= 0 && i < kAmenityCount ? s[i] : Str::unknown;
}

Str criterion_str(Criterion c) {
  switch (c) {
    case Criterion::walk:
      return Str::walk;
    case Criterion::radius:
      return Str::radius;
    case Criterion::both:
      return Str::both;
    case Criterion::either:
      return Str::either;
  }
  return Str::walk;
}

Str layer_str(MapLayer l) {
  static constexpr Str s[] = {
      Str::layer_areas,      Str::layer_streets,      Str::layer_density, Str::layer_demand_points,
      Str::layer_uncovered,  Str::layer_disagreement, Str::layer_joins,   Str::layer_walk_areas,
      Str::layer_circles,    Str::layer_candidates,   Str::layer_diff,    Str::layer_stations,
      Str::layer_suggestions};
  static_assert(sizeof s / sizeof s[0] == kMapLayerCount);
  return s[static_cast<int>(l)];
}

}  // namespace yz::app
