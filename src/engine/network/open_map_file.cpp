#include "engine/network/open_map_file.hpp"

#include "engine/geo/china_coords.hpp"
#include "engine/map/tag_profile.hpp"
#include "engine/util/error.hpp"

namespace yz {

CityNetwork open_map_file(const MapSource& src, const Progress& progress) {
  if (const auto d = parse_web_datum(src.crs); d && *d != WebDatum::wgs84)
    throw InputError("--crs",
                     "is the metric CRS computations run in; for points copied from "
                     "Chinese web maps give each point input its own CRS option, e.g. "
                     "--stations-crs " +
                         src.crs +
                         " (also --candidates-crs, --sites-crs, --demand-crs, "
                         "--layer-crs, --exclude-crs)");
  const TagProfile prof =
      src.profile.empty() ? TagProfile::load_default() : TagProfile::load(src.profile);
  MapLoadOptions o;
  o.crs = src.crs;
  o.class_field = src.class_field;
  o.layer = src.layer;
  o.ride_profile = src.ride_profile;
  return open_city(src.path, prof, o, progress);
}

}  // namespace yz
