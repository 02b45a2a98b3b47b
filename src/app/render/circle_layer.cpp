#include "app/render/circle_layer.hpp"

#include <algorithm>
#include <iterator>

namespace yz::app {

void CircleLayer::reset() {
  buf_.count = 0;
  key_.clear();
}

void CircleLayer::set(const MapScene& scene, Vec2 origin, SceneChanges& changed) {
  std::vector<double>& key = key_;
  bool same = key.size() == 3 * scene.stations.size() + 1 && key.back() == scene.radius_m;
  for (size_t s = 0; same && s < scene.stations.size(); ++s)
    same = key[3 * s] == scene.stations[s].xy.x && key[3 * s + 1] == scene.stations[s].xy.y &&
           key[3 * s + 2] == (scene.stations[s].selected ? 1 : 0);
  if (same) return;
  // Which circles came or went (or changed selection): only they need a redraw.
  const bool same_radius = !key.empty() && key.back() == scene.radius_m;
  old_.clear();
  for (size_t s = 0; s + 1 < key.size(); s += 3) old_.push_back({key[s], key[s + 1], key[s + 2]});
  key.clear();
  mesh_.clear();
  mesh_.origin = origin;
  first_.assign(1, 0);
  int selected = -1;
  constexpr Rgba kWhite{255, 255, 255};
  for (size_t s = 0; s < scene.stations.size(); ++s) {
    const SceneStation& st = scene.stations[s];
    key.insert(key.end(), {st.xy.x, st.xy.y, st.selected ? 1.0 : 0.0});
    if (st.selected && selected < 0) {
      selected = static_cast<int>(s);
      continue;
    }
    mesh_.circle(st.xy, scene.radius_m, 1.2f, kWhite, true);
    first_.push_back(static_cast<int>(mesh_.v.size()));
  }
  key.push_back(scene.radius_m);
  if (selected >= 0) {  // last, on top, in the fixed highlight colour
    mesh_.circle(scene.stations[static_cast<size_t>(selected)].xy, scene.radius_m, 2.0f,
                 style::circle_selected);
    first_.push_back(static_cast<int>(mesh_.v.size()));
  }
  upload(buf_, mesh_);
  if (!same_radius) {
    changed.overlay_all = true;
    return;
  }
  new_.clear();
  for (size_t s = 0; s + 1 < key.size(); s += 3) new_.push_back({key[s], key[s + 1], key[s + 2]});
  std::sort(old_.begin(), old_.end());
  std::sort(new_.begin(), new_.end());
  changed_.clear();
  std::set_symmetric_difference(old_.begin(), old_.end(), new_.begin(), new_.end(),
                                std::back_inserter(changed_));
  for (const auto& c : changed_) {
    Box b;
    b.add({c[0] - scene.radius_m, c[1] - scene.radius_m});
    b.add({c[0] + scene.radius_m, c[1] + scene.radius_m});
    changed.mark(b);
  }
}

void CircleLayer::draw(const LayerStyle& look, MapPainter& p) {
  p.each_once(static_cast<int>(first_.size()) - 1, [&](int i) {
    p.use_lines(look.color, look.opacity);
    p.draw_triangles(buf_, first_[i], first_[i + 1] - first_[i]);
  });
}

}  // namespace yz::app
