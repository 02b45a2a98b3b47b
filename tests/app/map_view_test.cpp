// MapView draws hand-built maps and scenes into an offscreen framebuffer (hidden GLFW window,
// OpenGL 3.3 core); pixels read back are checked against the styles: exact marker fills, shapes
// by host type, hidden layers, opacity, recolouring without a rebuild, density near and far from
// a hot spot, highlights, walk areas washed once per station, areas with holes. Without a
// display the test runs itself again under xvfb-run; without xvfb-run it is SKIPPED (exit 4).
#include "app/render/gl.hpp"
// GL first.
#include <chrono>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "app/render/app_palette.hpp"
#include "app/render/map_view.hpp"
#include "support/test_data.hpp"

using namespace yz;
using namespace yz::app;

namespace {

constexpr int W = 200, H = 200;

void skip(const char* why) {
  std::printf("SKIPPED: %s\n", why);
  std::fflush(stdout);
  std::_Exit(4);
}

// No display: exec this same command line under xvfb-run (once).
void ensure_display() {
  const char* d = std::getenv("DISPLAY");
  if (d && *d) return;
  if (std::getenv("YIZHAN_TEST_UNDER_XVFB")) skip("no display, even under xvfb-run");
  if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0)
    skip("no DISPLAY and xvfb-run is not installed");
  std::ifstream f("/proc/self/cmdline", std::ios::binary);
  const std::string all((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  std::vector<std::string> args = yz::test::xvfb_run_argv("map_view");
  char exe[4096];
  const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) skip("cannot find this test's executable to re-run it under xvfb-run");
  args.emplace_back(exe, static_cast<size_t>(n));
  size_t at = all.find('\0');  // skip argv[0]
  while (at != std::string::npos && at + 1 < all.size()) {
    const size_t end = all.find('\0', at + 1);
    args.push_back(all.substr(at + 1, end - at - 1));
    at = end;
  }
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  setenv("YIZHAN_TEST_UNDER_XVFB", "1", 1);
  std::fflush(stdout);
  execvp("xvfb-run", argv.data());
  skip("cannot exec xvfb-run");
}

// One hidden window's context for the whole process, and an offscreen RGBA8 + stencil target.
struct Gl {
  GLFWwindow* win = nullptr;
  unsigned fbo = 0, colour = 0, depth = 0;
  Gl() {
    ensure_display();
    if (!glfwInit()) skip("cannot start GLFW");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
    win = glfwCreateWindow(64, 64, "map_view_test", nullptr, nullptr);
    if (!win) skip("cannot create an OpenGL 3.3 core context");
    glfwMakeContextCurrent(win);
    glGenFramebuffers(1, &fbo);
    glGenRenderbuffers(1, &colour);
    glGenRenderbuffers(1, &depth);
    glBindRenderbuffer(GL_RENDERBUFFER, colour);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, W, H);
    glBindRenderbuffer(GL_RENDERBUFFER, depth);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, W, H);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, depth);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
      skip("offscreen RGBA8 framebuffer incomplete");
  }
};

Gl& gl() {
  static Gl g;
  glBindFramebuffer(GL_FRAMEBUFFER, g.fbo);
  return g;
}

struct Image {
  std::vector<uint8_t> px;  // RGBA, top row first
  Rgba at(int x, int y) const {
    const uint8_t* p = &px[(static_cast<size_t>(y) * W + x) * 4];
    return {p[0], p[1], p[2], p[3]};
  }
};

Camera camera(double m_per_px) {
  Camera c;
  c.centre = {0, 0};
  c.m_per_px = m_per_px;
  c.width_px = W;
  c.height_px = H;
  return c;
}

// World position of pixel (x, y)'s centre (y from the top).
Vec2 at_pixel(const Camera& c, int x, int y) {
  return c.to_world(x + 0.5, y + 0.5);
}

Image render(MapView& view, const Camera& cam, const LayerStyles& styles) {
  gl();
  view.draw(cam, styles, W, H);
  Image img;
  img.px.resize(static_cast<size_t>(W) * H * 4);
  std::vector<uint8_t> raw(img.px.size());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, W, H, GL_RGBA, GL_UNSIGNED_BYTE, raw.data());
  for (int y = 0; y < H; ++y)
    std::copy_n(&raw[static_cast<size_t>(H - 1 - y) * W * 4], W * 4,
                &img.px[static_cast<size_t>(y) * W * 4]);
  return img;
}

