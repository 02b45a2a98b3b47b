#include "app/render/marker_layers.hpp"

#include "app/render/app_palette.hpp"

namespace yz::app {
namespace {

constexpr Rgba kWhite{255, 255, 255};

Rgba with_alpha(Rgba c, uint8_t a) {
  return {c.r, c.g, c.b, a};
}

}  // namespace

MarkerLayers::MarkerLayers() {
  for (GlBuffer* b : {&stations_, &candidates_, &suggestions_, &diff_}) *b = marker_buffer();
}

MarkerLayers::~MarkerLayers() {
  for (GlBuffer* b : {&stations_, &candidates_, &suggestions_, &diff_}) free_buffer(*b);
}

void MarkerLayers::reset() {
  for (GlBuffer* b : {&stations_, &candidates_, &suggestions_, &diff_}) b->count = 0;
}

void MarkerLayers::set(const MapScene& scene, Vec2 origin) {
  marks_.origin = origin;
  // Stations: shape by host type, fill by status; the selected one last with an orange outline.
  marks_.clear();
  for (int pass = 0; pass < 2; ++pass)
    for (const SceneStation& st : scene.stations) {
      if (st.selected != (pass == 1)) continue;
      const int status = st.status < 3 ? st.status : 3;
      // Closed at the chosen hour: a pale grey fill the layer colour does not tint.
      const Rgba fill = st.closed ? app_style::closed_fill : style::station_status[status];
      const uint8_t flags = kEdge | (status == 0 && !st.closed ? kMainFill : 0);
      if (st.selected)
        marks_.add(st.xy, host_shape(st.host), style::station_half_px + 1, fill,
                   style::station_selected, 3, flags);
      else
        marks_.add(st.xy, host_shape(st.host), style::station_half_px, fill,
                   st.closed ? app_style::closed_outline : style::station_outline,
                   style::station_outline_px, flags);
    }
  upload(stations_, marks_);

  // Candidates: small hollow squares, the selected one larger in orange.
  marks_.clear();
  constexpr Rgba kNone{0, 0, 0, 0};
  for (size_t i = 0; i < scene.candidates.size(); ++i)
    if (static_cast<int>(i) != scene.selected_candidate)
      marks_.add(scene.candidates[i], MarkerShape::square, 3.5f, kNone, style::candidate, 1.5f,
                 kMainLine);
  if (scene.selected_candidate >= 0 &&
      static_cast<size_t>(scene.selected_candidate) < scene.candidates.size())
    marks_.add(scene.candidates[static_cast<size_t>(scene.selected_candidate)], MarkerShape::square,
               5, with_alpha(kWhite, 140), style::station_selected, 2.5f, kEdge);
  upload(candidates_, marks_);

  // Suggestions: orange stars (the app prints the rank beside them); selected: larger, dark rim.
  marks_.clear();
  for (int pass = 0; pass < 2; ++pass)
    for (const SceneSuggestion& s : scene.suggestions) {
      if (s.selected != (pass == 1)) continue;
      if (s.selected)
        marks_.add(s.xy, MarkerShape::star, 8, style::suggestion,
                   style::suggestion_selected_outline, 2.5f, kMainFill);
      else
        marks_.add(s.xy, MarkerShape::star, 6.5f, style::suggestion, kWhite, 1.5f,
                   kMainFill | kEdge);
    }
  upload(suggestions_, marks_);

  // Scenario diff: workers first, then stations only here (ring + plus), only there (cross).
  marks_.clear();
  const SceneDiff& d = scene.diff;
  for (Vec2 p : d.workers_lost)
    marks_.add(p, MarkerShape::circle, 2.5f, style::diff_lost, kWhite, 1, 0);
  for (Vec2 p : d.workers_gained)
    marks_.add(p, MarkerShape::circle, 2.5f, style::diff_gained, kWhite, 1, kMainFill);
  for (Vec2 p : d.stations_only_there)
    marks_.add(p, MarkerShape::cross, 6, style::diff_lost, kWhite, 1.5f, kEdge);
  for (Vec2 p : d.stations_only_here) {
    marks_.add(p, MarkerShape::ring, 11, style::diff_gained, kWhite, 1, kMainFill | kEdge);
    marks_.add(p, MarkerShape::plus, 5, style::diff_gained, kWhite, 1.5f, kMainFill | kEdge);
  }
  upload(diff_, marks_);
}

void MarkerLayers::draw(MapLayer l, const LayerStyle& look, MapPainter& p) {
  switch (l) {
    case MapLayer::candidates:
      p.draw_markers(candidates_, look.color, look.opacity);
      break;
    case MapLayer::scenario_diff:
      p.draw_markers(diff_, look.color, look.opacity);
      break;
    case MapLayer::stations:
      p.draw_markers(stations_, look.color, look.opacity);
      break;
    case MapLayer::suggestions:
      p.draw_markers(suggestions_, look.color, look.opacity);
      break;
    default:
      break;
  }
}

}  // namespace yz::app
