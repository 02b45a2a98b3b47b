#include "engine/geo/china_coords.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

namespace yz {
namespace {

constexpr double kPi = 3.14159265358979323846;
// The Krasovsky 1940 ellipsoid the GCJ-02 formulas are written for.
constexpr double kA = 6378245.0;
constexpr double kEe = 0.00669342162296594323;
constexpr double kBdPi = kPi * 3000.0 / 180.0;

// The published GCJ-02 offset polynomials, in metres-like units on (lon - 105, lat - 35).
double offset_lat(double x, double y) {
  double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
  r += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
  return r;
}

double offset_lon(double x, double y) {
  double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
  r += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
  return r;
}

// Solves forward(p) == target for p by fixed-point iteration: the offsets vary slowly (their
// derivative is far below 1), so p <- p + (target - forward(p)) converges in a handful of steps.
template <class Forward>
Vec2 invert(Vec2 target, Forward forward) {
  Vec2 p = target;
  for (int i = 0; i < 30; ++i) {
    const Vec2 f = forward(p);
    const Vec2 d{target.x - f.x, target.y - f.y};
    p.x += d.x, p.y += d.y;
    if (std::abs(d.x) < 1e-12 && std::abs(d.y) < 1e-12) break;
  }
  return p;
}

}  // namespace

std::optional<WebDatum> parse_web_datum(std::string_view name) {
  std::string s;
  for (char c : name)
    if (c != '-' && c != '_' && c != ' ')
      s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (s == "wgs84" || s == "epsg:4326" || s == "4326") return WebDatum::wgs84;
  if (s == "gcj02" || s == "gcj" || s == "amap" || s == "gaode") return WebDatum::gcj02;
  if (s == "bd09" || s == "bd09ll" || s == "baidu") return WebDatum::bd09;
  return std::nullopt;
}

const char* web_datum_name(WebDatum d) {
  switch (d) {
    case WebDatum::gcj02:
      return "GCJ-02";
    case WebDatum::bd09:
      return "BD-09";
    default:
      return "WGS-84";
  }
}

bool outside_china(Vec2 ll) {
  return !(ll.x >= 72.004 && ll.x <= 137.8347 && ll.y >= 0.8293 && ll.y <= 55.8271);
}

Vec2 wgs84_to_gcj02(Vec2 ll) {
  if (outside_china(ll)) return ll;
  double dlat = offset_lat(ll.x - 105.0, ll.y - 35.0);
  double dlon = offset_lon(ll.x - 105.0, ll.y - 35.0);
  const double rad = ll.y / 180.0 * kPi;
  double magic = std::sin(rad);
  magic = 1 - kEe * magic * magic;
  const double sqrt_magic = std::sqrt(magic);
  dlat = (dlat * 180.0) / ((kA * (1 - kEe)) / (magic * sqrt_magic) * kPi);
  dlon = (dlon * 180.0) / (kA / sqrt_magic * std::cos(rad) * kPi);
  return {ll.x + dlon, ll.y + dlat};
}

Vec2 gcj02_to_wgs84(Vec2 ll) {
  if (outside_china(ll)) return ll;
  return invert(ll, wgs84_to_gcj02);
}

Vec2 gcj02_to_bd09(Vec2 ll) {
  const double z = std::hypot(ll.x, ll.y) + 0.00002 * std::sin(ll.y * kBdPi);
  const double theta = std::atan2(ll.y, ll.x) + 0.000003 * std::cos(ll.x * kBdPi);
  return {z * std::cos(theta) + 0.0065, z * std::sin(theta) + 0.006};
}

Vec2 bd09_to_gcj02(Vec2 ll) {
  // The usual closed-form inverse is only good to about a metre; iterate on the forward instead.
  return invert(ll, gcj02_to_bd09);
}

Vec2 to_wgs84(Vec2 ll, WebDatum from) {
  if (outside_china(ll)) return ll;
  switch (from) {
    case WebDatum::gcj02:
      return gcj02_to_wgs84(ll);
    case WebDatum::bd09:
      return gcj02_to_wgs84(bd09_to_gcj02(ll));
    default:
      return ll;
  }
}

Vec2 from_wgs84(Vec2 ll, WebDatum to) {
  if (outside_china(ll)) return ll;
  switch (to) {
    case WebDatum::gcj02:
      return wgs84_to_gcj02(ll);
    case WebDatum::bd09:
      return gcj02_to_bd09(wgs84_to_gcj02(ll));
    default:
      return ll;
  }
}

}  // namespace yz
