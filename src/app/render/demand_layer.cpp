#include "app/render/demand_layer.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "app/render/gl.hpp"

namespace yz::app {
namespace {

// Demand dot diameter (window pixels) by zoom: 6 px at 1 m/px, 2 px with a whole region on
// screen (25 m/px), so 100k workers do not paint the map over; highlights scale with it.
float demand_px(double m_per_px) {
  return static_cast<float>(std::clamp(6 - 0.86 * std::log2(m_per_px), 2.0, 7.0));
}

}  // namespace

DemandLayer::DemandLayer() {
  glGenBuffers(1, &pos_vbo_);
  glGenBuffers(1, &count_vbo_);
  glGenBuffers(1, &uncovered_ibo_);
  glGenBuffers(1, &disagree_ibo_);
  const std::pair<unsigned*, unsigned> vaos[] = {
      {&demand_vao_, 0}, {&uncovered_vao_, uncovered_ibo_}, {&disagree_vao_, disagree_ibo_}};
  for (auto [vao, ibo] : vaos) {
    glGenVertexArrays(1, vao);
    glBindVertexArray(*vao);
    glBindBuffer(GL_ARRAY_BUFFER, pos_vbo_);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 3 * sizeof(float), nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, count_vbo_);
    glEnableVertexAttribArray(1);
    glVertexAttribIPointer(1, 2, GL_UNSIGNED_BYTE, 2, nullptr);
    if (ibo) glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ibo);
  }
  glBindVertexArray(0);
  glBindBuffer(GL_ARRAY_BUFFER, 0);
}

DemandLayer::~DemandLayer() {
  for (unsigned vao : {demand_vao_, uncovered_vao_, disagree_vao_}) glDeleteVertexArrays(1, &vao);
  for (unsigned b : {pos_vbo_, count_vbo_, uncovered_ibo_, disagree_ibo_}) glDeleteBuffers(1, &b);
}

void DemandLayer::reset() {
  demand_n_ = uncovered_n_ = disagree_n_ = 0;
  xy_.clear();
  w_.clear();
  counts_.clear();
}

void DemandLayer::set(const MapScene& scene, Vec2 origin, SceneChanges& changed) {
  const size_t n = scene.demand_xy.size();
  auto weight = [&](size_t i) {
    return i < scene.demand_weight.size() ? scene.demand_weight[i] : 1.f;
  };
  // Positions and weights: a what-if edit leaves them alone, so compare before uploading.
  bool same = n == xy_.size() &&
              (n == 0 || std::memcmp(scene.demand_xy.data(), xy_.data(), n * sizeof(Vec2)) == 0);
  for (size_t i = 0; same && i < n; ++i) same = weight(i) == w_[i];
  if (!same) {
    xy_ = scene.demand_xy;
    w_.resize(n);
    floats_.resize(3 * n);
    for (size_t i = 0; i < n; ++i) {
      w_[i] = weight(i);
      floats_[3 * i] = static_cast<float>(xy_[i].x - origin.x);
      floats_[3 * i + 1] = static_cast<float>(xy_[i].y - origin.y);
      floats_[3 * i + 2] = w_[i];
    }
    glBindBuffer(GL_ARRAY_BUFFER, pos_vbo_);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(floats_.size() * sizeof(float)),
                 floats_.data(), GL_STATIC_DRAW);
    demand_n_ = static_cast<int>(n);
    ++version_;
    changed.overlay_all = true;  // density and every point: redraw all
  }

  // Cover counts: upload only the range that changed (an edit touches one station's workers).
  bytes_.resize(2 * n);
  for (size_t i = 0; i < n; ++i) {
    bytes_[2 * i] = i < scene.demand_walk.size() ? scene.demand_walk[i] : 0;
    bytes_[2 * i + 1] = i < scene.demand_radius.size() ? scene.demand_radius[i] : 0;
  }
  glBindBuffer(GL_ARRAY_BUFFER, count_vbo_);
  if (counts_.size() != bytes_.size()) {
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bytes_.size()), bytes_.data(),
                 GL_DYNAMIC_DRAW);
    counts_ = bytes_;
  } else {
    const auto diff = std::mismatch(bytes_.begin(), bytes_.end(), counts_.begin());
    if (diff.first != bytes_.end()) {
      size_t first = static_cast<size_t>(diff.first - bytes_.begin()), last = bytes_.size();
      while (last > first && bytes_[last - 1] == counts_[last - 1]) --last;
      Box box;
      for (size_t i = first / 2; i < (last + 1) / 2; ++i)
        if (bytes_[2 * i] != counts_[2 * i] || bytes_[2 * i + 1] != counts_[2 * i + 1])
          box.add(xy_[i]);
      changed.mark(box);
      glBufferSubData(GL_ARRAY_BUFFER, static_cast<GLintptr>(first),
                      static_cast<GLsizeiptr>(last - first), bytes_.data() + first);
      std::copy(bytes_.begin() + static_cast<std::ptrdiff_t>(first),
                bytes_.begin() + static_cast<std::ptrdiff_t>(last),
                counts_.begin() + static_cast<std::ptrdiff_t>(first));
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

void DemandLayer::draw(MapLayer l, const LayerStyle& look, MapPainter& p) {
  const float dot = demand_px(p.camera().m_per_px);
  switch (l) {
    case MapLayer::demand_density:
      density_.draw(p.camera(), p.scale(), p.shift(), p.fb_width(), p.fb_height(), look,
                    {demand_vao_, demand_n_, &xy_, &w_, version_});
      break;
    case MapLayer::demand_points:
      p.draw_demand(demand_vao_, demand_n_, false, 0, look, dot);
      break;
    case MapLayer::uncovered:
      p.draw_demand(uncovered_vao_, uncovered_n_, true, 1, look, dot * style::uncovered_scale + 1);
      break;
    case MapLayer::disagreement:
      p.draw_demand(disagree_vao_, disagree_n_, true, 2, look, dot * style::disagreement_scale + 2);
      break;
    default:
      break;
  }
}

}  // namespace yz::app