bool same_rgb(Rgba a, Rgba b) {
  return a.r == b.r && a.g == b.g && a.b == b.b;
}
bool near_rgb(Rgba a, Rgba b, int tol) {
  return std::abs(a.r - b.r) <= tol && std::abs(a.g - b.g) <= tol && std::abs(a.b - b.b) <= tol;
}
std::string str(Rgba c) {
  return std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b);
}
int count_rgb(const Image& img, Rgba c, int x0, int y0, int x1, int y1) {
  int n = 0;
  for (int y = std::max(0, y0); y <= std::min(H - 1, y1); ++y)
    for (int x = std::max(0, x0); x <= std::min(W - 1, x1); ++x) n += same_rgb(img.at(x, y), c);
  return n;
}

LayerStyles only(std::initializer_list<MapLayer> layers) {
  LayerStyles s = LayerStyles::defaults();
  for (auto& l : s.layer) l.visible = false;
  for (MapLayer l : layers) s[l].visible = true;
  return s;
}

}  // namespace

TEST_CASE("station markers: exact fill by status, shape by host, outline, selection", "[app]") {
  gl();
  MapView view;
  const Camera cam = camera(1);
  MapScene sc;
  auto station = [&](int x, int y, uint8_t host, uint8_t status, bool selected = false) {
    SceneStation s;
    s.xy = at_pixel(cam, x, y);
    s.host = host;
    s.status = status;
    s.selected = selected;
    sc.stations.push_back(s);
  };
  station(50, 50, 0, 0);                 // standalone (square), built
  station(150, 50, 1, 1);                // co-built (diamond), planned
  station(50, 150, kUnknown, kUnknown);  // circle, grey
  station(150, 150, 2, 2, true);         // shared (triangle), upgrading, selected
  view.set_scene(sc);
  const LayerStyles styles = only({MapLayer::stations});
  const Image img = render(view, cam, styles);

  INFO("built " << str(img.at(50, 50)));
  CHECK(same_rgb(img.at(50, 50), style::station));
  CHECK(same_rgb(img.at(150, 50), style::station_status[1]));
  CHECK(same_rgb(img.at(50, 150), style::station_status[3]));
  CHECK(same_rgb(img.at(150, 150), style::station_status[2]));
  // A square's corner is filled where a diamond's is not.
  CHECK(same_rgb(img.at(54, 54), style::station));
  CHECK(!same_rgb(img.at(154, 54), style::station_status[1]));
  CHECK(same_rgb(img.at(154, 50), style::station_status[1]));  // the diamond's side point
  // White outline just outside the square's fill (half-side 0.89 x 6 px), background beyond.
  const Rgba ring = img.at(50 + 6, 50);
  INFO("outline " << str(ring));
  CHECK((ring.r > 225 && ring.g > 225 && ring.b > 225));
  CHECK(same_rgb(img.at(50 + 14, 50), style::background));
  // The selected station's outline is orange.
  int orange = 0;
  for (int y = 135; y <= 165; ++y)
    for (int x = 135; x <= 165; ++x) orange += near_rgb(img.at(x, y), style::station_selected, 20);
  CHECK(orange > 20);
}

