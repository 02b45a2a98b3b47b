#include "engine/inputs/demo_city.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

#include "engine/util/coded_error.hpp"
#include "engine/util/data_files.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

namespace {

// splitmix64: tiny, fast and identical everywhere (std:: distributions are not portable).
struct Rng {
  uint64_t s;
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return (next() >> 11) * 0x1.0p-53; }
  double uniform(double a, double b) { return a + (b - a) * uniform(); }
  double normal() {
    const double u1 = std::max(uniform(), 1e-300), u2 = uniform();
    return std::sqrt(-2 * std::log(u1)) * std::cos(2 * M_PI * u2);
  }
  uint32_t below(uint32_t n) { return static_cast<uint32_t>(next() % n); }
};

struct Candidate {
  const char* category;
  const char* zh;
  double cost;  // 10,000 CNY
  const char* host;
};
// Candidate host categories with typical one-off costs (co-built hosts are cheap, kiosks dear).
constexpr Candidate kCategories[] = {
    {"bank", "银行网点", 2.0, "co-built"},          {"mall", "商场", 3.0, "co-built"},
    {"supermarket", "超市", 2.0, "co-built"},       {"convenience", "便利店", 1.2, "alliance"},
    {"fuel", "加油站", 2.0, "co-built"},            {"post_office", "邮政网点", 1.5, "co-built"},
    {"government", "政务服务中心", 1.0, "co-built"}, {"community_centre", "社区服务中心", 1.0, "shared"},
    {"bus_stop", "公交站", 4.0, "standalone"},      {"park", "公园", 5.0, "standalone"},
    {"toilets", "公共厕所", 3.5, "standalone"}};

}  // namespace

DemoCitySettings DemoCitySettings::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw CodedError(path, Msg::demo_settings_unopenable);
  nlohmann::json j;
  try {
    in >> j;
  } catch (const std::exception& e) {
    throw CodedError(path, Msg::not_json, {{"why", e.what()}});
  }
  DemoCitySettings s;
  try {
    s.name = j.value("name", s.name);
    s.seed = j.value("seed", s.seed);
    s.centre_lon = j.value("centre_lon", s.centre_lon);
    s.centre_lat = j.value("centre_lat", s.centre_lat);
    s.width_m = j.value("width_m", s.width_m);
    s.height_m = j.value("height_m", s.height_m);
    s.block_m = j.value("block_m", s.block_m);
    s.jitter = j.value("jitter", s.jitter);
    s.missing_street_share = j.value("missing_street_share", s.missing_street_share);
    s.arterial_every = j.value("arterial_every", s.arterial_every);
    if (j.contains("river")) {
      const auto& r = j["river"];
      s.river_y_share = r.value("y_share", s.river_y_share);
      s.river_width_m = r.value("width_m", s.river_width_m);
      s.river_amplitude_m = r.value("amplitude_m", s.river_amplitude_m);
      s.river_wavelength_m = r.value("wavelength_m", s.river_wavelength_m);
      s.bridges = r.value("bridges", s.bridges);
    }
    if (j.contains("expressway")) {
      s.expressway_x_share = j["expressway"].value("x_share", s.expressway_x_share);
      s.underpasses = j["expressway"].value("underpasses", s.underpasses);
    }
    s.gated_compounds = j.value("gated_compounds", s.gated_compounds);
    if (j.contains("park")) {
      s.park_x_share = j["park"].value("x_share", s.park_x_share);
      s.park_y_share = j["park"].value("y_share", s.park_y_share);
      s.park_size_m = j["park"].value("size_m", s.park_size_m);
    }
    for (const auto& h : j.value("hot_spots", nlohmann::json::array()))
      s.hot_spots.push_back({h.value("name", ""), h.at("x_share"), h.at("y_share"), h.at("sigma_m"), h.at("points"),
                             h.value("weight", 1.0)});
    s.background_points = j.value("background_points", s.background_points);
    s.background_weight = j.value("background_weight", s.background_weight);
    const nlohmann::json mixes = j.value("worker_mix", nlohmann::json::object());
    for (const auto& [where, mix] : mixes.items())
      for (const auto& [group, share] : mix.items()) s.worker_mix[where][group] = share.get<double>();
    s.existing_stations = j.value("existing_stations", s.existing_stations);
    s.candidates = j.value("candidates", s.candidates);
  } catch (const std::exception& e) {
    throw CodedError(path, Msg::demo_settings_bad, {{"why", e.what()}});
  }
  if (s.width_m <= 0 || s.height_m <= 0 || s.block_m <= 0 || s.width_m / s.block_m > 20000 || s.height_m / s.block_m > 20000)
    throw CodedError(path, Msg::demo_settings_size);
  return s;
}

