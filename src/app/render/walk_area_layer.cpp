#include "app/render/walk_area_layer.hpp"

#include <algorithm>
#include <bit>

namespace yz::app {
namespace {

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

constexpr Rgba kWhite{255, 255, 255};

}  // namespace

WalkAreaLayer::~WalkAreaLayer() {
  for (WalkMesh& w : pool_) free_buffer(w.buf);
}

void WalkAreaLayer::reset() {
  for (WalkMesh& w : pool_) free_buffer(w.buf);
  pool_.clear();
  index_.clear();
  draw_.clear();
  selected_ = -1;
}

void WalkAreaLayer::set(const MapScene& scene, Vec2 origin, SceneChanges& changed) {
  old_draw_ = draw_;
  const int old_selected = selected_ >= 0 ? static_cast<int>(draw_[selected_]) : -1;
  // Pass 1: which stations' areas are already on the GPU (an edit changes one of them).
  for (WalkMesh& w : pool_) w.used = false;
  hash_.assign(scene.stations.size(), 0);
  for (size_t s = 0; s < scene.stations.size(); ++s) {
    const auto* pieces = scene.stations[s].walk_pieces;
    if (!pieces || pieces->empty()) continue;
    hash_[s] = hash_pieces(*pieces);
    auto it = index_.find(hash_[s]);
    if (it != index_.end()) pool_[it->second].used = true;
  }
  for (WalkMesh& w : pool_)
    if (!w.used && w.hash != 0) changed.mark(w.bounds);  // gone: clear where it was
  // Pass 2: build the missing ones, recycling the buffers of areas that went away.
  size_t free_at = 0;
  for (size_t s = 0; s < scene.stations.size(); ++s) {
    const uint64_t h = hash_[s];
    if (h == 0 || index_.count(h)) continue;  // none, or on the GPU (found or just built)
    while (free_at < pool_.size() && pool_[free_at].used) ++free_at;
    if (free_at == pool_.size()) pool_.emplace_back();
    WalkMesh& w = pool_[free_at];
    index_.erase(w.hash);
    if (!w.buf.vao) w.buf = line_buffer();
    mesh_.clear();
    mesh_.origin = origin;
    w.bounds = Box{};
    for (const auto& piece : *scene.stations[s].walk_pieces) {
      mesh_.line(piece, style::walk_width_px, kWhite, true);
      for (Vec2 p : piece) w.bounds.add(p);
    }
    upload(w.buf, mesh_);
    changed.mark(w.bounds);
    w.hash = h;
    w.used = true;
    index_[h] = static_cast<uint32_t>(free_at);
  }
  // Areas no station has any more: keep a few buffers for the next edit, free the rest.
  int spare = 0;
  for (WalkMesh& w : pool_) {
    if (w.used) continue;
    index_.erase(w.hash);
    w.hash = 0;
    if (++spare > 4) free_buffer(w.buf);
  }

  draw_.clear();
  selected_ = -1;
  int selected = -1;
  for (size_t s = 0; s < scene.stations.size(); ++s) {
    if (hash_[s] == 0) continue;
    if (scene.stations[s].selected && selected < 0) {
      selected = static_cast<int>(s);
      continue;
    }
    draw_.push_back(index_[hash_[s]]);
  }
  int new_selected = -1;
  if (selected >= 0) {
    selected_ = static_cast<int>(draw_.size());
    new_selected = static_cast<int>(index_[hash_[static_cast<size_t>(selected)]]);
    draw_.push_back(static_cast<uint32_t>(new_selected));
  }
  // Areas drawn more or fewer times than before, or whose selection changed, need a redraw.
  delta_.assign(pool_.size(), 0);
  for (uint32_t i : old_draw_)
    if (i < delta_.size()) --delta_[i];
  for (uint32_t i : draw_) ++delta_[i];
  for (size_t i = 0; i < delta_.size(); ++i)
    if (delta_[i] != 0) changed.mark(pool_[i].bounds);
  if (old_selected != new_selected) {
    for (int i : {old_selected, new_selected})
      if (i >= 0 && static_cast<size_t>(i) < pool_.size()) changed.mark(pool_[i].bounds);
  }
}

void WalkAreaLayer::draw(const LayerStyle& look, MapPainter& p) {
  p.each_once(static_cast<int>(draw_.size()), [&](int i) {
    if (i == selected_) {
      // Stronger: style::walk_area_selected's alpha relative to the normal one, and wider.
      const float boost = static_cast<float>(style::walk_area_selected.a) / style::walk_area.a;
      Rgba c = look.color;
      c.a = static_cast<uint8_t>(std::min(255.f, c.a * boost));
      p.use_lines(c, look.opacity, style::walk_selected_width_px / style::walk_width_px);
    } else {
      p.use_lines(look.color, look.opacity);
    }
    p.draw_triangles(pool_[draw_[i]].buf);
  });
}

}  // namespace yz::app