TEST_CASE("closed stations grey; mobile rounds: stops linked, the current one filled", "[app]") {
  gl();
  MapView view;
  const Camera cam = camera(1);
  MapScene sc;
  SceneStation st;
  st.xy = at_pixel(cam, 30, 30);
  st.status = 0;
  st.closed = true;
  sc.stations.push_back(st);
  SceneRound r;
  for (int x : {60, 100, 140}) r.stops.push_back(at_pixel(cam, x, 120));
  r.current = 1;
  sc.mobile.push_back(r);
  view.set_scene(sc);
  LayerStyles styles = only({MapLayer::stations});
  const Image img = render(view, cam, styles);
  CHECK(same_rgb(img.at(30, 30), app_style::closed_fill));  // not the built blue
  CHECK(same_rgb(img.at(100, 120), app_style::mobile_current));
  for (int x : {60, 140}) {
    INFO("stop at " << x << ": " << str(img.at(x, 120)));
    CHECK(same_rgb(img.at(x, 120), {255, 255, 255}));  // a white disc ...
    CHECK(count_rgb(img, app_style::mobile_current, x - 8, 112, x + 8, 128) == 0);
    CHECK(count_rgb(img, app_style::mobile_stop, x - 8, 112, x + 8, 128) > 0);  // ... teal rim
  }
  // The route between the stops (teal line, blended at its alpha over the background).
  const Rgba mid = img.at(80, 120);
  INFO("route " << str(mid));
  CHECK((mid.g > mid.r + 40 && mid.b > mid.r + 40));
  CHECK(same_rgb(img.at(80, 140), style::background));
  // Another hour: the van at the last stop; the middle one is a plain stop again.
  sc.mobile[0].current = 2;
  view.set_scene(sc);
  const Image later = render(view, cam, styles);
  CHECK(same_rgb(later.at(140, 120), app_style::mobile_current));
  CHECK(same_rgb(later.at(100, 120), {255, 255, 255}));
  // Shown and hidden with the stations layer.
  styles[MapLayer::stations].visible = false;
  const Image hidden = render(view, cam, styles);
  CHECK(count_rgb(hidden, style::background, 0, 0, W - 1, H - 1) == W * H);
}

TEST_CASE("layer visibility, opacity and colour apply at draw time", "[app]") {
  gl();
  MapView view;
  const Camera cam = camera(1);
  MapScene sc;
  SceneStation s;
  s.xy = at_pixel(cam, 100, 100);
  s.status = 0;
  sc.stations.push_back(s);
  s.xy = at_pixel(cam, 40, 100);
  s.status = 1;
  sc.stations.push_back(s);
  view.set_scene(sc);

  LayerStyles styles = LayerStyles::defaults();
  CHECK(same_rgb(render(view, cam, styles).at(100, 100), style::station));

  styles[MapLayer::stations].visible = false;
  const Image hidden = render(view, cam, styles);
  CHECK(same_rgb(hidden.at(100, 100), style::background));
  CHECK(count_rgb(hidden, style::background, 0, 0, W - 1, H - 1) == W * H);  // nothing at all

  styles[MapLayer::stations].visible = true;
  styles[MapLayer::stations].opacity = 0.5f;
  const Rgba half = render(view, cam, styles).at(100, 100);
  const Rgba want{static_cast<uint8_t>((style::station.r + style::background.r) / 2),
                  static_cast<uint8_t>((style::station.g + style::background.g) / 2),
                  static_cast<uint8_t>((style::station.b + style::background.b) / 2)};
  INFO("half " << str(half) << " want " << str(want));
  CHECK(near_rgb(half, want, 2));

  // Recolour without set_scene: built stations take the layer colour, planned ones keep theirs.
  styles[MapLayer::stations].opacity = 1;
  styles[MapLayer::stations].color = {200, 30, 30};
  const Image red = render(view, cam, styles);
  CHECK(same_rgb(red.at(100, 100), {200, 30, 30}));
  CHECK(same_rgb(red.at(40, 100), style::station_status[1]));
}

TEST_CASE("demand points by walk count, uncovered halo, disagreement ring", "[app]") {
  gl();
  MapView view;
  const Camera cam = camera(1);
  MapScene sc;
  auto worker = [&](int x, int y, uint8_t walk, uint8_t radius) {
    sc.demand_xy.push_back(at_pixel(cam, x, y));
    sc.demand_weight.push_back(1);
    sc.demand_walk.push_back(walk);
    sc.demand_radius.push_back(radius);
  };
  worker(40, 100, 0, 1);   // A: inside 1 km, no walk: disagreement
  worker(160, 100, 0, 0);  // B: uncovered, outside every circle
  worker(100, 40, 1, 1);   // C: one station on foot
  worker(100, 160, 2, 2);  // D: two
  view.set_scene(sc);
  LayerStyles styles = LayerStyles::defaults();
  styles[MapLayer::disagreement].opacity = 1;  // full strength: the ring's exact colour
  const Image img = render(view, cam, styles);

  CHECK(same_rgb(img.at(100, 40), style::demand1));
  CHECK(same_rgb(img.at(100, 160), style::demand2));
  CHECK(same_rgb(img.at(160, 100), style::demand0));
  // Uncovered: a white halo around the red dot, wider than the plain dot (5 px at this zoom).
  const Rgba halo = img.at(164, 100);
  INFO("halo " << str(halo));
  CHECK((halo.r > 240 && halo.g > 240 && halo.b > 240));
  CHECK(same_rgb(img.at(104, 40), style::background));  // a plain dot is smaller
  // The disagreement ring only around A.
  CHECK(count_rgb(img, style::disagreement, 30, 90, 50, 110) > 10);
  CHECK(count_rgb(img, style::disagreement, 150, 90, 170, 110) == 0);
  CHECK(count_rgb(img, style::disagreement, 90, 30, 110, 50) == 0);

  styles[MapLayer::disagreement].visible = false;
  CHECK(count_rgb(render(view, cam, styles), style::disagreement, 0, 0, W - 1, H - 1) == 0);

  // An edit: C loses its station; only the counts change.
  sc.demand_walk[2] = 0;
  view.set_scene(sc);
  CHECK(same_rgb(render(view, cam, styles).at(100, 40), style::demand0));
}

