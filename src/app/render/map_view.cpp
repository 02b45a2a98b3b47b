#include "app/render/map_view.hpp"

#include <algorithm>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstring>
#include <iterator>

#include "app/render/gl.hpp"

namespace yz::app {
namespace {

void set_rgba(int loc, Rgba c, float alpha_scale = 1) {
  glUniform4f(loc, c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f * alpha_scale);
}

// Identifies a station's reached pieces across edits: a moved station gets new pieces in the same
// vector, so the address says nothing. Word-wise multiply-xorshift: about 0.3 ms for 50 stations'
// 150k points.
uint64_t hash_pieces(const std::vector<std::vector<Vec2>>& pieces) {
  uint64_t h = 0x9e3779b97f4a7c15ull ^ pieces.size();
  auto mix = [&h](uint64_t w) {
    h = (h ^ w) * 0x100000001b3ull;
    h ^= h >> 29;
  };
  for (const auto& p : pieces) {
    mix(p.size());
    for (const Vec2& v : p) mix(std::bit_cast<uint64_t>(v.x) * 31 ^ std::bit_cast<uint64_t>(v.y));
  }
  return h == 0 ? 1 : h;  // 0 = "no area"
}

// Demand dot diameter (window pixels) by zoom: 6 px at 1 m/px, 2 px with a whole region on
// screen (25 m/px), so 100k workers do not paint the map over; highlights scale with it.
float demand_px(double m_per_px) {
  return static_cast<float>(std::clamp(6 - 0.86 * std::log2(m_per_px), 2.0, 7.0));
}

Rgba with_alpha(Rgba c, uint8_t a) {
  return {c.r, c.g, c.b, a};
}

constexpr Rgba kWhite{255, 255, 255};
constexpr double kOriginResetM = 50'000;  // a map this far from the origin gets a new origin

}  // namespace

MapView::MapView()
    : lines_("map.vert.glsl", "map.frag.glsl"),
      markers_("marker.vert.glsl", "marker.frag.glsl"),
      demand_("demand.vert.glsl", "demand.frag.glsl") {
  ul_ = {lines_.uniform("u_scale"),       lines_.uniform("u_shift"), lines_.uniform("u_pixel"),
         lines_.uniform("u_width_scale"), lines_.uniform("u_main"),  lines_.uniform("u_opacity")};
  um_ = {markers_.uniform("u_scale"),    markers_.uniform("u_shift"),
         markers_.uniform("u_fb_scale"), markers_.uniform("u_main"),
         markers_.uniform("u_opacity"),  markers_.uniform("u_edge_color")};
  ud_ = {demand_.uniform("u_scale"),  demand_.uniform("u_shift"), demand_.uniform("u_size"),
         demand_.uniform("u_cover"),  demand_.uniform("u_mode"),  demand_.uniform("u_main"),
         demand_.uniform("u_opacity")};
  for (Buffer* b : {&water_fan_, &water_box_, &park_fan_, &park_box_, &circles_, &joins_})
    *b = line_buffer();
  for (Buffer* b : {&stations_, &candidates_, &suggestions_, &diff_}) *b = marker_buffer();

  glGenBuffers(1, &demand_pos_vbo_);
  glGenBuffers(1, &demand_count_vbo_);
  glGenBuffers(1, &uncovered_ibo_);
  glGenBuffers(1, &disagree_ibo_);
  const std::pair<unsigned*, unsigned> vaos[] = {
      {&demand_vao_, 0}, {&uncovered_vao_, uncovered_ibo_}, {&disagree_vao_, disagree_ibo_}};
  for (auto [vao, ibo] : vaos) {
    glGenVertexArrays(1, vao);
    glBindVertexArray(*vao);
    glBindBuffer(GL_ARRAY_BUFFER, demand_pos_vbo_);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 3 * sizeof(float), nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, demand_count_vbo_);
    glEnableVertexAttribArray(1);
    glVertexAttribIPointer(1, 2, GL_UNSIGNED_BYTE, 2, nullptr);
    if (ibo) glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo);
  }
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
}

MapView::~MapView() {
  for (Buffer* b : {&water_fan_, &water_box_, &park_fan_, &park_box_, &circles_, &stations_,
                    &candidates_, &suggestions_, &diff_, &joins_})
    free_buffer(*b);
  for (StreetGpu& g : street_levels_) free_buffer(g.streets), free_buffer(g.casings);
  for (WalkMesh& w : walk_pool_) free_buffer(w.buf);
  for (unsigned vao : {demand_vao_, uncovered_vao_, disagree_vao_}) glDeleteVertexArrays(1, &vao);
  for (unsigned b : {demand_pos_vbo_, demand_count_vbo_, uncovered_ibo_, disagree_ibo_})
    glDeleteBuffers(1, &b);
}

