// yizhan export's field_check.pdf on the real Nanjing extract with generated candidates: one page
// per suggested site, named after its streets; each page's two QR codes, rendered with pdftoppm
// and decoded with zbarimg, are Amap and Baidu marker links whose coordinates are the site's
// WGS-84 position converted to GCJ-02 / BD-09 (within 1e-6°); the Chinese and English sheets
// carry their own words.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "engine/geo/china_coords.hpp"
#include "support/test_data.hpp"

using namespace yz;
using namespace yz::test;
namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string url_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string query(const std::string& url, const std::string& key) {
  const std::regex re("[?&]" + key + "=([^&]*)");
  std::smatch m;
  return std::regex_search(url, m, re) ? url_decode(m[1]) : std::string();
}

struct Row {
  std::string id, name;
  double lon = 0, lat = 0;
};

// stations_webmap.csv rows (no quoted commas in generated names).
std::vector<Row> webmap_rows(const std::string& path) {
  std::vector<Row> rows;
  std::istringstream in(slurp(path));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ls(line);
    std::string cell;
    while (std::getline(ls, cell, ',')) f.push_back(cell);
    if (f.size() < 6) continue;
    rows.push_back({f[0], f[1], std::stod(f[4]), std::stod(f[5])});
  }
  return rows;
}

}  // namespace

TEST_CASE("field_check.pdf: QR codes decode to Amap/Baidu links at the converted coordinates",
          "[cli][export][field_check][data]") {
  const std::string map =
      require_file(data_dir() + "/osm/cn_nanjing_xinjiekou.osm", "real Chinese OSM extract");
  std::string out;
  if (run_command("command -v zbarimg", out) != 0) {
    std::printf("SKIPPED: zbarimg not found (Debian zbar-tools) to decode the QR codes\n");
    std::fflush(stdout);
    std::_Exit(4);
  }
  const std::string dir = temp_dir() + "/field_check";
  fs::create_directories(dir);
  REQUIRE(
      run_command(cli_exe() + " sites --map " + map + " --grid-m 250 --out " + dir + "/cands.gpkg",
                  out) == 0);
  {
    std::ofstream f(dir + "/stations.csv");
    f << "编号,站点名称,经度,纬度,建设类型\n"
      << "nj1,新街口驿站,118.7785,32.0418,共建\n"
      << "nj3,大行宫环卫驿站,118.7900,32.0430,共享\n";
  }
  for (const std::string lang : {"zh", "en"}) {
    const std::string od = dir + "/out_" + lang;
    REQUIRE(run_command(cli_exe() + " export --map " + map + " --stations " + dir +
                            "/stations.csv --candidates " + dir +
                            "/cands.gpkg --k 3 --time-limit 5 --formats csv,pdf --lang " + lang +
                            " --out-dir " + od,
                        out) == 0);
    INFO(out);
    REQUIRE(fs::exists(od + "/field_check.pdf"));
    const std::vector<Row> rows = webmap_rows(od + "/stations_webmap.csv");
    REQUIRE(rows.size() == 5);  // the two stations, then the three suggested sites in rank order
    std::string info;
    REQUIRE(run_command("pdfinfo " + od + "/field_check.pdf", info) == 0);
    CHECK(info.find("Pages:           3") != std::string::npos);
    for (int page = 1; page <= 3; ++page) {
      const Row& r = rows[static_cast<size_t>(page + 1)];
      INFO("page " << page << " site " << r.id << " " << r.name);
      // A generated candidate is named after its streets, not grid-N.
      CHECK(r.name.find("grid-") == std::string::npos);
      CHECK(r.name.find(" 附近") != std::string::npos);
      const std::string png = od + "/p" + std::to_string(page);
      REQUIRE(run_command("pdftoppm -r 200 -png -f " + std::to_string(page) + " -l " +
                              std::to_string(page) + " -singlefile " + od + "/field_check.pdf " +
                              png,
                          out) == 0);
      std::string codes;
      REQUIRE(run_command("zbarimg --raw -q " + png + ".png", codes) == 0);
      std::istringstream cl(codes);
      std::string amap, baidu, l;
      while (std::getline(cl, l)) {
        if (l.rfind("https://uri.amap.com/marker?", 0) == 0) amap = l;
        if (l.rfind("https://api.map.baidu.com/marker?", 0) == 0) baidu = l;
      }
      REQUIRE(!amap.empty());
      REQUIRE(!baidu.empty());
      const Vec2 g = wgs84_to_gcj02({r.lon, r.lat});
      const Vec2 b = gcj02_to_bd09(g);
      double lon = 0, lat = 0;
      REQUIRE(std::sscanf(query(amap, "position").c_str(), "%lf,%lf", &lon, &lat) == 2);
      CHECK(std::abs(lon - g.x) <= 1e-6);
      CHECK(std::abs(lat - g.y) <= 1e-6);
      CHECK(query(amap, "coordinate") == "gaode");
      CHECK(query(amap, "name") == r.name);
      REQUIRE(std::sscanf(query(baidu, "location").c_str(), "%lf,%lf", &lat, &lon) == 2);
      CHECK(std::abs(lon - b.x) <= 1e-6);  // Baidu: lat,lng order
      CHECK(std::abs(lat - b.y) <= 1e-6);
      CHECK(query(baidu, "coord_type") == "bd09ll");
      CHECK(query(baidu, "output") == "html");
      CHECK(query(baidu, "title") == r.name);
      // The GCJ-02 offset in Nanjing is hundreds of metres: the link is not the raw WGS-84.
      CHECK(std::abs(g.x - r.lon) > 0.003);
    }
    std::string text;
    REQUIRE(run_command("pdftotext " + od + "/field_check.pdf -", text) == 0);
    if (lang == "zh") {
      CHECK(text.find("现场核查清单") != std::string::npos);
      CHECK(text.find("所在街道") != std::string::npos);
      CHECK(text.find("GCJ-02") != std::string::npos);
      CHECK(text.find("Checklist") == std::string::npos);
    } else {
      CHECK(text.find("Checklist for the visit") != std::string::npos);
      CHECK(text.find("On street") != std::string::npos);
      CHECK(text.find("现场核查清单") == std::string::npos);
    }
  }
  // --field-check none: no sheets; a bad value: exit 2 naming the option.
  REQUIRE(run_command(cli_exe() + " export --map " + map + " --stations " + dir +
                          "/stations.csv --candidates " + dir +
                          "/cands.gpkg --k 1 --time-limit 5 --formats pdf --field-check none "
                          "--out-dir " +
                          dir + "/none",
                      out) == 0);
  CHECK(!fs::exists(dir + "/none/field_check.pdf"));
  CHECK(run_command(cli_exe() + " export --map " + map + " --stations " + dir +
                        "/stations.csv --candidates " + dir +
                        "/cands.gpkg --k 1 --formats pdf --field-check some --out-dir " + dir +
                        "/bad",
                    out) == 2);
  CHECK(out.find("--field-check") != std::string::npos);
}