TEST_CASE("density layer: coloured near a hot spot, empty far away, stable", "[app]") {
  gl();
  MapView view;
  REQUIRE(view.density_supported());
  const Camera cam = camera(10);  // kernel 150 m = 15 px
  MapScene sc;
  const Vec2 hot = at_pixel(cam, 140, 60);
  for (int i = 0; i < 300; ++i) {
    sc.demand_xy.push_back({hot.x + (i % 5) * 4.0, hot.y + (i / 5 % 5) * 4.0});
    sc.demand_weight.push_back(1);
  }
  sc.demand_xy.push_back(at_pixel(cam, 60, 60));  // one lone worker
  sc.demand_weight.push_back(1);
  sc.demand_walk.assign(sc.demand_xy.size(), 0);
  sc.demand_radius.assign(sc.demand_xy.size(), 0);
  view.set_scene(sc);
  const LayerStyles styles = only({MapLayer::demand_density});
  const Image a = render(view, cam, styles);

  const Rgba h = a.at(141, 59);
  INFO("hot " << str(h));
  CHECK(!same_rgb(h, style::background));
  CHECK(h.r > h.b + 60);  // warm
  CHECK(!same_rgb(a.at(141 + 8, 59), style::background));
  CHECK(same_rgb(a.at(141 + 30, 59), style::background));  // beyond the kernel
  CHECK(count_rgb(a, style::background, 0, 120, W - 1, H - 1) == W * 80);
  // The lone worker is faint next to the hot spot, but there.
  const Rgba lone = a.at(60, 60);
  CHECK(!same_rgb(lone, style::background));
  CHECK(std::abs(lone.r - style::background.r) + std::abs(lone.b - style::background.b) <
        std::abs(h.r - style::background.r) + std::abs(h.b - style::background.b));
  // Same frame twice (the splat is cached), then after a pan and back.
  CHECK(render(view, cam, styles).px == a.px);
  Camera moved = cam;
  moved.pan_pixels(25, 0);
  const Image b = render(view, moved, styles);
  CHECK(!same_rgb(b.at(141 + 25, 59), style::background));
  CHECK(render(view, cam, styles).px == a.px);
}

