#include "app/ui/map_legend.hpp"

#include <algorithm>
#include <cmath>

#include "app/render/app_palette.hpp"
#include "app/render/marker_shape.hpp"

namespace yz::app {
namespace {

ImU32 col(Rgba c, float alpha = 1) {
  return IM_COL32(c.r, c.g, c.b, static_cast<int>(std::lround(c.a * alpha)));
}

constexpr Rgba kInk{30, 30, 40}, kWhite{255, 255, 255};
constexpr float kIconW = 22, kPad = 8, kGap = 6;

// The marker shapes of marker.frag.glsl as convex pieces (ImGui fills convex polygons only), in
// screen coordinates (y down).
void fill_shape(ImDrawList* dl, MarkerShape s, ImVec2 c, float R, ImU32 colour) {
  namespace k = shape_k;
  auto poly = [&](std::initializer_list<ImVec2> pts) {
    ImVec2 p[12];
    int n = 0;
    for (ImVec2 q : pts) p[n++] = ImVec2(c.x + q.x, c.y + q.y);
    dl->AddConvexPolyFilled(p, n, colour);
  };
  switch (s) {
    case MarkerShape::square: {
      const float h = k::square * R;
      poly({{-h, -h}, {h, -h}, {h, h}, {-h, h}});
      break;
    }
    case MarkerShape::diamond: {
      const float h = k::diamond * R * 1.41421f;
      poly({{0, -h}, {h, 0}, {0, h}, {-h, 0}});
      break;
    }
    case MarkerShape::triangle:
    case MarkerShape::triangle_down: {
      const float h = k::triangle * R, up = s == MarkerShape::triangle ? -1.f : 1.f;
      const float tip = 2 * h / std::sqrt(3.f), base = h / std::sqrt(3.f);
      poly({{0, up * tip}, {h, -up * base}, {-h, -up * base}});
      break;
    }
    case MarkerShape::hexagon: {  // flat top and bottom, apothem k::hexagon R
      const float a = k::hexagon * R, r = a / 0.8660254f;
      poly({{r, 0}, {r / 2, a}, {-r / 2, a}, {-r, 0}, {-r / 2, -a}, {r / 2, -a}});
      break;
    }
    case MarkerShape::star: {  // five convex kites around the centre
      const float ro = k::star * R, ri = ro * k::star_inner;
      auto at = [&](int i, float r) {
        const float a = -1.5707963f + 0.6283185f * i;
        return ImVec2(r * std::cos(a), r * std::sin(a));
      };
      for (int i = 0; i < 10; i += 2) poly({{0, 0}, at(i - 1, ri), at(i, ro), at(i + 1, ri)});
      break;
    }
    case MarkerShape::plus:
    case MarkerShape::cross: {
      const float l = k::arm * R, w = k::arm_half_width * R;
      if (s == MarkerShape::plus) {
        poly({{-l, -w}, {l, -w}, {l, w}, {-l, w}});
        poly({{-w, -l}, {w, -l}, {w, l}, {-w, l}});
      } else {
        const float d = 0.70710678f;
        auto t = [&](float x, float y) { return ImVec2((x - y) * d, (x + y) * d); };
        poly({t(-l, -w), t(l, -w), t(l, w), t(-l, w)});
        poly({t(-w, -l), t(w, -l), t(w, l), t(-w, l)});
      }
      break;
    }
    case MarkerShape::ring:
      dl->AddCircle(c, R, colour, 24, 2 * shape_k::ring * R);
      break;
    default:
      dl->AddCircleFilled(c, R, colour, 24);
  }
}

// A marker as the map draws it: outline (the shape grown by `line_px`), then the fill.
void marker(ImDrawList* dl, MarkerShape s, ImVec2 c, float R, Rgba fill, Rgba line, float line_px) {
  fill_shape(dl, s, c, R + line_px, col(line));
  if (fill.a > 0) fill_shape(dl, s, c, R, col(fill));
}

struct Layout {
  ImDrawList* dl;
  ImVec2 at;  // content origin
  float y = 0, width = 0, row_h = 0;

