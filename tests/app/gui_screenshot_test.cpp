// `yizhan gui --screenshot` under Xvfb: the PNG shows the map (station markers in their exact
// fill colour, demand in the three cover colours) and the panels, in English and in Chinese.
#include <stb_image.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <set>
#include <string>

#include "app/map_style.hpp"
#include "support/test_data.hpp"

namespace {

struct Image {
  int w = 0, h = 0;
  std::unique_ptr<unsigned char, void (*)(void*)> px{nullptr, stbi_image_free};
  const unsigned char* at(int x, int y) const {
    return px.get() + (static_cast<size_t>(y) * w + x) * 3;
  }
};

Image shoot(const std::string& lang) {
  if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
    std::printf("SKIPPED: xvfb-run is not installed\n");
    std::exit(4);
  }
  const std::string png = yz::test::temp_dir() + "/gui_" + lang + ".png";
  std::string out;
  int rc = yz::test::run_command("xvfb-run -a -s \"-screen 0 1280x800x24\" " + yz::test::cli_exe() +
                                     " gui --frames 5 --lang " + lang + " --screenshot " + png,
                                 out);
  INFO(out);
  REQUIRE(rc == 0);
  Image img;
  int n = 0;
  img.px.reset(stbi_load(png.c_str(), &img.w, &img.h, &n, 3));
  REQUIRE(img.px);
  return img;
}

int count_colour(const Image& img, yz::app::Rgba c, int x0 = 0, int x1 = -1) {
  if (x1 < 0) x1 = img.w;
  int n = 0;
  for (int y = 0; y < img.h; ++y)
    for (int x = x0; x < x1; ++x) {
      const unsigned char* p = img.at(x, y);
      n += p[0] == c.r && p[1] == c.g && p[2] == c.b;
    }
  return n;
}

void check_common(const Image& img) {
  REQUIRE(img.w == 1280);
  REQUIRE(img.h == 800);
  std::set<int> colours;
  for (int y = 0; y < img.h; y += 3)
    for (int x = 0; x < img.w; x += 3) {
      const unsigned char* p = img.at(x, y);
      colours.insert(p[0] << 16 | p[1] << 8 | p[2]);
    }
  CHECK(colours.size() > 200);  // not blank
  namespace s = yz::app::style;
  // 14 demo stations, each a diamond of about 140 px in the exact fill colour (a few under panels).
  CHECK(count_colour(img, s::station) > 600);
  CHECK(count_colour(img, s::demand0) > 50);
  CHECK(count_colour(img, s::demand1) > 50);
  CHECK(count_colour(img, s::demand2) > 50);
  // The panels' opaque light background fills much of the left column; the map beyond.
  CHECK(count_colour(img, {240, 240, 240}, 0, 380) > 60000);
  CHECK(count_colour(img, s::background, 380) > 50000);
}

}  // namespace

TEST_CASE("gui screenshot shows map and panels in English and Chinese", "[app]") {
  Image en = shoot("en");
  check_common(en);
  Image zh = shoot("zh");
  check_common(zh);
  // Same map, different panel text.
  int differ_panels = 0, differ_map = 0;
  for (int y = 0; y < en.h; ++y)
    for (int x = 0; x < en.w; ++x) {
      bool d = std::memcmp(en.at(x, y), zh.at(x, y), 3) != 0;
      (x < 370 ? differ_panels : differ_map) += d;
    }
  CHECK(differ_panels > 2000);
}