TEST_CASE("walk areas wash once per station, selected stronger, and circles", "[app]") {
  gl();
  MapView view;
  const Camera cam = camera(1);
  std::vector<std::vector<Vec2>> pieces_a = {{at_pixel(cam, 20, 60), at_pixel(cam, 100, 60)},
                                             {at_pixel(cam, 100, 60), at_pixel(cam, 180, 60)},
                                             {at_pixel(cam, 100, 60), at_pixel(cam, 100, 20)}};
  std::vector<std::vector<Vec2>> pieces_b = {{at_pixel(cam, 20, 140), at_pixel(cam, 180, 140)}};
  MapScene sc;
  SceneStation s;
  s.xy = at_pixel(cam, 30, 100);
  s.walk_pieces = &pieces_a;
  sc.stations.push_back(s);
  s.xy = at_pixel(cam, 170, 100);
  s.walk_pieces = &pieces_b;
  sc.stations.push_back(s);
  sc.radius_m = 30;
  view.set_scene(sc);
  LayerStyles styles = only({MapLayer::walk_areas});
  const Image img = render(view, cam, styles);
  const Rgba mid = img.at(60, 60), joint = img.at(100, 60), other = img.at(60, 140);
  INFO("mid " << str(mid) << " joint " << str(joint));
  CHECK(!same_rgb(mid, style::background));
  CHECK(mid.b > mid.r + 20);
  CHECK(same_rgb(joint, mid));  // overlapping pieces of one station blend once
  CHECK(same_rgb(other, mid));

  sc.stations[1].selected = true;
  view.set_scene(sc);
  const Image sel = render(view, cam, styles);
  CHECK(same_rgb(sel.at(60, 60), mid));
  const Rgba strong = sel.at(60, 140);
  INFO("selected " << str(strong));
  CHECK(strong.b - strong.r > mid.b - mid.r + 30);

  // Moving a station rebuilds its area only; the new pieces show, the old ones are gone.
  pieces_b = {{at_pixel(cam, 20, 180), at_pixel(cam, 180, 180)}};
  view.set_scene(sc);
  const Image moved = render(view, cam, styles);
  CHECK(same_rgb(moved.at(60, 140), style::background));
  CHECK(!same_rgb(moved.at(60, 180), style::background));
  CHECK(same_rgb(moved.at(60, 60), mid));

  // Circles: the selected one in the highlight colour.
  const Image circles = render(view, cam, only({MapLayer::circles}));
  CHECK(same_rgb(circles.at(30, 100), style::background));
  int orange = 0, grey = 0;
  for (int y = 60; y < 140; ++y)
    for (int x = 120; x < 200; ++x)
      orange += near_rgb(circles.at(x, y), style::circle_selected, 40);
  for (int y = 60; y < 140; ++y)
    for (int x = 0; x < 80; ++x) grey += !same_rgb(circles.at(x, y), style::background);
  CHECK(orange > 40);
  CHECK(grey > 40);
}

TEST_CASE("joined street pieces and connecting lines: shown, hidden, replaced", "[app]") {
  gl();
  MapView view;
  const Camera cam = camera(1);
  MapScene sc;
  // A piece along row 50 and a connecting line down column 100 to row 150.
  sc.join_lines = {{at_pixel(cam, 40, 50), at_pixel(cam, 160, 50)},
                   {at_pixel(cam, 100, 50), at_pixel(cam, 100, 150)}};
  view.set_scene(sc);
  LayerStyles styles = only({MapLayer::joins});
  const Image img = render(view, cam, styles);
  INFO("piece " << str(img.at(60, 50)) << " line " << str(img.at(100, 120)));
  CHECK(!same_rgb(img.at(60, 50), style::background));
  CHECK(!same_rgb(img.at(100, 120), style::background));
  CHECK(img.at(60, 50).r > img.at(60, 50).b + 40);  // orange
  CHECK(same_rgb(img.at(60, 120), style::background));
  // The Layers tab's toggle hides them.
  styles[MapLayer::joins].visible = false;
  CHECK(count_rgb(render(view, cam, styles), style::background, 0, 0, W - 1, H - 1) == W * H);
  // Other joins (new parameters or demand): the old lines go.
  styles[MapLayer::joins].visible = true;
  sc.join_lines = {{at_pixel(cam, 40, 170), at_pixel(cam, 160, 170)}};
  view.set_scene(sc);
  const Image moved = render(view, cam, styles);
  CHECK(same_rgb(moved.at(60, 50), style::background));
  CHECK(!same_rgb(moved.at(60, 170), style::background));
}