  ImVec2 centre(float x) const { return ImVec2(at.x + x + kIconW / 2, at.y + y + row_h / 2); }
  // One icon + label at column offset `x`; returns the row's width.
  template <class Icon>
  float item(float x, const char* label, Icon icon) {
    const float w = kIconW + kGap + ImGui::CalcTextSize(label).x;
    if (dl) {
      icon(centre(x));
      const float th = ImGui::GetTextLineHeight();
      dl->AddText(ImVec2(at.x + x + kIconW + kGap, at.y + y + (row_h - th) / 2), col(kInk), label);
    }
    width = std::max(width, x + w);
    return w;
  }
  template <class Icon>
  void row(const char* label, Icon icon) {
    if (!label) return;
    item(0, label, icon);
    y += row_h;
  }
  void heading(const char* label) {
    if (!label) return;
    if (dl) dl->AddText(ImVec2(at.x, at.y + y), col(kInk), label);
    width = std::max(width, ImGui::CalcTextSize(label).x);
    y += ImGui::GetTextLineHeight() + 2;
  }
};

}  // namespace

ImVec2 draw_map_legend(ImDrawList* dl, ImVec2 top_left, const LayerStyles& styles,
                       const LegendText& text) {
  auto on = [&](MapLayer l) { return styles[l].visible && styles[l].opacity > 0; };
  if (dl) dl->ChannelsSplit(2), dl->ChannelsSetCurrent(1);  // box behind, drawn once sized
  Layout L{dl, ImVec2(top_left.x + kPad, top_left.y + kPad)};
  L.row_h = std::max(18.f, ImGui::GetTextLineHeight() + 3);
  const float R = style::station_half_px;
  bool any = false;

  if (text.title) L.heading(text.title), L.y += 2;

  if (on(MapLayer::stations)) {
    for (const char* t : text.host) any = any || t;
    for (const char* t : text.status) any = any || t;
    if (text.stations) L.heading(text.stations), any = true;
    // Host types (shape) in the first column, statuses (colour) beside them.
    float col1 = 0;
    for (const char* h : text.host)
      if (h) col1 = std::max(col1, kIconW + kGap + ImGui::CalcTextSize(h).x);
    const float x2 = col1 > 0 ? col1 + 2 * kGap : 0;
    const float y0 = L.y;
    const Rgba neutral = style::station_status[3];
    for (int i = 0; i < 6; ++i) {
      if (!text.host[i]) continue;
      const MarkerShape s = host_shape(i < 5 ? static_cast<uint8_t>(i) : kUnknown);
      L.item(0, text.host[i],
             [&](ImVec2 c) { marker(L.dl, s, c, R, neutral, kWhite, style::station_outline_px); });
      L.y += L.row_h;
    }
    const float y1 = L.y;
    L.y = y0;
    for (int i = 0; i < 4; ++i) {
      if (!text.status[i]) continue;
      const Rgba fill = i == 0 ? styles[MapLayer::stations].color : style::station_status[i];
      L.item(x2, text.status[i], [&](ImVec2 c) {
        marker(L.dl, MarkerShape::circle, c, R, fill, kWhite, style::station_outline_px);
      });
      L.y += L.row_h;
    }
    L.y = std::max(L.y, y1);
    // What grey means (the time control greys closed stations), and the vans' rounds.
    if (text.closed) {
      any = true;
      L.row(text.closed, [&](ImVec2 c) {
        marker(L.dl, MarkerShape::circle, c, R, app_style::closed_fill, app_style::closed_outline,
               style::station_outline_px);
      });
    }
    if (text.mobile_route) {
      any = true;
      L.row(text.mobile_route, [&](ImVec2 c) {
        L.dl->AddLine(ImVec2(c.x - 9, c.y), ImVec2(c.x + 9, c.y), col(app_style::mobile_route),
                      app_style::mobile_route_px);
        for (float dx : {-7.f, 7.f})
          marker(L.dl, MarkerShape::circle, ImVec2(c.x + dx, c.y), 3, kWhite,
                 app_style::mobile_stop, 2);
      });
    }
    if (text.mobile_current) {
      any = true;
      L.row(text.mobile_current, [&](ImVec2 c) {
        marker(L.dl, MarkerShape::circle, c, 6, app_style::mobile_current, kWhite, 2);
      });
    }
    L.y += 4;
  }
  if (on(MapLayer::suggestions) && text.suggestion) {
    any = true;
    L.row(text.suggestion, [&](ImVec2 c) {
      marker(L.dl, MarkerShape::star, c, 5.5f, styles[MapLayer::suggestions].color, kWhite, 1.5f);
    });
  }
  if (on(MapLayer::candidates) && text.candidate) {
    any = true;
    L.row(text.candidate, [&](ImVec2 c) {
      marker(L.dl, MarkerShape::square, c, 3.5f, {0, 0, 0, 0}, styles[MapLayer::candidates].color,
             1.5f);
      fill_shape(L.dl, MarkerShape::square, c, 3.5f, col(kWhite, 0.9f));
    });
  }
  if (on(MapLayer::demand_points) && text.demand) {
    any = true;
    L.y += 2;
    L.heading(text.demand);
    const Rgba cover[3] = {styles[MapLayer::demand_points].color, style::demand1, style::demand2};
    float x = 0;
    for (int i = 0; i < 3; ++i) {
      if (!text.demand_count[i]) continue;
      x += L.item(x, text.demand_count[i], [&](ImVec2 c) {
        L.dl->AddCircleFilled(c, 3.5f, col(cover[i]), 12);
      }) + 2 * kGap;
    }
    L.y += L.row_h;
  }
  if (on(MapLayer::uncovered) && text.uncovered) {
    any = true;
    L.row(text.uncovered, [&](ImVec2 c) {
      L.dl->AddCircleFilled(c, 5, col(kWhite, 0.9f), 16);
      L.dl->AddCircleFilled(c, 3.1f, col(styles[MapLayer::uncovered].color), 12);
    });
  }
  if (on(MapLayer::disagreement) && text.disagreement) {
    any = true;
    L.row(text.disagreement, [&](ImVec2 c) {
      L.dl->AddCircle(c, 5.5f, col(kWhite, 0.8f), 20, 1.5f);
      L.dl->AddCircle(c, 4.3f, col(styles[MapLayer::disagreement].color), 20, 2.0f);
    });
  }
  if (on(MapLayer::demand_density) && text.density) {
    any = true;
    L.row(text.density, [&](ImVec2 c) {
      const ImVec2 a(c.x - kIconW / 2, c.y - 4), m(c.x, c.y + 4), b(c.x + kIconW / 2, c.y + 4);
      const ImU32 low = col(style::density_low), mid = col(style::density_mid),
                  high = col(styles[MapLayer::demand_density].color);
      L.dl->AddRectFilledMultiColor(a, m, low, mid, mid, low);
      L.dl->AddRectFilledMultiColor(ImVec2(c.x, c.y - 4), b, mid, high, high, mid);
    });
  }
  if (on(MapLayer::walk_areas) && text.walk_area) {
    any = true;
    Rgba c = styles[MapLayer::walk_areas].color;
    c.a = static_cast<uint8_t>(std::min(255, c.a * 2));  // reads like the area's overlaps
    L.row(text.walk_area, [&](ImVec2 p) {
      L.dl->AddLine(ImVec2(p.x - 9, p.y + 3), ImVec2(p.x + 9, p.y - 3), col(c), 4);
    });
  }
  if (on(MapLayer::circles) && text.circle) {
    any = true;
    L.row(text.circle,
          [&](ImVec2 p) { L.dl->AddCircle(p, 7, col(styles[MapLayer::circles].color), 24, 1.3f); });
  }
  if (on(MapLayer::scenario_diff)) {
    const Rgba here = styles[MapLayer::scenario_diff].color;
    const bool rows = text.diff_here || text.diff_there || text.diff_gained || text.diff_lost;
    any = any || rows;
    L.row(text.diff_here, [&](ImVec2 c) {
      fill_shape(L.dl, MarkerShape::ring, c, 8, col(here));
      marker(L.dl, MarkerShape::plus, c, 3.5f, here, kWhite, 1);
    });
    L.row(text.diff_there, [&](ImVec2 c) {
      marker(L.dl, MarkerShape::cross, c, 5, style::diff_lost, kWhite, 1.5f);
    });
    L.row(text.diff_gained,
          [&](ImVec2 c) { marker(L.dl, MarkerShape::circle, c, 2.5f, here, kWhite, 1); });
    L.row(text.diff_lost, [&](ImVec2 c) {
      marker(L.dl, MarkerShape::circle, c, 2.5f, style::diff_lost, kWhite, 1);
    });
  }

  const ImVec2 size = any ? ImVec2(L.width + 2 * kPad, L.y + 2 * kPad - 2) : ImVec2(0, 0);
  if (dl) {
    dl->ChannelsSetCurrent(0);
    if (any) {
      const ImVec2 br(top_left.x + size.x, top_left.y + size.y);
      dl->AddRectFilled(top_left, br, IM_COL32(255, 255, 255, 235), 4);
      dl->AddRect(top_left, br, IM_COL32(150, 150, 160, 200), 4);
    }
    dl->ChannelsMerge();
  }
  return size;
}

LegendText legend_rows_for(const MapScene& scene, LegendText t) {
  if (scene.stations.empty()) {
    t.stations = nullptr;
    for (const char*& h : t.host) h = nullptr;
    for (const char*& h : t.status) h = nullptr;
    t.walk_area = t.circle = nullptr;
  }
  if (std::none_of(scene.stations.begin(), scene.stations.end(),
                   [](const SceneStation& s) { return s.closed; }))
    t.closed = nullptr;
  if (scene.mobile.empty()) t.mobile_route = nullptr;
  if (std::none_of(scene.mobile.begin(), scene.mobile.end(),
                   [](const SceneRound& r) { return r.current >= 0; }))
    t.mobile_current = nullptr;
  if (scene.demand_xy.empty()) t.demand = t.uncovered = t.disagreement = t.density = nullptr;
  if (scene.candidates.empty()) t.candidate = nullptr;
  if (scene.suggestions.empty()) t.suggestion = nullptr;
  const SceneDiff& d = scene.diff;
  if (d.stations_only_here.empty()) t.diff_here = nullptr;
  if (d.stations_only_there.empty()) t.diff_there = nullptr;
  if (d.workers_gained.empty()) t.diff_gained = nullptr;
  if (d.workers_lost.empty()) t.diff_lost = nullptr;
  return t;
}

}  // namespace yz::app
