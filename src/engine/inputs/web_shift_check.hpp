#pragma once
// Spots coordinates read in the wrong web-map datum. Points copied from Amap/Tencent (GCJ-02) or
// Baidu (BD-09) but read as WGS-84 land 300-600 m off, silently: stations and candidates sit by a
// street, so the reading whose points lie much nearer the walkable streets is the right one. For
// the points inside China, each reading (WGS-84, GCJ-02, BD-09) is scored by the distances from
// its points to the nearest walkable street; a reading whose median is several times smaller
// than that of the reading used (and smaller by a clear margin) is reported.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/geo/china_coords.hpp"
#include "engine/network/city_network.hpp"

namespace yz {

struct ShiftReading {
  WebDatum datum = WebDatum::wgs84;
  double median_m = 0;           // distance to the nearest walkable street
  double low_m = 0, high_m = 0;  // 10th and 90th percentiles
};

struct ShiftCheckOptions {
  uint32_t min_points = 5;  // fewer points inside China: no verdict (3 fit a grid by chance)
  double ratio = 3;         // the better reading's median is at most 1/ratio of the used one's
  double min_gain_m = 8;    // ... and smaller by at least this many metres
  double cap_m = 2000;      // distances are measured up to this
};

struct ShiftCheck {
  uint32_t points = 0;  // points inside China compared (0: not checked)
  WebDatum read_as = WebDatum::wgs84;
  std::vector<ShiftReading> readings;  // WGS-84, GCJ-02, BD-09 (empty when not checked)
  std::optional<WebDatum> better;      // a reading fitting clearly better than `read_as`
  // When `better`: "9 stations are 2–7 m from a street if read as GCJ-02 but 180–560 m if read as
  // WGS-84: these look like Amap/Tencent (GCJ-02) coordinates". Front-ends add how to fix it.
  std::string message;
  const ShiftReading* reading(WebDatum d) const;
};

// `lonlat`: the points as converted to WGS-84 after reading them as `read_as`; `what` names them
// in the message ("stations").
ShiftCheck detect_web_shift(const std::vector<Vec2>& lonlat, WebDatum read_as,
                            const CityNetwork& city, const std::string& what,
                            const ShiftCheckOptions& opt = {});

}  // namespace yz