MapView::Buffer MapView::line_buffer() {
  Buffer b;
  glGenVertexArrays(1, &b.vao);
  glGenBuffers(1, &b.vbo);
  glBindVertexArray(b.vao);
  glBindBuffer(GL_ARRAY_BUFFER, b.vbo);
  const auto at = [](size_t off) { return reinterpret_cast<const void*>(off); };
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(MapVertex), at(offsetof(MapVertex, x)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(MapVertex), at(offsetof(MapVertex, ox)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(MapVertex),
                        at(offsetof(MapVertex, r)));
  glEnableVertexAttribArray(3);
  glVertexAttribPointer(3, 1, GL_UNSIGNED_BYTE, GL_FALSE, sizeof(MapVertex),
                        at(offsetof(MapVertex, main)));
  glBindVertexArray(0);
  return b;
}

MapView::Buffer MapView::marker_buffer() {
  Buffer b;
  glGenVertexArrays(1, &b.vao);
  glGenBuffers(1, &b.vbo);
  glBindVertexArray(b.vao);
  glBindBuffer(GL_ARRAY_BUFFER, b.vbo);
  const auto at = [](size_t off) { return reinterpret_cast<const void*>(off); };
  const auto stride = static_cast<GLsizei>(sizeof(MarkerVertex));
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(MarkerVertex, x)));
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, at(offsetof(MarkerVertex, fill)));
  glEnableVertexAttribArray(2);
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, at(offsetof(MarkerVertex, line)));
  glEnableVertexAttribArray(3);
  glVertexAttribIPointer(3, 4, GL_UNSIGNED_BYTE, stride, at(offsetof(MarkerVertex, shape)));
  glBindVertexArray(0);
  return b;
}

void MapView::free_buffer(Buffer& b) {
  if (b.vbo) glDeleteBuffers(1, &b.vbo);
  if (b.vao) glDeleteVertexArrays(1, &b.vao);
  b = Buffer{};
}

void MapView::upload(Buffer& b, const void* data, size_t bytes, int count, bool grow) {
  glBindBuffer(GL_ARRAY_BUFFER, b.vbo);
  if (bytes > b.capacity || (!grow && bytes != b.capacity)) {
    b.capacity = grow ? bytes + bytes / 4 : bytes;
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(b.capacity), nullptr,
                 grow ? GL_DYNAMIC_DRAW : GL_STATIC_DRAW);
  }
  if (bytes > 0) glBufferSubData(GL_ARRAY_BUFFER, 0, static_cast<GLsizeiptr>(bytes), data);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
  b.count = count;
}

void MapView::set_map(const RoadLines& lines) {
  const Box bounds = lines.bounds();
  if (!bounds.empty() && (!have_origin_ || distance(bounds.centre(), origin_) > kOriginResetM)) {
    // A new place: buffers relative to the old origin are dropped until the next set_scene.
    origin_ = bounds.centre();
    have_origin_ = true;
    for (Buffer* b : {&circles_, &stations_, &candidates_, &suggestions_, &diff_, &joins_})
      b->count = 0;
    join_lines_.clear();
    joins_box_ = Box{};
    for (WalkMesh& w : walk_pool_) free_buffer(w.buf);
    walk_pool_.clear();
    walk_index_.clear();
    walk_draw_.clear();
    walk_selected_ = -1;
    circle_key_.clear();
    demand_n_ = uncovered_n_ = disagree_n_ = 0;
    demand_xy_.clear();
    demand_w_.clear();
    demand_counts_.clear();
  }
  ++map_version_;
  ++overlay_version_;
  // Areas: a triangle fan per ring (stencil parity decides inside, so holes and concave shapes
  // work without triangulation) and the polygon's bounding box to paint through the stencil.
  MeshBuilder fan[2], box[2];
  for (MeshBuilder* m : {&fan[0], &fan[1], &box[0], &box[1]}) m->origin = origin_;
  const MapAreas& a = lines.areas;
  for (size_t p = 0; p < a.size(); ++p) {
    const int k = a.kind[p] == AreaKind::water ? 0 : 1;
    const Rgba c = k == 0 ? style::water : style::park;
    const bool main = k == 0;  // the areas layer's colour recolours water
    Box bb;
    for (uint32_t r = a.poly_first[p]; r < a.poly_first[p + 1]; ++r) {
      uint32_t b = a.ring_first[r], e = a.ring_first[r + 1];
      for (uint32_t i = b; i < e; ++i) bb.add(a.points[i]);
      for (uint32_t i = b + 1; i + 1 < e; ++i)
        fan[k].triangle(a.points[b], a.points[i], a.points[i + 1], c, main);
    }
    if (bb.empty()) continue;
    box[k].triangle(bb.min, {bb.max.x, bb.min.y}, bb.max, c, main);
    box[k].triangle(bb.max, {bb.min.x, bb.max.y}, bb.min, c, main);
  }
  upload(water_fan_, fan[0], false);
  upload(water_box_, box[0], false);
  upload(park_fan_, fan[1], false);
  upload(park_box_, box[1], false);

  // Streets: levels of detail cut into tiles; the CPU copies go once uploaded.
  for (StreetGpu& g : street_levels_) free_buffer(g.streets), free_buffer(g.casings);
  street_levels_.clear();
  for (StreetLevel& L : build_street_levels(lines, origin_)) {
    StreetGpu g;
    g.from_m_per_px = L.from_m_per_px;
    g.streets = line_buffer();
    g.casings = line_buffer();
    upload(g.streets, L.streets, false);
    upload(g.casings, L.casings, false);
    g.street_first = std::move(L.street_first);
    g.street_count = std::move(L.street_count);
    g.casing_first = std::move(L.casing_first);
    g.casing_count = std::move(L.casing_count);
    g.tile_box = std::move(L.tile_box);
    street_levels_.push_back(std::move(g));
  }
}