TEST_CASE("candidates, suggestions and scenario differences", "[app]") {
  gl();
  MapView view;
  const Camera cam = camera(1);
  MapScene sc;
  sc.candidates = {at_pixel(cam, 30, 30), at_pixel(cam, 70, 30)};
  sc.selected_candidate = 1;
  SceneSuggestion sug;
  sug.xy = at_pixel(cam, 130, 30);
  sug.rank = 1;
  sc.suggestions.push_back(sug);
  sc.diff.stations_only_here = {at_pixel(cam, 30, 130)};
  sc.diff.stations_only_there = {at_pixel(cam, 100, 130)};
  sc.diff.workers_gained = {at_pixel(cam, 160, 120)};
  sc.diff.workers_lost = {at_pixel(cam, 160, 160)};
  view.set_scene(sc);
  const Image img = render(view, cam, LayerStyles::defaults());

  // Hollow candidate: empty inside, grey outline around.
  CHECK(same_rgb(img.at(30, 30), style::background));
  CHECK(count_rgb(img, style::candidate, 24, 24, 36, 36) > 8);
  CHECK(count_rgb(img, style::station_selected, 60, 20, 80, 40) > 8);
  // Star: filled centre and upper point; background between the two lower points.
  CHECK(same_rgb(img.at(130, 30), style::suggestion));
  CHECK(same_rgb(img.at(130, 30 - 6), style::suggestion));
  CHECK(same_rgb(img.at(130, 30 + 10), style::background));
  // Differences.
  CHECK(same_rgb(img.at(30, 130), style::diff_gained));
  CHECK(count_rgb(img, style::diff_gained, 15, 115, 45, 145) > 60);  // plus and ring
  CHECK(same_rgb(img.at(100, 130), style::diff_lost));
  CHECK(same_rgb(img.at(100 + 3, 130 + 3), style::diff_lost));  // a cross's arm
  CHECK(same_rgb(img.at(100 + 8, 130), style::background));     // between the arms
  CHECK(same_rgb(img.at(160, 120), style::diff_gained));
  CHECK(same_rgb(img.at(160, 160), style::diff_lost));

  LayerStyles styles = LayerStyles::defaults();
  styles[MapLayer::scenario_diff].visible = false;
  styles[MapLayer::suggestions].color = {120, 0, 200};
  const Image b = render(view, cam, styles);
  CHECK(count_rgb(b, style::diff_gained, 0, 0, W - 1, H - 1) == 0);
  CHECK(same_rgb(b.at(130, 30), {120, 0, 200}));
}

TEST_CASE("areas keep holes, streets by class, frames are deterministic", "[app]") {
  gl();
  MapView view;
  const Camera cam = camera(1);
  RoadLines lines;
  // A water square with a square hole.
  auto ring = [&](int x0, int y0, int x1, int y1) {
    for (Vec2 p : {at_pixel(cam, x0, y0), at_pixel(cam, x1, y0), at_pixel(cam, x1, y1),
                   at_pixel(cam, x0, y1), at_pixel(cam, x0, y0)})
      lines.areas.points.push_back(p);
    lines.areas.ring_first.push_back(static_cast<uint32_t>(lines.areas.points.size()));
  };
  ring(20, 20, 100, 100);
  ring(50, 50, 70, 70);
  lines.areas.poly_first.push_back(2);
  lines.areas.kind.push_back(AreaKind::water);
  lines.add_line({at_pixel(cam, 120, 150), at_pixel(cam, 190, 150)}, RoadClass::primary, true, 1);
  lines.add_line({at_pixel(cam, 120, 180), at_pixel(cam, 190, 180)}, RoadClass::residential, true,
                 2);
  view.set_map(lines);
  view.set_scene(MapScene{});
  LayerStyles styles = LayerStyles::defaults();
  const Image img = render(view, cam, styles);
  CHECK(same_rgb(img.at(30, 30), style::water));
  CHECK(same_rgb(img.at(60, 60), style::background));  // the hole
  CHECK(same_rgb(img.at(150, 150), road_style(RoadClass::primary).color));
  CHECK(same_rgb(img.at(150, 180), road_style(RoadClass::residential).color));
  CHECK(render(view, cam, styles).px == img.px);

  styles[MapLayer::areas].color = {90, 120, 200};
  styles[MapLayer::streets].color = {200, 200, 200};
  const Image b = render(view, cam, styles);
  CHECK(same_rgb(b.at(30, 30), {90, 120, 200}));
  CHECK(same_rgb(b.at(150, 180), {200, 200, 200}));                       // minor streets recolour
  CHECK(same_rgb(b.at(150, 150), road_style(RoadClass::primary).color));  // classes keep theirs
}

