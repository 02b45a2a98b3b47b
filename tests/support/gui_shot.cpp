#include "support/gui_shot.hpp"

#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>

#include "support/test_data.hpp"

namespace yz::test {

Shot gui_shot(const std::string& args, const std::string& name) {
  if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) {
    std::printf("SKIPPED: xvfb-run is not installed\n");
    std::exit(4);
  }
  const std::string png = temp_dir() + "/" + name + ".png",
                    json = temp_dir() + "/" + name + ".json";
  std::remove(png.c_str());
  std::remove(json.c_str());
  Shot s;
  std::string xvfb;
  for (const std::string& a : xvfb_run_argv(name)) xvfb += "'" + a + "' ";
  // A bounded run: a headless app that never reaches its screenshot (seen once, not reproduced)
  // must fail this test, not hang the suite; `timeout` exits 124 then, and the run is tried once
  // more so a rare start-up stall of Xvfb is told apart from a real hang.
  const std::string cmd = "YIZHAN_STATE_DIR=" + temp_dir() + "/state timeout -k 10 300 " + xvfb +
                          cli_exe() + " gui " + args + " --screenshot " + png + " --ui-report " +
                          json;
  s.rc = run_command(cmd, s.output);
  if (s.rc == 124) {
    std::printf("gui_shot %s: no screenshot within 300 s, trying once more\n", name.c_str());
    s.rc = run_command(cmd, s.output);
  }
  int n = 0;
  if (unsigned char* p = stbi_load(png.c_str(), &s.img.w, &s.img.h, &n, 3)) {
    s.img.px.assign(p, p + static_cast<size_t>(s.img.w) * s.img.h * 3);
    stbi_image_free(p);
  }
  std::ifstream in(json);
  if (in) s.report = nlohmann::json::parse(in, nullptr, false);
  return s;
}

int count_colour(const Image& img, app::Rgba c, int x0, int y0, int x1, int y1) {
  if (x1 < 0) x1 = img.w;
  if (y1 < 0) y1 = img.h;
  int n = 0;
  for (int y = std::max(0, y0); y < std::min(y1, img.h); ++y)
    for (int x = std::max(0, x0); x < std::min(x1, img.w); ++x) {
      const unsigned char* p = img.at(x, y);
      n += p[0] == c.r && p[1] == c.g && p[2] == c.b;
    }
  return n;
}

int colour_near(const Image& img, app::Rgba c, double x, double y, int r) {
  return count_colour(img, c, static_cast<int>(x) - r, static_cast<int>(y) - r,
                      static_cast<int>(x) + r + 1, static_cast<int>(y) + r + 1);
}

int distinct_colours(const Image& img, int x0, int y0, int x1, int y1) {
  std::set<int> colours;
  for (int y = std::max(0, y0); y < std::min(y1, img.h); y += 3)
    for (int x = std::max(0, x0); x < std::min(x1, img.w); x += 3) {
      const unsigned char* p = img.at(x, y);
      colours.insert(p[0] << 16 | p[1] << 8 | p[2]);
    }
  return static_cast<int>(colours.size());
}

}  // namespace yz::test