void MapView::set_scene(const MapScene& scene) {
  const auto t0 = std::chrono::steady_clock::now();
  if (!have_origin_) {
    if (!scene.stations.empty())
      origin_ = scene.stations[0].xy, have_origin_ = true;
    else if (!scene.demand_xy.empty())
      origin_ = scene.demand_xy[0], have_origin_ = true;
  }
  set_demand(scene);
  set_walk_areas(scene);
  set_circles(scene);
  set_joins(scene);
  set_markers(scene);
  set_scene_ms_ =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

void MapView::set_demand(const MapScene& scene) {
  const size_t n = scene.demand_xy.size();
  auto weight = [&](size_t i) {
    return i < scene.demand_weight.size() ? scene.demand_weight[i] : 1.f;
  };
  // Positions and weights: a what-if edit leaves them alone, so compare before uploading.
  bool same =
      n == demand_xy_.size() &&
      (n == 0 || std::memcmp(scene.demand_xy.data(), demand_xy_.data(), n * sizeof(Vec2)) == 0);
  for (size_t i = 0; same && i < n; ++i) same = weight(i) == demand_w_[i];
  if (!same) {
    demand_xy_ = scene.demand_xy;
    demand_w_.resize(n);
    floats_.resize(3 * n);
    for (size_t i = 0; i < n; ++i) {
      demand_w_[i] = weight(i);
      floats_[3 * i] = static_cast<float>(demand_xy_[i].x - origin_.x);
      floats_[3 * i + 1] = static_cast<float>(demand_xy_[i].y - origin_.y);
      floats_[3 * i + 2] = demand_w_[i];
    }
    glBindBuffer(GL_ARRAY_BUFFER, demand_pos_vbo_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(floats_.size() * sizeof(float)),
                 floats_.data(), GL_STATIC_DRAW);
    demand_n_ = static_cast<int>(n);
    ++demand_version_;
    ++overlay_version_;  // density and every point: redraw all
  }

  // Cover counts: upload only the range that changed (an edit touches one station's workers).
  bytes_.resize(2 * n);
  for (size_t i = 0; i < n; ++i) {
    bytes_[2 * i] = i < scene.demand_walk.size() ? scene.demand_walk[i] : 0;
    bytes_[2 * i + 1] = i < scene.demand_radius.size() ? scene.demand_radius[i] : 0;
  }
  glBindBuffer(GL_ARRAY_BUFFER, demand_count_vbo_);
  if (demand_counts_.size() != bytes_.size()) {
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bytes_.size()), bytes_.data(),
                 GL_DYNAMIC_DRAW);
    demand_counts_ = bytes_;
  } else {
    const auto diff = std::mismatch(bytes_.begin(), bytes_.end(), demand_counts_.begin());
    if (diff.first != bytes_.end()) {
      size_t first = static_cast<size_t>(diff.first - bytes_.begin()), last = bytes_.size();
      while (last > first && bytes_[last - 1] == demand_counts_[last - 1]) --last;
      Box changed;
      for (size_t i = first / 2; i < (last + 1) / 2; ++i)
        if (bytes_[2 * i] != demand_counts_[2 * i] ||
            bytes_[2 * i + 1] != demand_counts_[2 * i + 1])
          changed.add(demand_xy_[i]);
      mark_dirty(changed);
      glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(first),
                      static_cast<GLsizeiptr>(last - first), bytes_.data() + first);
      std::copy(bytes_.begin() + static_cast<std::ptrdiff_t>(first),
                bytes_.begin() + static_cast<std::ptrdiff_t>(last),
                demand_counts_.begin() + static_cast<std::ptrdiff_t>(first));
    }
  }
  glBindBuffer(GL_ARRAY_BUFFER, 0);

  // Highlighted workers as index lists into the same points.
  const auto update_list = [&](std::vector<uint32_t>& kept, unsigned ibo, int& count, auto pick) {
    indices_.clear();
    for (uint32_t i = 0; i < n; ++i)
      if (pick(bytes_[2 * i], bytes_[2 * i + 1])) indices_.push_back(i);
    if (indices_ == kept) return;
    kept = indices_;
    // Uploaded through the array target: binding an element buffer needs a vertex array.
    glBindBuffer(GL_ARRAY_BUFFER, ibo);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(kept.size() * sizeof(uint32_t)),
                 kept.data(), GL_DYNAMIC_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    count = static_cast<int>(kept.size());
  };
  update_list(uncovered_, uncovered_ibo_, uncovered_n_,
              [](uint8_t walk, uint8_t) { return walk == 0; });
  update_list(disagree_, disagree_ibo_, disagree_n_,
              [](uint8_t walk, uint8_t radius) { return walk == 0 && radius > 0; });
}

