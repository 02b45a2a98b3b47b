#pragma once
// Headless runs of `yizhan gui --screenshot` under Xvfb for the app tests: the PNG as pixels and
// the UI report (windows, figures, where stations and suggestions are on screen) as JSON.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/render/map_style.hpp"

namespace yz::test {

struct Image {
  int w = 0, h = 0;
  std::vector<unsigned char> px;  // RGB
  const unsigned char* at(int x, int y) const {
    return px.data() + (static_cast<size_t>(y) * w + x) * 3;
  }
};

struct Shot {
  int rc = -1;
  std::string output;  // the command's stdout + stderr
  Image img;
  nlohmann::json report;
};

// Runs `yizhan gui <args> --screenshot ... --ui-report ...` (exit 4 = SKIPPED without xvfb-run).
// Autosaves go to a private state folder so tests never see the user's.
Shot gui_shot(const std::string& args, const std::string& name);

int count_colour(const Image& img, app::Rgba c, int x0 = 0, int y0 = 0, int x1 = -1, int y1 = -1);
// Pixels of colour c within r pixels of (x, y).
int colour_near(const Image& img, app::Rgba c, double x, double y, int r);
// Distinct colours on a 3-pixel grid inside the rectangle (a blank area has very few).
int distinct_colours(const Image& img, int x0, int y0, int x1, int y1);

}  // namespace yz::test
