#pragma once
// Tiny hand-written OpenStreetMap XML files for tests, and the independent geodesy the tests check
// lengths against (WGS-84 ellipsoid, textbook formulas; nothing from the engine).
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

namespace yz::test {

using Tags = std::vector<std::pair<std::string, std::string>>;

class OsmXml {
 public:
  // Nodes are written in the order they are added (tests choose ascending or not).
  void node(int64_t id, double lon, double lat) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "  <node id=\"%lld\" lat=\"%.9f\" lon=\"%.9f\"/>\n",
                  static_cast<long long>(id), lat, lon);
    nodes_ += buf;
  }
  void way(int64_t id, const std::vector<int64_t>& refs, const Tags& tags) {
    ways_ += "  <way id=\"" + std::to_string(id) + "\">\n";
    for (auto r : refs) ways_ += "    <nd ref=\"" + std::to_string(r) + "\"/>\n";
    for (const auto& [k, v] : tags) ways_ += "    <tag k=\"" + k + "\" v=\"" + v + "\"/>\n";
    ways_ += "  </way>\n";
  }
  std::string xml() const {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\" "
           "generator=\"yizhan-test\">\n" +
           nodes_ + ways_ + "</osm>\n";
  }
  std::string write(const std::string& path) const {
    std::ofstream(path, std::ios::binary) << xml();
    return path;
  }

 private:
  std::string nodes_, ways_;
};

// WGS-84.
inline constexpr double kA = 6378137.0, kF = 1 / 298.257223563, kE2 = kF * (2 - kF);
inline constexpr double kDeg = 3.14159265358979323846 / 180.0;

// Ellipsoidal distance between two nearby points (mid-latitude radii of curvature: meridional M
// and prime vertical N). Exact to well under a millimetre for the ~1 km lines the tests use.
inline double geodesic_m(double lon1, double lat1, double lon2, double lat2) {
  const double phi = 0.5 * (lat1 + lat2) * kDeg;
  const double s2 = std::sin(phi) * std::sin(phi);
  const double M = kA * (1 - kE2) / std::pow(1 - kE2 * s2, 1.5);
  const double N = kA / std::sqrt(1 - kE2 * s2);
  return std::hypot(M * (lat2 - lat1) * kDeg, N * std::cos(phi) * (lon2 - lon1) * kDeg);
}

// Point scale factor of transverse Mercator (UTM: k0 = 0.9996) at lon/lat, for central meridian
// lon0 (series to fourth order in the longitude difference; textbook, e.g. Snyder 1987, eq. 8-11).
inline double utm_scale(double lon, double lat, double lon0) {
  const double phi = lat * kDeg, L = (lon - lon0) * kDeg * std::cos(phi);
  const double ep2 = kE2 / (1 - kE2), c = ep2 * std::cos(phi) * std::cos(phi),
               t = std::tan(phi) * std::tan(phi);
  return 0.9996 * (1 + (1 + c) * L * L / 2 +
                   (5 - 4 * t + 42 * c + 13 * c * c - 28 * ep2) * std::pow(L, 4) / 24);
}

inline double utm_central_meridian(int zone) {
  return -183.0 + 6.0 * zone;
}

}  // namespace yz::test