void MapView::set_walk_areas(const MapScene& scene) {
  old_walk_draw_ = walk_draw_;
  const int old_selected = walk_selected_ >= 0 ? static_cast<int>(walk_draw_[walk_selected_]) : -1;
  // Pass 1: which stations' areas are already on the GPU (an edit changes one of them).
  for (WalkMesh& w : walk_pool_) w.used = false;
  walk_hash_.assign(scene.stations.size(), 0);
  for (size_t s = 0; s < scene.stations.size(); ++s) {
    const auto* pieces = scene.stations[s].walk_pieces;
    if (!pieces || pieces->empty()) continue;
    walk_hash_[s] = hash_pieces(*pieces);
    auto it = walk_index_.find(walk_hash_[s]);
    if (it != walk_index_.end()) walk_pool_[it->second].used = true;
  }
  for (WalkMesh& w : walk_pool_)
    if (!w.used && w.hash != 0) mark_dirty(w.bounds);  // gone: clear where it was
  // Pass 2: build the missing ones, recycling the buffers of areas that went away.
  size_t free_at = 0;
  for (size_t s = 0; s < scene.stations.size(); ++s) {
    const uint64_t h = walk_hash_[s];
    if (h == 0 || walk_index_.count(h)) continue;  // none, or on the GPU (found or just built)
    while (free_at < walk_pool_.size() && walk_pool_[free_at].used) ++free_at;
    if (free_at == walk_pool_.size()) walk_pool_.emplace_back();
    WalkMesh& w = walk_pool_[free_at];
    walk_index_.erase(w.hash);
    if (!w.buf.vao) w.buf = line_buffer();
    mesh_.clear();
    mesh_.origin = origin_;
    w.bounds = Box{};
    for (const auto& piece : *scene.stations[s].walk_pieces) {
      mesh_.line(piece, style::walk_width_px, kWhite, true);
      for (Vec2 p : piece) w.bounds.add(p);
    }
    upload(w.buf, mesh_);
    mark_dirty(w.bounds);
    w.hash = h;
    w.used = true;
    walk_index_[h] = static_cast<uint32_t>(free_at);
  }
  // Areas no station has any more: keep a few buffers for the next edit, free the rest.
  int spare = 0;
  for (WalkMesh& w : walk_pool_) {
    if (w.used) continue;
    walk_index_.erase(w.hash);
    w.hash = 0;
    if (++spare > 4) free_buffer(w.buf);
  }

  walk_draw_.clear();
  walk_selected_ = -1;
  int selected = -1;
  for (size_t s = 0; s < scene.stations.size(); ++s) {
    if (walk_hash_[s] == 0) continue;
    if (scene.stations[s].selected && selected < 0) {
      selected = static_cast<int>(s);
      continue;
    }
    walk_draw_.push_back(walk_index_[walk_hash_[s]]);
  }
  int new_selected = -1;
  if (selected >= 0) {
    walk_selected_ = static_cast<int>(walk_draw_.size());
    new_selected = static_cast<int>(walk_index_[walk_hash_[static_cast<size_t>(selected)]]);
    walk_draw_.push_back(static_cast<uint32_t>(new_selected));
  }
  // Areas drawn more or fewer times than before, or whose selection changed, need a redraw.
  walk_delta_.assign(walk_pool_.size(), 0);
  for (uint32_t i : old_walk_draw_)
    if (i < walk_delta_.size()) --walk_delta_[i];
  for (uint32_t i : walk_draw_) ++walk_delta_[i];
  for (size_t i = 0; i < walk_delta_.size(); ++i)
    if (walk_delta_[i] != 0) mark_dirty(walk_pool_[i].bounds);
  if (old_selected != new_selected) {
    for (int i : {old_selected, new_selected})
      if (i >= 0 && static_cast<size_t>(i) < walk_pool_.size()) mark_dirty(walk_pool_[i].bounds);
  }
}

void MapView::set_joins(const MapScene& scene) {
  if (scene.join_lines == join_lines_) return;
  if (!joins_box_.empty()) mark_dirty(joins_box_);
  join_lines_ = scene.join_lines;
  if (!joins_.vao) joins_ = line_buffer();
  mesh_.clear();
  mesh_.origin = origin_;
  joins_box_ = Box{};
  for (const auto& l : join_lines_) {
    mesh_.line(l, style::walk_width_px, kWhite, true);
    for (Vec2 p : l) joins_box_.add(p);
  }
  upload(joins_, mesh_);
  if (!joins_box_.empty()) mark_dirty(joins_box_);
}