DemoCitySettings DemoCitySettings::load_default() { return load(data_file("demo_city.json")); }

DemoCitySettings DemoCitySettings::scaled_to_nodes(uint64_t nodes) const {
  DemoCitySettings s = *this;
  const double area_factor = static_cast<double>(nodes) / ((width_m / block_m + 1) * (height_m / block_m + 1));
  const double f = std::sqrt(std::max(area_factor, 1e-6));
  s.width_m *= f;
  s.height_m *= f;
  s.river_wavelength_m *= f;
  s.river_amplitude_m *= f;
  s.park_size_m *= f;
  for (auto& h : s.hot_spots) h.sigma_m *= f, h.points = static_cast<int>(h.points * area_factor);
  s.background_points = static_cast<int>(s.background_points * area_factor);
  s.existing_stations = std::max(1, static_cast<int>(s.existing_stations * area_factor));
  s.candidates = static_cast<int>(s.candidates * area_factor);
  s.bridges = std::max(s.bridges, static_cast<int>(s.bridges * f));
  s.underpasses = std::max(s.underpasses, static_cast<int>(s.underpasses * f));
  s.gated_compounds = static_cast<int>(s.gated_compounds * area_factor);
  return s;
}

bool crosses(Vec2 a, Vec2 b, const std::vector<Vec2>& line) {
  auto orient = [](Vec2 p, Vec2 q, Vec2 r) { return (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x); };
  for (size_t i = 0; i + 1 < line.size(); ++i) {
    const Vec2 c = line[i], d = line[i + 1];
    const double o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b);
    if (((o1 > 0) != (o2 > 0)) && ((o3 > 0) != (o4 > 0))) return true;
  }
  return false;
}

