// yizhan-gen-city: writes a synthetic city as a real OpenStreetMap PBF file (so benchmarks time the
// same reading path a planner's file takes) and, optionally, a CSV of stations spread uniformly at
// random over it. Reproducible: the same arguments give the same bytes (fixed-seed Mersenne
// Twister, raw output only: std::uniform_*_distribution differs between standard libraries).
//
// The city of issue 11 at --grid 700 (the default): a 700 x 700 street grid with 80 m blocks,
// every block side drawn as 4 ways of 20 m (3 nodes between corners), rows highway=residential,
// columns highway=footway, a diagonal highway=path across one block in 20 (~24,400), one motorway
// between two rows (not walkable, no junction), one amenity=restaurant node per 3 blocks
// (~163,000): 3.66 M OSM nodes in all. Smaller --grid values scale every count with the area.
#include <osmium/builder/attr.hpp>
#include <osmium/io/pbf_output.hpp>
#include <osmium/io/writer.hpp>
#include <osmium/memory/buffer.hpp>

#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "engine/util/error.hpp"
#include "engine/util/output_file.hpp"

namespace {

using namespace osmium::builder::attr;  // NOLINT: the builder's attribute vocabulary

struct CitySpec {
  int grid = 700;           // intersections per side
  double block_m = 80;      // block side
  int ways_per_side = 4;    // each block side is this many ways
  int diagonal_every = 20;  // one block in this many gets a diagonal path (random, fixed seed)
  int blocks_per_poi = 3;   // restaurants: one per this many blocks
  double lon0 = 114.20, lat0 = 30.40;  // south-west corner (Wuhan; UTM zone 50)
  uint64_t seed = 20261203;
};

// Uniform [0, 1) from the raw 64-bit output (portable across standard libraries).
double unit(std::mt19937_64& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

class Geo {
 public:
  explicit Geo(const CitySpec& s)
      : lon0_(s.lon0), lat0_(s.lat0), m_per_deg_lon_(111320.0 * std::cos(s.lat0 * M_PI / 180)) {}
  osmium::Location at(double x_m, double y_m) const {
    return osmium::Location{lon0_ + x_m / m_per_deg_lon_, lat0_ + y_m / 110574.0};
  }

 private:
  double lon0_, lat0_, m_per_deg_lon_;
};

// Buffers handed to the writer every few MB (it compresses them on its own threads).
class Sink {
 public:
  explicit Sink(osmium::io::Writer& w) : writer_(w) {}
  osmium::memory::Buffer& buffer() { return buf_; }
  void maybe_flush() {
    if (buf_.committed() > (4u << 20)) flush();
  }
  void flush() {
    if (buf_.committed() == 0) return;
    writer_(std::move(buf_));
    buf_ = osmium::memory::Buffer{kSize, osmium::memory::Buffer::auto_grow::yes};
  }

 private:
  static constexpr size_t kSize = 8u << 20;
  osmium::io::Writer& writer_;
  osmium::memory::Buffer buf_{kSize, osmium::memory::Buffer::auto_grow::yes};
};

struct Counts {
  uint64_t nodes = 0, ways = 0, diagonals = 0, pois = 0;
};

Counts write_city(const CitySpec& s, const std::string& path) {
  const int64_t n = s.grid, seg = s.ways_per_side, mid = seg - 1;  // mid: nodes inside a side
  const double step = s.block_m / seg;
  const Geo geo(s);
  std::mt19937_64 rng(s.seed);
  // Which blocks get a diagonal, decided first: node ids are written in ascending order.
  std::vector<std::pair<int64_t, int64_t>> diag;
  for (int64_t r = 0; r + 1 < n; ++r)
    for (int64_t c = 0; c + 1 < n; ++c)
      if (rng() % static_cast<uint64_t>(s.diagonal_every) == 0) diag.emplace_back(r, c);
  const int64_t blocks = (n - 1) * (n - 1);
  const int64_t n_poi = blocks / s.blocks_per_poi;
  const double span = (n - 1) * s.block_m;
  // Node id ranges (1-based, ascending in the order written).
  const int64_t corner0 = 1, row0 = corner0 + n * n, col0 = row0 + n * (n - 1) * mid,
                diag0 = col0 + (n - 1) * n * mid,
                motor0 = diag0 + static_cast<int64_t>(diag.size()) * mid;
  const double motor_y = (std::floor((n - 1) / 2.0) + 0.5) * s.block_m;  // between two rows
  const int64_t motor_nodes = static_cast<int64_t>(std::ceil((span + 400) / 100)) + 1;
  const int64_t poi0 = motor0 + motor_nodes;
  auto corner = [&](int64_t r, int64_t c) { return corner0 + r * n + c; };
  auto row_mid = [&](int64_t r, int64_t c, int64_t k) {
    return row0 + (r * (n - 1) + c) * mid + k;
  };
  auto col_mid = [&](int64_t r, int64_t c, int64_t k) { return col0 + (r * n + c) * mid + k; };

  osmium::io::Header header;
  header.set("generator", "yizhan-gen-city");
  header.set("sorting", "Type_then_ID");
  header.add_box(osmium::Box{geo.at(-300, -300), geo.at(span + 300, span + 300)});
  osmium::io::Writer writer{osmium::io::File{path, "pbf"}, header, osmium::io::overwrite::allow};
  Sink out(writer);
  auto& buf = out.buffer();
  Counts cnt;
  auto node = [&](int64_t id, double x, double y) {
    osmium::builder::add_node(out.buffer(), _id(id), _version(1), _location(geo.at(x, y)));
    ++cnt.nodes;
    out.maybe_flush();
  };
  (void)buf;
  for (int64_t r = 0; r < n; ++r)
    for (int64_t c = 0; c < n; ++c) node(corner(r, c), c * s.block_m, r * s.block_m);
  for (int64_t r = 0; r < n; ++r)
    for (int64_t c = 0; c + 1 < n; ++c)
      for (int64_t k = 0; k < mid; ++k)
        node(row_mid(r, c, k), c * s.block_m + (k + 1) * step, r * s.block_m);
  for (int64_t r = 0; r + 1 < n; ++r)
    for (int64_t c = 0; c < n; ++c)
      for (int64_t k = 0; k < mid; ++k)
        node(col_mid(r, c, k), c * s.block_m, r * s.block_m + (k + 1) * step);
  for (size_t d = 0; d < diag.size(); ++d)
    for (int64_t k = 0; k < mid; ++k) {
      const double t = (k + 1.0) / seg;
      node(diag0 + static_cast<int64_t>(d) * mid + k, (diag[d].second + t) * s.block_m,
           (diag[d].first + t) * s.block_m);
    }
  for (int64_t k = 0; k < motor_nodes; ++k) node(motor0 + k, -200 + 100.0 * k, motor_y);
  for (int64_t i = 0; i < n_poi; ++i) {
    const double x = unit(rng) * span, y = unit(rng) * span;
    const std::string name = "Restaurant " + std::to_string(i + 1);
    osmium::builder::add_node(out.buffer(), _id(poi0 + i), _version(1), _location(geo.at(x, y)),
                              _tag("amenity", "restaurant"), _tag("name", name));
    ++cnt.nodes, ++cnt.pois;
    out.maybe_flush();
  }
  int64_t way_id = 1;
  auto way = [&](const std::vector<osmium::object_id_type>& refs, const char* highway) {
    osmium::builder::add_way(out.buffer(), _id(way_id++), _version(1), _nodes(refs),
                             _tag("highway", highway));
    ++cnt.ways;
    out.maybe_flush();
  };
  // A block side from corner a to corner b through its inner nodes, as `seg` two-node ways.
  std::vector<osmium::object_id_type> chain;
  auto side = [&](int64_t a, int64_t b, auto inner, const char* highway) {
    chain.assign(1, a);
    for (int64_t k = 0; k < mid; ++k) chain.push_back(inner(k));
    chain.push_back(b);
    for (size_t i = 0; i + 1 < chain.size(); ++i) way({chain[i], chain[i + 1]}, highway);
  };
  for (int64_t r = 0; r < n; ++r)
    for (int64_t c = 0; c + 1 < n; ++c)
      side(
          corner(r, c), corner(r, c + 1), [&](int64_t k) { return row_mid(r, c, k); },
          "residential");
  for (int64_t r = 0; r + 1 < n; ++r)
    for (int64_t c = 0; c < n; ++c)
      side(
          corner(r, c), corner(r + 1, c), [&](int64_t k) { return col_mid(r, c, k); }, "footway");
  for (size_t d = 0; d < diag.size(); ++d) {
    const auto [r, c] = diag[d];
    chain.assign(1, corner(r, c));
    for (int64_t k = 0; k < mid; ++k) chain.push_back(diag0 + static_cast<int64_t>(d) * mid + k);
    chain.push_back(corner(r + 1, c + 1));
    way(chain, "path");
    ++cnt.diagonals;
  }
  chain.clear();
  for (int64_t k = 0; k < motor_nodes; ++k) chain.push_back(motor0 + k);
  way(chain, "motorway");
  out.flush();
  writer.close();
  return cnt;
}

// Stations uniformly at random over the grid (their own seed stream: changing --stations does not
// move the city).
void write_stations(const CitySpec& s, int count, const std::string& path) {
  const Geo geo(s);
  const double span = (s.grid - 1) * s.block_m;
  std::mt19937_64 rng(s.seed ^ 0x5747A71045ull);
  yz::OutputFile file(path);
  yz::FileSink sink(file.path(), path);
  sink.write("id,name,lon,lat\n");
  char line[128];
  for (int i = 0; i < count; ++i) {
    const double x = unit(rng) * span, y = unit(rng) * span;
    const osmium::Location l = geo.at(x, y);
    std::snprintf(line, sizeof line, "S%d,Station %d,%.7f,%.7f\n", i + 1, i + 1, l.lon(), l.lat());
    sink.write(line);
  }
  sink.close();
  file.commit();
}

}  // namespace

int main(int argc, char** argv) {
  CitySpec spec;
  std::string out, stations_csv;
  int stations = 0;
  CLI::App app{
      "Writes a reproducible synthetic city (street grid, diagonal paths, a motorway, restaurants) "
      "as an OpenStreetMap .osm.pbf file, and optionally stations at random over it as CSV."};
  app.add_option("output", out, "the .osm.pbf file to write")->required();
  app.add_option("--grid", spec.grid,
                 "intersections per side (700 = the city of issue 11, 3.66 M nodes)")
      ->check(CLI::Range(2, 5000));
  app.add_option("--block-m", spec.block_m, "block side in metres")
      ->check(CLI::Range(10.0, 1000.0));
  app.add_option("--seed", spec.seed, "random seed (diagonals, restaurants, stations)");
  app.add_option("--stations", stations, "how many stations to write to --stations-csv")
      ->check(CLI::Range(0, 10000000));
  app.add_option("--stations-csv", stations_csv,
                 "CSV of stations (id,name,lon,lat), uniform at random");
  CLI11_PARSE(app, argc, argv);
  if (stations > 0 && stations_csv.empty()) {
    std::cerr << "yizhan-gen-city: --stations needs --stations-csv FILE\n";
    return 2;
  }
  try {
    yz::OutputFile file(out);
    const Counts c = write_city(spec, file.path());
    file.commit();
    std::cout << out << ": " << spec.grid << " x " << spec.grid << " grid, " << c.nodes
              << " nodes, " << c.ways << " ways (" << c.diagonals << " diagonal paths), " << c.pois
              << " restaurants\n";
    if (!stations_csv.empty()) {
      write_stations(spec, stations, stations_csv);
      std::cout << stations_csv << ": " << stations << " stations\n";
    }
  } catch (const yz::InputError& e) {
    std::cerr << "yizhan-gen-city: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "yizhan-gen-city: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