void MapView::set_circles(const MapScene& scene) {
  std::vector<double>& key = circle_key_;
  bool same = key.size() == 3 * scene.stations.size() + 1 && key.back() == scene.radius_m;
  for (size_t s = 0; same && s < scene.stations.size(); ++s)
    same = key[3 * s] == scene.stations[s].xy.x && key[3 * s + 1] == scene.stations[s].xy.y &&
           key[3 * s + 2] == (scene.stations[s].selected ? 1 : 0);
  if (same) return;
  // Which circles came or went (or changed selection): only they need a redraw.
  const bool same_radius = !key.empty() && key.back() == scene.radius_m;
  old_circles_.clear();
  for (size_t s = 0; s + 1 < key.size(); s += 3)
    old_circles_.push_back({key[s], key[s + 1], key[s + 2]});
  key.clear();
  mesh_.clear();
  mesh_.origin = origin_;
  circle_first_.assign(1, 0);
  int selected = -1;
  for (size_t s = 0; s < scene.stations.size(); ++s) {
    const SceneStation& st = scene.stations[s];
    key.insert(key.end(), {st.xy.x, st.xy.y, st.selected ? 1.0 : 0.0});
    if (st.selected && selected < 0) {
      selected = static_cast<int>(s);
      continue;
    }
    mesh_.circle(st.xy, scene.radius_m, 1.2f, kWhite, true);
    circle_first_.push_back(static_cast<int>(mesh_.v.size()));
  }
  key.push_back(scene.radius_m);
  if (selected >= 0) {  // last, on top, in the fixed highlight colour
    mesh_.circle(scene.stations[static_cast<size_t>(selected)].xy, scene.radius_m, 2.0f,
                 style::circle_selected);
    circle_first_.push_back(static_cast<int>(mesh_.v.size()));
  }
  upload(circles_, mesh_);
  if (!same_radius) {
    ++overlay_version_;
    return;
  }
  new_circles_.clear();
  for (size_t s = 0; s + 1 < key.size(); s += 3)
    new_circles_.push_back({key[s], key[s + 1], key[s + 2]});
  std::sort(old_circles_.begin(), old_circles_.end());
  std::sort(new_circles_.begin(), new_circles_.end());
  changed_circles_.clear();
  std::set_symmetric_difference(old_circles_.begin(), old_circles_.end(), new_circles_.begin(),
                                new_circles_.end(), std::back_inserter(changed_circles_));
  for (const auto& c : changed_circles_) {
    Box b;
    b.add({c[0] - scene.radius_m, c[1] - scene.radius_m});
    b.add({c[0] + scene.radius_m, c[1] + scene.radius_m});
    mark_dirty(b);
  }
}

void MapView::mark_dirty(Box world) {
  if (world.empty()) return;
  overlay_dirty_.add(world.min);
  overlay_dirty_.add(world.max);
}