DemoCity generate_demo_city(const DemoCitySettings& s) {
  Rng rng{s.seed};
  DemoCity city;
  RoadLines& L = city.lines;
  L.source = s.name;
  L.synthetic = true;
  L.projection = LocalProjection::utm_for(s.centre_lon, s.centre_lat);
  const Vec2 origin = L.projection.to_metric({s.centre_lon, s.centre_lat});
  const int nx = std::max(2, static_cast<int>(std::lround(s.width_m / s.block_m)) + 1);
  const int ny = std::max(2, static_cast<int>(std::lround(s.height_m / s.block_m)) + 1);
  const double x0 = -s.block_m * (nx - 1) / 2, y0 = -s.block_m * (ny - 1) / 2;
  const double W = s.block_m * (nx - 1), H = s.block_m * (ny - 1);
  std::vector<Vec2> v(static_cast<size_t>(nx) * ny);
  auto at = [&](int i, int j) -> Vec2& { return v[static_cast<size_t>(j) * nx + i]; };
  for (int j = 0; j < ny; ++j)
    for (int i = 0; i < nx; ++i) {
      const double jx = (i == 0 || i == nx - 1) ? 0 : rng.uniform(-s.jitter, s.jitter) * s.block_m;
      const double jy = (j == 0 || j == ny - 1) ? 0 : rng.uniform(-s.jitter, s.jitter) * s.block_m;
      at(i, j) = {x0 + i * s.block_m + jx, y0 + j * s.block_m + jy};
    }
  // River centre line and membership.
  auto river_y = [&](double x) {
    return y0 + s.river_y_share * H + s.river_amplitude_m * std::sin(2 * M_PI * (x - x0) / s.river_wavelength_m);
  };
  auto in_river = [&](Vec2 p) { return std::fabs(p.y - river_y(p.x)) < s.river_width_m / 2 + 10; };
  std::vector<int> bridge_cols;
  for (int b = 0; b < s.bridges; ++b) bridge_cols.push_back(static_cast<int>((b + 0.5) * (nx - 1) / s.bridges));
  auto is_bridge = [&](int i) { return std::find(bridge_cols.begin(), bridge_cols.end(), i) != bridge_cols.end(); };
  const int ie = std::clamp(static_cast<int>(std::lround(s.expressway_x_share * (nx - 1))), 1, nx - 2);
  std::vector<int> underpass_rows;
  for (int u = 0; u < s.underpasses; ++u) {
    int j = static_cast<int>((u + 0.5) * (ny - 1) / s.underpasses);
    while (j < ny - 1 && in_river(at(ie, j))) ++j;
    underpass_rows.push_back(j);
  }
  auto is_underpass = [&](int j) { return std::find(underpass_rows.begin(), underpass_rows.end(), j) != underpass_rows.end(); };
  const Vec2 park_c{x0 + s.park_x_share * W, y0 + s.park_y_share * H};
  auto in_park = [&](Vec2 p) { return std::fabs(p.x - park_c.x) < s.park_size_m / 2 && std::fabs(p.y - park_c.y) < s.park_size_m / 2; };
  // Gated compounds: blocks of 3x3 cells whose inner streets are closed to the public.
  struct Gate { int i0, j0; };
  std::vector<Gate> gates;
  for (int g = 0; g < s.gated_compounds; ++g) gates.push_back({1 + static_cast<int>(rng.below(std::max(1, nx - 5))), 1 + static_cast<int>(rng.below(std::max(1, ny - 5)))});
  std::vector<uint8_t> gated(v.size(), 0);  // vertex inside a compound (mask: O(1) lookups at scale)
  for (auto g : gates)
    for (int j = g.j0 + 1; j < g.j0 + 3 && j < ny; ++j)
      for (int i = g.i0 + 1; i < g.i0 + 3 && i < nx; ++i) gated[static_cast<size_t>(j) * nx + i] = 1;
  auto inside_gate = [&](int i, int j) { return gated[static_cast<size_t>(j) * nx + i] != 0; };
  auto cls_of = [&](int idx) {
    if (idx % (2 * s.arterial_every) == 0) return RoadClass::primary;
    if (idx % s.arterial_every == 0) return RoadClass::secondary;
    return RoadClass::residential;
  };
  // A segment between two grid vertices exists?
  auto keep = [&](int i1, int j1, int i2, int j2, bool arterial) {
    const Vec2 a = at(i1, j1), b = at(i2, j2);
    const bool vertical = i1 == i2;
    if (in_river(a) || in_river(b)) {
      if (!(vertical && is_bridge(i1))) return false;
    }
    if (!vertical && (i1 == ie || i2 == ie) && !is_underpass(j1)) return false;
    if (in_park(a) && in_park(b)) return false;
    if (inside_gate(i1, j1) || inside_gate(i2, j2)) return false;
    if (!arterial && rng.uniform() < s.missing_street_share) return false;
    return true;
  };
  int64_t line_id = 1;
  std::vector<Vec2> run;
  auto flush = [&](RoadClass c, bool walk) {
    if (run.size() >= 2) {
      std::vector<Vec2> pts;
      for (auto p : run) pts.push_back(origin + p);
      L.add_line(pts, c, walk, line_id++);
    }
    run.clear();
  };
  for (int j = 0; j < ny; ++j) {  // rows
    const RoadClass c = cls_of(j);
    for (int i = 0; i + 1 < nx; ++i) {
      if (keep(i, j, i + 1, j, c != RoadClass::residential)) {
        if (run.empty()) run.push_back(at(i, j));
        run.push_back(at(i + 1, j));
      } else {
        flush(c, true);
      }
    }
    flush(c, true);
  }
  for (int i = 0; i < nx; ++i) {  // columns
    if (i == ie) {
      for (int j = 0; j < ny; ++j) run.push_back(at(i, j));
      flush(RoadClass::motorway, false);  // fenced expressway: not walkable
      continue;
    }
    const RoadClass c = is_bridge(i) ? RoadClass::secondary : cls_of(i);
    for (int j = 0; j + 1 < ny; ++j) {
      if (keep(i, j, i, j + 1, c != RoadClass::residential)) {
        if (run.empty()) run.push_back(at(i, j));
        run.push_back(at(i, j + 1));
      } else {
        flush(c, true);
      }
    }
    flush(c, true);
  }
  // Park footpaths: two diagonals between grid corners of the park, crossing at a shared centre.
  {
    auto nearest_vertex = [&](Vec2 p) {
      const int i = std::clamp(static_cast<int>(std::lround((p.x - x0) / s.block_m)), 0, nx - 1);
      const int j = std::clamp(static_cast<int>(std::lround((p.y - y0) / s.block_m)), 0, ny - 1);
      return at(i, j);
    };
    const double h = s.park_size_m / 2;
    const Vec2 sw = nearest_vertex({park_c.x - h, park_c.y - h}), ne = nearest_vertex({park_c.x + h, park_c.y + h});
    const Vec2 nw = nearest_vertex({park_c.x - h, park_c.y + h}), se = nearest_vertex({park_c.x + h, park_c.y - h});
    const Vec2 mid = (sw + ne + nw + se) * 0.25;
    for (Vec2 corner : {sw, ne, nw, se}) {
      run = {corner, (corner + mid) * 0.5 + Vec2{12, -9}, mid};
      flush(RoadClass::footway, true);
    }
    L.areas.points.insert(L.areas.points.end(), {origin + Vec2{park_c.x - h, park_c.y - h}, origin + Vec2{park_c.x + h, park_c.y - h},
                                                  origin + Vec2{park_c.x + h, park_c.y + h}, origin + Vec2{park_c.x - h, park_c.y + h},
                                                  origin + Vec2{park_c.x - h, park_c.y - h}});
    L.areas.ring_first.push_back(static_cast<uint32_t>(L.areas.points.size()));
    L.areas.poly_first.push_back(static_cast<uint32_t>(L.areas.ring_first.size() - 1));
    L.areas.kind.push_back(AreaKind::park);
  }
  // River polygon for drawing.
  {
    const int steps = std::max(16, static_cast<int>(W / 50));
    for (int k = 0; k <= steps; ++k) {
      const double x = x0 - 100 + (W + 200) * k / steps;
      L.areas.points.push_back(origin + Vec2{x, river_y(x) - s.river_width_m / 2});
    }
    for (int k = steps; k >= 0; --k) {
      const double x = x0 - 100 + (W + 200) * k / steps;
      L.areas.points.push_back(origin + Vec2{x, river_y(x) + s.river_width_m / 2});
    }
    L.areas.points.push_back(L.areas.points[L.areas.ring_first.back()]);
    L.areas.ring_first.push_back(static_cast<uint32_t>(L.areas.points.size()));
    L.areas.poly_first.push_back(static_cast<uint32_t>(L.areas.ring_first.size() - 1));
    L.areas.kind.push_back(AreaKind::water);
  }
  L.report.features_read = L.report.roads = L.size();
  for (auto w : L.walkable) L.report.walkable += w;
  L.report.not_walkable_class = L.size() - L.report.walkable;
  L.report.osm_nodes = L.points.size();

  auto lonlat = [](Vec2) { return Vec2{}; };  // filled in one batch at the end (much faster)
  auto inside_city = [&](Vec2 p) { return p.x > x0 && p.x < x0 + W && p.y > y0 && p.y < y0 + H && !in_river(p); };
  // Demand: outdoor workers around hot spots plus a thin background.
  city.demand.source = s.name + ": outdoor workers (synthetic)";
  city.demand.attr_names = {"hot_spot"};
  // One column per worker group (the workers of that group at the point), from the mix.
  std::vector<std::string> groups;
  for (const auto& [where, mix] : s.worker_mix)
    for (const auto& [g, share] : mix)
      if (std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
  std::sort(groups.begin(), groups.end());
  for (const auto& g : groups) city.demand.attr_names.push_back(g);
  auto set_groups = [&](const std::string& where, double w) {
    const auto it = s.worker_mix.find(where);
    auto& row = city.demand.attr_values.back();
    for (size_t k = 0; k < groups.size(); ++k) {
      double share = 0;
      if (it != s.worker_mix.end())
        if (const auto g = it->second.find(groups[k]); g != it->second.end()) share = g->second;
      // Rounded down, so the groups never add up to more than the point's workers.
      row[1 + k] = fmt::format("{:.3f}", std::floor(w * share * 1000) / 1000);
    }
  };
  int did = 1;
  for (const auto& h : s.hot_spots) {
    const Vec2 c{x0 + h.x_share * W, y0 + h.y_share * H};
    for (int k = 0; k < h.points; ++k) {
      const Vec2 p = c + Vec2{rng.normal(), rng.normal()} * h.sigma_m;
      const double w = h.weight * rng.uniform(0.5, 1.5);
      if (!inside_city(p)) continue;
      city.demand.add(lonlat(p), origin + p, w, "d" + std::to_string(did++), "");
      city.demand.attr_values.back()[0] = h.name;
      set_groups(h.name, w);
    }
  }
  for (int k = 0; k < s.background_points; ++k) {
    const Vec2 p{rng.uniform(x0, x0 + W), rng.uniform(y0, y0 + H)};
    if (!inside_city(p)) continue;
    city.demand.add(lonlat(p), origin + p, s.background_weight * rng.uniform(0.5, 1.5), "d" + std::to_string(did++), "");
    city.demand.attr_values.back()[0] = "background";
    set_groups("background", city.demand.weight.back());
  }
  // Candidate hosts beside streets (a few metres off the kerb, as shops are).
  auto street_spot = [&]() {
    for (;;) {
      const int i = static_cast<int>(rng.below(nx - 1)), j = static_cast<int>(rng.below(ny));
      const Vec2 a = at(i, j), b = at(i + 1, j);
      const Vec2 p = a + (b - a) * rng.uniform(0.2, 0.8) + Vec2{0, rng.uniform(8, 20) * (rng.uniform() < 0.5 ? -1 : 1)};
      if (inside_city(p) && !in_park(p) && !inside_gate(i, j) && i != ie && i + 1 != ie) return p;
    }
  };
  city.candidates.source = s.name + ": candidate hosts (synthetic)";
  city.candidates.attr_names = {"category", "cost", "host_type"};
  for (int k = 0; k < s.candidates; ++k) {
    const auto& cat = kCategories[rng.below(std::size(kCategories))];
    const Vec2 p = street_spot();
    city.candidates.add(lonlat(p), origin + p, 1, "c" + std::to_string(k + 1), std::string(cat.zh) + " " + std::to_string(k + 1));
    auto& a = city.candidates.attr_values.back();
    a[0] = cat.category;
    a[1] = std::to_string(cat.cost);
    a[2] = cat.host;
  }
  // Existing stations: spread over the city, one per cell of a coarse grid (deterministic order).
  city.stations.source = s.name + ": existing stations (synthetic)";
  city.stations.attr_names = {"host_type", "size_class", "status", "amenities", "opening_hours"};
  const int gx = std::max(1, static_cast<int>(std::ceil(std::sqrt(s.existing_stations * W / H))));
  const int gy = std::max(1, (s.existing_stations + gx - 1) / gx);
  const char* hosts[] = {"co-built", "standalone", "co-built", "shared", "alliance"};
  const char* sizes[] = {"standard", "micro", "standard", "standard", "mobile"};
  const char* amen[] = {"water;seats;phone_charging;first_aid", "water;seats", "water;toilet;seats;air_conditioning;microwave;phone_charging",
                        "water;phone_charging;ebike_charging", "water;seats;first_aid;reading"};
  // Hours as station lists write them: a bank-hosted station keeps the bank's hours, a standalone
  // one never closes, others follow their host (engine/inputs/opening_hours reads them).
  const char* hours[] = {"工作日 9:00-17:00，节假日休息", "24小时", "早8点至晚8点", "Mo-Su 07:00-21:00",
                         "7:00-23:00"};
  for (int k = 0; k < s.existing_stations; ++k) {
    const int cx = k % gx, cy = (k / gx) % gy;
    Vec2 p{x0 + (cx + rng.uniform(0.25, 0.75)) * W / gx, y0 + (cy + rng.uniform(0.25, 0.75)) * H / gy};
    for (int tries = 0; tries < 50 && !inside_city(p); ++tries) p = p + Vec2{rng.uniform(-150, 150), rng.uniform(-150, 150)};
    char name[64];
    std::snprintf(name, sizeof name, "演示驿站%02d", k + 1);
    city.stations.add(lonlat(p), origin + p, 1, "s" + std::to_string(k + 1), name);
    auto& a = city.stations.attr_values.back();
    a[0] = hosts[k % 5];
    a[1] = sizes[k % 5];
    a[2] = "built";
    a[3] = amen[k % 5];
    a[4] = hours[k % 5];
  }
  for (PointSet* ps : {&city.demand, &city.candidates, &city.stations}) {
    ps->lonlat = ps->xy;
    L.projection.to_lonlat(ps->lonlat);
  }
  {
    std::vector<Vec2> river, expressway;
    const int steps = std::max(16, static_cast<int>(W / 50));
    for (int k = 0; k <= steps; ++k) {
      const double x = x0 - 100 + (W + 200) * k / steps;
      river.push_back(origin + Vec2{x, river_y(x)});
    }
    for (int j = 0; j < ny; ++j) expressway.push_back(origin + at(ie, j));
    city.barriers = {{"river", river}, {"expressway", expressway}};
  }
  char buf[256];
  std::snprintf(buf, sizeof buf, "river: %.0f m wide, crossed on foot only at %d bridges", s.river_width_m, s.bridges);
  city.features.push_back(buf);
  std::snprintf(buf, sizeof buf, "fenced expressway (north-south, %.1f km from the west edge): walkers cross only at %d underpasses",
                (L.points.empty() ? 0.0 : (at(ie, 0).x - x0) / 1000), s.underpasses);
  city.features.push_back(buf);
  std::snprintf(buf, sizeof buf, "%d gated compounds closed to through walking; a park with footpaths", s.gated_compounds);
  city.features.push_back(buf);
  return city;
}

}  // namespace yz