TEST_CASE("edits redraw only what changed, and match a fresh view", "[app]") {
  gl();
  const Camera cam = camera(4);
  // A grid of streets, demand along them, three stations with walk pieces.
  RoadLines lines;
  for (int i = -4; i <= 4; ++i) {
    lines.add_line({{i * 100.0, -400}, {i * 100.0, 400}}, RoadClass::residential, true, i + 10);
    lines.add_line({{-400, i * 100.0}, {400, i * 100.0}}, RoadClass::footway, true, i + 30);
  }
  MapScene a;
  for (int x = -380; x <= 380; x += 20)
    for (int y = -380; y <= 380; y += 100) {
      a.demand_xy.push_back({double(x), double(y)});
      a.demand_weight.push_back(1);
      a.demand_walk.push_back(static_cast<uint8_t>((x / 20 + y) & 3));
      a.demand_radius.push_back(static_cast<uint8_t>((x / 20) & 1));
    }
  std::vector<std::vector<std::vector<Vec2>>> pieces = {
      {{{-300, -300}, {-100, -300}, {-100, -100}}},
      {{{100, 100}, {300, 100}}},
      {{{0, 0}, {0, 200}}, {{0, 0}, {-200, 0}}}};
  const Vec2 at[3] = {{-200, -300}, {200, 100}, {0, 0}};
  for (int k = 0; k < 3; ++k) {
    SceneStation s;
    s.xy = at[k];
    s.host = static_cast<uint8_t>(k);
    s.status = 0;
    s.walk_pieces = &pieces[static_cast<size_t>(k)];
    a.stations.push_back(s);
  }
  a.radius_m = 150;
  LayerStyles styles = LayerStyles::defaults();
  styles[MapLayer::demand_density].visible = true;

  MapView view;
  view.set_map(lines);
  view.set_scene(a);
  const Image before = render(view, cam, styles);

  // Move station 1 (new pieces, new circle), select station 2, change some workers' counts.
  MapScene b = a;
  pieces[1] = {{{150, -200}, {300, -200}}};
  b.stations[1].xy = {220, -200};
  b.stations[2].selected = true;
  for (size_t i = 0; i < b.demand_walk.size(); i += 7) b.demand_walk[i] = 0;
  // The upload time the app shows (timings.upload_ms): measured around the upload, so above 0 and
  // at most the time this call took, timed here independently.
  const auto t0 = std::chrono::steady_clock::now();
  view.set_scene(b);
  const double outside_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  CHECK(view.last_set_scene_ms() > 0);
  CHECK(view.last_set_scene_ms() <= outside_ms);
  const Image after = render(view, cam, styles);
  MapView fresh;
  fresh.set_map(lines);
  fresh.set_scene(b);
  const Image want = render(fresh, cam, styles);
  CHECK(after.px != before.px);
  int differ = 0;
  for (int y = 0; y < H; ++y)
    for (int x = 0; x < W; ++x) differ += !same_rgb(after.at(x, y), want.at(x, y));
  CHECK(differ == 0);
  CHECK(render(view, cam, styles).px == want.px);  // the next, still frame (from the composed copy)

  // A small pan reuses the cached picture, shifted: it matches drawing afresh there (the density
  // is left out: its texel grid follows the view, so it differs by rounding everywhere).
  styles[MapLayer::demand_density].visible = false;
  render(view, cam, styles);
  Camera moved = cam;
  moved.pan_pixels(-30, 20);
  const Image panned = render(view, moved, styles);
  MapView fresh2;
  fresh2.set_map(lines);
  fresh2.set_scene(b);
  const Image want2 = render(fresh2, moved, styles);
  differ = 0;
  for (int y = 0; y < H; ++y)
    for (int x = 0; x < W; ++x) differ += !near_rgb(panned.at(x, y), want2.at(x, y), 3);
  CHECK(differ < 20);  // sub-pixel rounding at a few edges at most

  // Zoomed in, an edit reaching off screen: the hidden part is redrawn once the view pans there.
  Camera close = camera(1);
  close.centre = {200, -150};
  render(view, close, styles);
  pieces[1] = {{{120, -220}, {330, -220}}, {{200, -300}, {200, -60}}};
  b.stations[1].xy = {200, -210};
  view.set_scene(b);
  render(view, close, styles);
  Camera close_moved = close;
  close_moved.pan_pixels(-100, 0);  // within the cache's margin
  const Image seen = render(view, close_moved, styles);
  MapView fresh3;
  fresh3.set_map(lines);
  fresh3.set_scene(b);
  const Image want3 = render(fresh3, close_moved, styles);
  differ = 0;
  for (int y = 0; y < H; ++y)
    for (int x = 0; x < W; ++x) differ += !near_rgb(seen.at(x, y), want3.at(x, y), 3);
  CHECK(differ < 20);
}