void MapView::set_markers(const MapScene& scene) {
  marks_.origin = origin_;
  // Stations: shape by host type, fill by status; the selected one last with an orange outline.
  marks_.clear();
  for (int pass = 0; pass < 2; ++pass)
    for (const SceneStation& st : scene.stations) {
      if (st.selected != (pass == 1)) continue;
      const int status = st.status < 3 ? st.status : 3;
      // Closed at the chosen hour: a pale grey fill the layer colour does not tint.
      constexpr Rgba kClosed{200, 200, 205};
      const Rgba fill = st.closed ? kClosed : style::station_status[status];
      const uint8_t flags = kEdge | (status == 0 && !st.closed ? kMainFill : 0);
      if (st.selected)
        marks_.add(st.xy, host_shape(st.host), style::station_half_px + 1, fill,
                   style::station_selected, 3, flags);
      else
        marks_.add(st.xy, host_shape(st.host), style::station_half_px, fill,
                   st.closed ? Rgba{120, 120, 125} : style::station_outline,
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

void MapView::use_lines(Rgba main, float opacity, float width_scale) {
  lines_.use();
  glUniform2f(ul_.scale, scale_[0], scale_[1]);
  glUniform2f(ul_.shift, shift_[0], shift_[1]);
  glUniform1f(ul_.width_scale, width_scale);
  set_rgba(ul_.main, main);
  glUniform1f(ul_.opacity, opacity);
}

void MapView::draw_triangles(const Buffer& b, int first, int count) const {
  if (count < 0) count = b.count - first;
  if (count <= 0) return;
  glBindVertexArray(b.vao);
  glDrawArrays(GL_TRIANGLES, first, count);
}

void MapView::fill_areas(const Buffer& fan, const Buffer& box) const {
  if (fan.count == 0) return;
  glEnable(GL_STENCIL_TEST);
  glClear(GL_STENCIL_BUFFER_BIT);
  glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
  glStencilFunc(GL_ALWAYS, 0, 0xff);
  glStencilOp(GL_KEEP, GL_KEEP, GL_INVERT);
  draw_triangles(fan);
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
  glStencilFunc(GL_NOTEQUAL, 0, 0xff);
  glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
  draw_triangles(box);
  glDisable(GL_STENCIL_TEST);
}

void MapView::draw_tiles(const Buffer& b, const std::vector<int>& first,
                         const std::vector<int>& count, const std::vector<uint8_t>& visible) {
  multi_first_.clear();
  multi_count_.clear();
  const size_t tiles = visible.size();
  for (size_t i = 0; i < first.size(); ++i) {
    if (!visible[i % tiles] || count[i] == 0) continue;
    if (!multi_first_.empty() && multi_first_.back() + multi_count_.back() == first[i])
      multi_count_.back() += count[i];  // adjacent ranges: one draw
    else
      multi_first_.push_back(first[i]), multi_count_.push_back(count[i]);
  }
  if (multi_first_.empty()) return;
  glBindVertexArray(b.vao);
  glMultiDrawArrays(GL_TRIANGLES, multi_first_.data(), multi_count_.data(),
                    static_cast<GLsizei>(multi_first_.size()));
}

void MapView::draw_streets(const Camera& cam, const LayerStyle& look) {
  if (street_levels_.empty()) return;
  // Without casings (zoomed out) white streets would vanish on the light background: darken.
  const bool casings = cam.m_per_px < 4;
  Rgba c = look.color;
  if (!casings)
    c = {static_cast<uint8_t>(c.r * 0.55 + style::casing.r * 0.45),
         static_cast<uint8_t>(c.g * 0.55 + style::casing.g * 0.45),
         static_cast<uint8_t>(c.b * 0.55 + style::casing.b * 0.45), c.a};
  use_lines(c, look.opacity);
  size_t k = 0;
  for (size_t i = 0; i < street_levels_.size(); ++i)
    if (cam.m_per_px >= street_levels_[i].from_m_per_px) k = i;
  const StreetGpu& g = street_levels_[k];
  // The view in metres from the origin, grown by the widest line so edges do not pop.
  const double hw = cam.width_px / 2 * cam.m_per_px + 8 * cam.m_per_px;
  const double hh = cam.height_px / 2 * cam.m_per_px + 8 * cam.m_per_px;
  const double cx = cam.centre.x - origin_.x, cy = cam.centre.y - origin_.y;
  tile_visible_.resize(g.tile_box.size());
  for (size_t t = 0; t < g.tile_box.size(); ++t) {
    const Box& b = g.tile_box[t];
    tile_visible_[t] = !b.empty() && b.max.x >= cx - hw && b.min.x <= cx + hw &&
                       b.max.y >= cy - hh && b.min.y <= cy + hh;
  }
  // Casings only matter when streets are wide apart; zoomed out they double the vertex work.
  if (casings) draw_tiles(g.casings, g.casing_first, g.casing_count, tile_visible_);
  draw_tiles(g.streets, g.street_first, g.street_count, tile_visible_);
}

void MapView::draw_markers(const Buffer& b, Rgba main, float opacity) {
  if (b.count == 0) return;
  markers_.use();
  glUniform2f(um_.scale, scale_[0], scale_[1]);
  glUniform2f(um_.shift, shift_[0], shift_[1]);
  glUniform1f(um_.fb_scale, fb_scale_);
  set_rgba(um_.main, main);
  glUniform1f(um_.opacity, opacity);
  set_rgba(um_.edge, style::marker_edge);
  glBindVertexArray(b.vao);
  glDrawArrays(GL_POINTS, 0, b.count);
}

void MapView::draw_demand(unsigned vao, int count, bool indexed, int mode, const LayerStyle& look,
                          float size_px) {
  if (count == 0) return;
  demand_.use();
  glUniform2f(ud_.scale, scale_[0], scale_[1]);
  glUniform2f(ud_.shift, shift_[0], shift_[1]);
  glUniform1f(ud_.size, size_px * fb_scale_);
  const Rgba cover[3] = {look.color, style::demand1, style::demand2};
  float c[12];
  for (int i = 0; i < 3; ++i)
    c[4 * i] = cover[i].r / 255.f, c[4 * i + 1] = cover[i].g / 255.f,
          c[4 * i + 2] = cover[i].b / 255.f, c[4 * i + 3] = cover[i].a / 255.f;
  glUniform4fv(ud_.cover, 3, c);
  glUniform1i(ud_.mode, mode);
  set_rgba(ud_.main, look.color);
  glUniform1f(ud_.opacity, look.opacity);
  glBindVertexArray(vao);
  if (indexed)
    glDrawElements(GL_POINTS, count, GL_UNSIGNED_INT, nullptr);
  else
    glDrawArrays(GL_POINTS, 0, count);
}

void MapView::draw_layer(MapLayer l, const Camera& cam, const LayerStyle& look, int fb_w,
                         int fb_h) {
  const float dot = demand_px(cam.m_per_px);
  switch (l) {
    case MapLayer::areas:
      use_lines(look.color, look.opacity);
      fill_areas(park_fan_, park_box_);
      fill_areas(water_fan_, water_box_);
      break;
    case MapLayer::streets:
      draw_streets(cam, look);
      break;
    case MapLayer::demand_density:
      density_.draw(cam, scale_, shift_, fb_w, fb_h, look,
                    {demand_vao_, demand_n_, &demand_xy_, &demand_w_, demand_version_});
      break;
    case MapLayer::walk_areas:
    case MapLayer::circles: {
      // Each station's lines overlap at joints; the stencil lets every station tint a pixel once,
      // so an area reads as one even wash and overlaps between stations still show.
      const bool walk = l == MapLayer::walk_areas;
      const int n =
          walk ? static_cast<int>(walk_draw_.size()) : static_cast<int>(circle_first_.size()) - 1;
      if (n <= 0) break;
      glEnable(GL_STENCIL_TEST);
      glStencilOp(GL_KEEP, GL_KEEP, GL_REPLACE);
      for (int i = 0; i < n; ++i) {
        if (i % 255 == 0) glClear(GL_STENCIL_BUFFER_BIT);
        glStencilFunc(GL_NOTEQUAL, i % 255 + 1, 0xff);
        if (!walk) {
          use_lines(look.color, look.opacity);
          draw_triangles(circles_, circle_first_[i], circle_first_[i + 1] - circle_first_[i]);
        } else if (i == walk_selected_) {
          // Stronger: style::walk_area_selected's alpha relative to the normal one, and wider.
          const float boost = static_cast<float>(style::walk_area_selected.a) / style::walk_area.a;
          Rgba c = look.color;
          c.a = static_cast<uint8_t>(std::min(255.f, c.a * boost));
          use_lines(c, look.opacity, style::walk_selected_width_px / style::walk_width_px);
          draw_triangles(walk_pool_[walk_draw_[i]].buf);
        } else {
          use_lines(look.color, look.opacity);
          draw_triangles(walk_pool_[walk_draw_[i]].buf);
        }
      }
      glDisable(GL_STENCIL_TEST);
      break;
    }
    case MapLayer::demand_points:
      draw_demand(demand_vao_, demand_n_, false, 0, look, dot);
      break;
    case MapLayer::uncovered:
      draw_demand(uncovered_vao_, uncovered_n_, true, 1, look, dot * style::uncovered_scale + 1);
      break;
    case MapLayer::disagreement:
      draw_demand(disagree_vao_, disagree_n_, true, 2, look, dot * style::disagreement_scale + 2);
      break;
    case MapLayer::joins:
      if (joins_.vao && joins_.count > 0) {
        use_lines(look.color, look.opacity);
        draw_triangles(joins_);
      }
      break;
    case MapLayer::candidates:
      draw_markers(candidates_, look.color, look.opacity);
      break;
    case MapLayer::scenario_diff:
      draw_markers(diff_, look.color, look.opacity);
      break;
    case MapLayer::stations:
      draw_markers(stations_, look.color, look.opacity);
      break;
    case MapLayer::suggestions:
      draw_markers(suggestions_, look.color, look.opacity);
      break;
    case MapLayer::count:
      break;
  }
}

namespace {

// kDrawOrder, in the three groups the caches hold.
const std::vector<MapLayer> kBaseLayers = {MapLayer::areas, MapLayer::streets};
const std::vector<MapLayer> kOverlayLayers = {
    MapLayer::demand_density, MapLayer::walk_areas,   MapLayer::circles, MapLayer::demand_points,
    MapLayer::uncovered,      MapLayer::disagreement, MapLayer::joins};
const std::vector<MapLayer> kLiveLayers = {MapLayer::candidates, MapLayer::scenario_diff,
                                           MapLayer::stations, MapLayer::suggestions};

uint64_t looks_key(const LayerStyles& styles, const std::vector<MapLayer>& layers,
                   uint64_t version) {
  uint64_t h = 0xcbf29ce484222325ull ^ version;
  for (MapLayer l : layers) {
    const LayerStyle& s = styles[l];
    const uint64_t v = uint64_t{s.visible} | uint64_t{std::bit_cast<uint32_t>(s.opacity)} << 1 |
                       uint64_t{s.color.r} << 33 | uint64_t{s.color.g} << 41 |
                       uint64_t{s.color.b} << 49 | uint64_t{s.color.a} << 57;
    h = (h ^ v) * 0x100000001b3ull;
    h ^= h >> 31;
  }
  return h;
}

// Into a cache: colour blended as usual, alpha accumulated so the picture is premultiplied.
void premultiplied_blend() {
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

}  // namespace

void MapView::draw_layers(const std::vector<MapLayer>& layers, const Camera& cam,
                          const LayerStyles& styles, int fb_w, int fb_h) {
  // Metres from the origin -> clip space; the camera offset is taken in double.
  const double sx = 2.0 / (cam.m_per_px * cam.width_px), sy = 2.0 / (cam.m_per_px * cam.height_px);
  scale_[0] = static_cast<float>(sx), scale_[1] = static_cast<float>(sy);
  shift_[0] = static_cast<float>((origin_.x - cam.centre.x) * sx);
  shift_[1] = static_cast<float>((origin_.y - cam.centre.y) * sy);
  fb_scale_ = static_cast<float>(fb_w / cam.width_px);
  lines_.use();
  glUniform2f(ul_.pixel, static_cast<float>(2.0 / cam.width_px),
              static_cast<float>(2.0 / cam.height_px));
  for (MapLayer l : layers) {
    const LayerStyle& look = styles[l];
    if (!look.visible || look.opacity <= 0) continue;  // hidden layers cost nothing
    draw_layer(l, cam, look, fb_w, fb_h);
  }
}

void MapView::draw(const Camera& cam, const LayerStyles& styles, int fb_width, int fb_height,
                   bool preview) {
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glDisable(GL_SCISSOR_TEST);
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glEnable(GL_PROGRAM_POINT_SIZE);
  premultiplied_blend();
  const Rgba bg = style::background;
  const float opaque_bg[4] = {bg.r / 255.f, bg.g / 255.f, bg.b / 255.f, 1};
  const float clear[4] = {0, 0, 0, 0};
  int w = 0, h = 0;

  // Both caches share one view (the base's): a pan or zoom redraws both, a change of the plan's
  // layers only the overlay, an edit only around what it changed.
  const uint64_t base_key = looks_key(styles, kBaseLayers, map_version_);
  const uint64_t overlay_key = looks_key(styles, kOverlayLayers, overlay_version_);
  bool compose = false, compose_part = false;
  Camera c;
  const bool new_view = !base_.covers(cam, fb_width, fb_height, base_key);
  if (new_view && preview && frame_.valid() && overlay_dirty_.empty()) {
    glViewport(0, 0, fb_width, fb_height);
    glClearColor(opaque_bg[0], opaque_bg[1], opaque_bg[2], 1);
    glClear(GL_COLOR_BUFFER_BIT);
    frame_.composite(cam);
    premultiplied_blend();
    draw_layers(kLiveLayers, cam, styles, fb_width, fb_height);
    glDisable(GL_PROGRAM_POINT_SIZE);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glBindVertexArray(0);
    glUseProgram(0);
    return;
  }
  if (new_view) {
    c = base_.begin(cam, fb_width, fb_height, base_key, opaque_bg, w, h);
    draw_layers(kBaseLayers, c, styles, w, h);
    base_.end();
  }
  // An edit redraws what it changed on screen now and the rest of it (in the cache's margin)
  // once the view moves: zoomed in, a station's area spans more than the screen.
  const bool moved = !(cam.centre == last_centre_);
  last_centre_ = cam.centre;
  Box todo;
  if (new_view || !overlay_.covers(cam, fb_width, fb_height, overlay_key)) {
    c = overlay_.begin_like(base_, overlay_key, clear, w, h);
    draw_layers(kOverlayLayers, c, styles, w, h);
    overlay_.end();
    compose = true;
    pending_ = Box{};
  } else if (!overlay_dirty_.empty() || (moved && !pending_.empty())) {
    const double grow = 24 * cam.m_per_px;
    const Vec2 half{cam.width_px / 2 * cam.m_per_px + grow,
                    cam.height_px / 2 * cam.m_per_px + grow};
    const Box view{cam.centre - half, cam.centre + half};
    todo = overlay_dirty_;
    if (moved) {
      if (!pending_.empty()) todo.add(pending_.min), todo.add(pending_.max);
      pending_ = Box{};
    } else if (!todo.empty() && !(view.contains(todo.min) && view.contains(todo.max))) {
      pending_.add(todo.min), pending_.add(todo.max);
      todo = {{std::max(todo.min.x, view.min.x), std::max(todo.min.y, view.min.y)},
              {std::min(todo.max.x, view.max.x), std::min(todo.max.y, view.max.y)}};
    }
  }
  if (!todo.empty() && overlay_.begin_part(todo, 24, clear, c, w, h)) {
    // Lines and rings reach 24 px past their points.
    draw_layers(kOverlayLayers, c, styles, w, h);
    overlay_.end();
    compose_part = true;
  }
  overlay_dirty_ = Box{};
  // The two composed once per change, so a still frame is one copy. While edits keep coming (a
  // station dragged) they are drawn straight to the screen and composed once the plan rests.
  glViewport(0, 0, fb_width, fb_height);
  if (compose || !frame_.valid()) {
    frame_.begin_like(base_, 0, opaque_bg, w, h);
    frame_.copy_from(base_);
    overlay_.composite(frame_.camera());
    frame_.end();
    frame_stale_ = LayerCache::Rect{};
  } else if (compose_part) {
    const LayerCache::Rect& r = overlay_.last_part();
    if (frame_stale_.w == 0) {
      frame_stale_ = r;
    } else {
      const int x1 = std::max(frame_stale_.x + frame_stale_.w, r.x + r.w);
      const int y1 = std::max(frame_stale_.y + frame_stale_.h, r.y + r.h);
      frame_stale_.x = std::min(frame_stale_.x, r.x),
      frame_stale_.y = std::min(frame_stale_.y, r.y);
      frame_stale_.w = x1 - frame_stale_.x, frame_stale_.h = y1 - frame_stale_.y;
    }
    base_.blit(cam, fb_width, fb_height);
    overlay_.composite(cam);
  } else if (frame_stale_.w > 0) {
    frame_.begin_rect(frame_stale_);
    frame_.copy_from(base_);
    overlay_.composite(frame_.camera());
    frame_.end();
    frame_stale_ = LayerCache::Rect{};
  }
  if (!compose_part) frame_.blit(cam, fb_width, fb_height);
  premultiplied_blend();
  draw_layers(kLiveLayers, cam, styles, fb_width, fb_height);
  glDisable(GL_PROGRAM_POINT_SIZE);
  glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  glBindVertexArray(0);
  glUseProgram(0);
}

}  // namespace yz::app
