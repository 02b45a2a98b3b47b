// CSV records are never lost silently (issue 15): after a line over GDAL's 10 MB limit, a NUL byte
// in a quoted field or a quote that never closes, GDAL's reader used to drop or merge the rows that
// followed. Property: for every generated CSV the loader accepts, read = kept + dropped = the
// number of records an independent RFC 4180 parser (written here, field by field) counts, and the
// rows kept are exactly the good ones the generator wrote.
#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <set>

#include "engine/inputs/csv_records.hpp"
#include "engine/inputs/point_reader.hpp"
#include "engine/util/error.hpp"
#include "support/test_data.hpp"
#include "support/wuhan_frame.hpp"

using namespace yz;
using yz::test::temp_dir;

namespace {

const LocalProjection& proj() { return test::wuhan_projection(); }
Box map_box() { return test::wuhan_box(); }

// Independent RFC 4180 record count: a field is quoted only when it starts with a quote; inside,
// "" is a quote; a record ends at LF or CRLF outside quotes; an empty line is no record (GDAL's
// convention, kept by the loader); a file ending inside quotes ends its last record.
size_t rfc4180_records(const std::string& s) {
  enum { field_start, unquoted, quoted, after_quote } st = field_start;
  size_t records = 0;
  bool record_has_content = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool eol = c == '\n' || (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n');
    if (st == quoted) {
      if (c == '"') {
        if (i + 1 < s.size() && s[i + 1] == '"')
          ++i;
        else
          st = after_quote;
      }
      continue;
    }
    if (eol) {
      if (c == '\r') ++i;
      if (record_has_content || st != field_start) ++records;
      record_has_content = false;
      st = field_start;
      continue;
    }
    record_has_content = true;
    if (c == ',') {
      st = field_start;
    } else if (c == '"' && st == field_start) {
      st = quoted;
    } else if (st == field_start) {
      st = unquoted;
    }
  }
  if (record_has_content || st == quoted) ++records;
  return records;
}

std::string quote(const std::string& v) {
  std::string o = "\"";
  for (char c : v) o += c == '"' ? std::string("\"\"") : std::string(1, c);
  return o + "\"";
}

struct Generated {
  std::string bytes;
  std::set<std::string> good_ids;  // the records the loader must keep
  size_t bad = 0;                  // records it must drop for being unreadable
};

// A station CSV with quoting of every kind; `faults` adds NUL bytes and an unterminated quote.
Generated generate(std::mt19937& rng, bool faults) {
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  Generated g;
  const char* eols[] = {"\n", "\r\n"};
  const std::string eol = eols[pick(2)];
  g.bytes = "id,name,lon,lat" + eol;
  const int n = 1 + pick(12);
  bool open_quote = false;
  for (int k = 0; k < n && !open_quote; ++k) {
    const std::string id = "R" + std::to_string(k);
    std::string name;
    bool bad = false;
    switch (pick(faults ? 8 : 6)) {
      case 0:
        name = "plain";
        break;
      case 1:
        name = quote("a, b");
        break;
      case 2:
        name = quote("say \"hi\", twice \"\"");
        break;
      case 3:
        name = quote("two\nlines");
        break;
      case 4:
        name = quote("crlf\r\ninside\r\n\r\nand blank");
        break;
      case 5:
        name = quote("江汉路驿站");
        break;
      case 6:
        name = quote(std::string("nul\0byte", 8)), bad = true;
        break;
      case 7:
        if (k > 0) {  // the rest of the file is inside this quote
          name = "\"never closed, " + eol + "S9,x,1,2";
          bad = open_quote = true;
        } else {
          name = "plain";
        }
        break;
    }
    const std::string lon = std::to_string(114.26 + 0.001 * k), lat = "30.6";
    g.bytes += id + "," + name + "," + lon + "," + lat;
    if (k + 1 < n || pick(2)) g.bytes += eols[pick(2)];
    if (pick(6) == 0) g.bytes += eol;  // a blank line: no record
    if (bad)
      ++g.bad;
    else
      g.good_ids.insert(id);
  }
  return g;
}

PointSet read(const std::string& path, DropReport& rep) {
  return read_points(path, proj(), map_box(), PointReadOptions{}, rep, "sites");
}

}  // namespace

TEST_CASE("The independent parser counts what RFC 4180 says", "[inputs][csv]") {
  CHECK(rfc4180_records("a,b\n1,2\n") == 2);
  CHECK(rfc4180_records("a,b\r\n\"1\r\n2\",3\r\n\r\n4,5") == 3);
  CHECK(rfc4180_records("a\n\"x\"\"y\"\n") == 2);
  CHECK(rfc4180_records("a\n\"open\nb\nc\n") == 2);
  CHECK(rfc4180_records("a\n\n\n") == 1);
}

TEST_CASE("Every CSV record is read or dropped with its row: generated files",
          "[inputs][csv][property]") {
  std::mt19937 rng(20261203);
  const std::string path = temp_dir() + "/gen.csv";
  int accepted = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const Generated g = generate(rng, trial % 2 == 1);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << g.bytes;
    const size_t truth = rfc4180_records(g.bytes) - 1;  // without the header
    INFO("trial " << trial << "\n" << g.bytes);
    CHECK(scan_csv_records(g.bytes).size() - 1 == truth);
    DropReport rep;
    PointSet ps;
    try {
      ps = read(path, rep);
    } catch (const InputError& e) {
      // Refused only when nothing is usable, and then it says why.
      CHECK(g.good_ids.empty());
      continue;
    }
    ++accepted;
    INFO(rep.summary());
    CHECK(rep.read == truth);
    CHECK(rep.kept + rep.dropped.size() == truth);
    CHECK(rep.dropped.size() == g.bad);
    CHECK(std::set<std::string>(ps.id.begin(), ps.id.end()) == g.good_ids);
    for (const auto& d : rep.dropped)
      CHECK((d.reason == "NUL byte in the row" || d.reason == "quote never closed"));
  }
  CHECK(accepted > 200);
}

TEST_CASE("The issue's files: a 10 MB line, a NUL byte, an unterminated quote", "[inputs][csv]") {
  const std::string dir = temp_dir();
  SECTION("a line over 10 MB takes only itself") {
    const std::string path = dir + "/long.csv";
    std::ofstream(path, std::ios::binary)
        << "id,name,lon,lat\nS1,a,114.30,30.60\nS2," << std::string(kGdalCsvMaxLineBytes + 1, 'x')
        << ",114.31,30.61\nS3,c,114.32,30.62\n";
    DropReport rep;
    const PointSet ps = read(path, rep);
    CHECK(rep.read == 3);
    REQUIRE(ps.size() == 2);
    CHECK(ps.id[0] == "S1");
    CHECK(ps.id[1] == "S3");
    REQUIRE(rep.dropped.size() == 1);
    CHECK(rep.dropped[0].index == 1);  // row 2
    CHECK(rep.dropped[0].reason == "line longer than GDAL's 10 MB limit");
    CHECK(rep.dropped[0].detail.find("line 3") != std::string::npos);
    // The planner is told the row, not only the dropped layer.
    bool told = false;
    for (const auto& n : rep.notes)
      told |= n.rfind("row 2: line longer than GDAL's 10 MB limit", 0) == 0;
    CHECK(told);
  }
  SECTION("a NUL byte inside a quoted field takes only its row") {
    const std::string path = dir + "/nul.csv";
    std::ofstream(path, std::ios::binary)
        << "id,name,lon,lat\nS1,a,114.30,30.60\nS2,b,114.31,30.61\nS3,\"c" << '\0'
        << "d\",114.32,30.62\nS4,e,114.33,30.63\n";
    DropReport rep;
    const PointSet ps = read(path, rep);
    CHECK(rep.read == 4);
    REQUIRE(ps.size() == 3);
    CHECK(ps.id[2] == "S4");
    REQUIRE(rep.dropped.size() == 1);
    CHECK(rep.dropped[0].index == 2);  // row 3
    CHECK(rep.dropped[0].reason == "NUL byte in the row");
    CHECK(rep.summary().find("read 4") != std::string::npos);
    bool told = false;
    for (const auto& n : rep.notes) told |= n.rfind("row 3: NUL byte in the row (line 4)", 0) == 0;
    CHECK(told);
  }
  SECTION("an unterminated quote names the row and line where it opened") {
    const std::string path = dir + "/unterminated_quote.csv";
    std::ofstream(path, std::ios::binary)
        << "id,name,lon,lat\nS1,\"open,114.30,30.60\nS2,b,114.31,30.61\nS3,c,114.32,30.62\n";
    DropReport rep;
    try {
      read(path, rep);
      FAIL("accepted");
    } catch (const InputError& e) {
      const std::string m = e.what();
      INFO(m);
      CHECK(m.find("unterminated_quote.csv") != std::string::npos);
      CHECK(m.find("row 1") != std::string::npos);
      CHECK(m.find("quote opened on line 2") != std::string::npos);
    }
  }
  SECTION("old Mac line ends (lone CR) and blank lines count as GDAL reads them") {
    const std::string path = dir + "/cr.csv";
    const std::string bytes =
        "id,name,lon,lat\rS1,a,114.30,30.60\r\r\nS2,\"b\rc\",114.31,30.61\rS3,c,114.32,30.62\r";
    std::ofstream(path, std::ios::binary) << bytes;
    CHECK(scan_csv_records(bytes).size() == 4);
    DropReport rep;
    const PointSet ps = read(path, rep);
    CHECK(rep.read == 3);
    CHECK(ps.size() == 3);
    CHECK(rep.notes.size() > 0);
    for (const auto& n : rep.notes)
      CHECK(n.find("GDAL's CSV reader returned") == std::string::npos);
  }
  SECTION("good rows before an unterminated quote are kept") {
    const std::string path = dir + "/late_quote.csv";
    std::ofstream(path, std::ios::binary)
        << "id,name,lon,lat\nS1,a,114.30,30.60\nS2,\"open,114.31,30.61\nS3,c,114.32,30.62\n";
    DropReport rep;
    const PointSet ps = read(path, rep);
    REQUIRE(ps.size() == 1);
    REQUIRE(rep.dropped.size() == 1);
    CHECK(rep.dropped[0].index == 1);
    CHECK(rep.dropped[0].reason == "quote never closed");
    CHECK(rep.dropped[0].detail.find("line 3") != std::string::npos);
  }
}
