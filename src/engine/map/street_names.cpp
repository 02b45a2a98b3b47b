#include "engine/map/street_names.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

namespace yz {

namespace {

double segment_distance(Vec2 p, Vec2 a, Vec2 b) {
  const Vec2 d = b - a;
  const double len2 = dot(d, d);
  double t = len2 > 0 ? dot(p - a, d) / len2 : 0;
  t = std::clamp(t, 0.0, 1.0);
  return distance(p, a + d * t);
}

constexpr uint32_t kUnnamed = std::numeric_limits<uint32_t>::max();

}  // namespace

StreetNames::StreetNames(const RoadLines& lines, double cell_m) : lines_(lines), cell_m_(cell_m) {
  std::map<std::string, uint32_t> ids;
  seg_name_.assign(lines.points.size(), kUnnamed);
  // Shared vertices (OSM ways meeting at a node project to the same coordinates): the names met.
  std::map<std::pair<double, double>, std::vector<uint32_t>> at_vertex;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i >= lines.name.size() || lines.name[i].empty()) continue;
    ++named_lines_;
    auto [it, added] = ids.emplace(lines.name[i], static_cast<uint32_t>(names_.size()));
    if (added) {
      names_.push_back(lines.name[i]);
      names_en_.emplace_back();
    }
    const uint32_t id = it->second;
    if (names_en_[id].empty() && i < lines.name_en.size()) names_en_[id] = lines.name_en[i];
    for (uint32_t k = lines.first[i]; k < lines.first[i + 1]; ++k) {
      const Vec2 p = lines.points[k];
      auto& v = at_vertex[{p.x, p.y}];
      if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
      if (k + 1 >= lines.first[i + 1]) continue;
      seg_name_[k] = id;
      const Vec2 q = lines.points[k + 1];
      for (int64_t cx = cell(std::min(p.x, q.x)); cx <= cell(std::max(p.x, q.x)); ++cx)
        for (int64_t cy = cell(std::min(p.y, q.y)); cy <= cell(std::max(p.y, q.y)); ++cy)
          seg_cells_[key(cx, cy)].push_back(k);
    }
  }
  for (auto& [xy, v] : at_vertex) {
    if (v.size() < 2) continue;
    std::sort(v.begin(), v.end());
    for (size_t a = 0; a < v.size(); ++a)
      for (size_t b = a + 1; b < v.size(); ++b) {
        junction_cells_[key(cell(xy.first), cell(xy.second))].push_back(
            static_cast<uint32_t>(junctions_.size()));
        junctions_.push_back({{xy.first, xy.second}, v[a], v[b]});
      }
  }
  for (size_t i = 0; i < lines.addresses.size(); ++i) {
    const Vec2 p = lines.addresses[i].xy;
    address_cells_[key(cell(p.x), cell(p.y))].push_back(static_cast<uint32_t>(i));
  }
}

PlaceNames StreetNames::near(Vec2 xy, const PlaceNameReach& reach) const {
  PlaceNames out;
  const int64_t cx = cell(xy.x), cy = cell(xy.y);
  // Visits the cells at Chebyshev ring r around the point's cell.
  auto ring = [&](const std::unordered_map<int64_t, std::vector<uint32_t>>& cells, int64_t r,
                  auto&& visit) {
    for (int64_t dx = -r; dx <= r; ++dx)
      for (int64_t dy = -r; dy <= r; ++dy) {
        if (std::max(std::abs(dx), std::abs(dy)) != r) continue;
        auto it = cells.find(key(cx + dx, cy + dy));
        if (it != cells.end())
          for (uint32_t v : it->second) visit(v);
      }
  };
  // Nearest item within max_m: rings outward until the next ring cannot hold anything nearer.
  auto nearest = [&](const std::unordered_map<int64_t, std::vector<uint32_t>>& cells, double max_m,
                     auto&& dist) {
    double best = std::numeric_limits<double>::infinity();
    uint32_t best_i = kUnnamed;
    for (int64_t r = 0;; ++r) {
      if (r > 0 && (r - 1) * cell_m_ > std::min(best, max_m)) break;
      ring(cells, r, [&](uint32_t i) {
        const double d = dist(i);
        if (d < best || (d == best && i < best_i)) best = d, best_i = i;
      });
    }
    return best <= max_m ? std::make_pair(best_i, best) : std::make_pair(kUnnamed, best);
  };
  const auto [seg, seg_d] = nearest(seg_cells_, reach.street_m, [&](uint32_t k) {
    return segment_distance(xy, lines_.points[k], lines_.points[k + 1]);
  });
  if (seg != kUnnamed) {
    const uint32_t id = seg_name_[seg];
    out.street = names_[id];
    out.street_en = names_en_[id];
    out.street_m = seg_d;
    const auto [j, jd] = nearest(junction_cells_, reach.cross_m, [&](uint32_t i) {
      const Junction& J = junctions_[i];
      return J.a == id || J.b == id ? distance(xy, J.p) : std::numeric_limits<double>::infinity();
    });
    if (j != kUnnamed) {
      const uint32_t other = junctions_[j].a == id ? junctions_[j].b : junctions_[j].a;
      out.cross = names_[other];
      out.cross_en = names_en_[other];
      out.cross_m = jd;
      out.crossing = junctions_[j].p;
    }
  }
  const auto [a, ad] = nearest(address_cells_, reach.address_m,
                               [&](uint32_t i) { return distance(xy, lines_.addresses[i].xy); });
  if (a != kUnnamed) {
    const MapAddress& A = lines_.addresses[a];
    const std::string& h = A.housenumber;
    if (h.empty())
      out.address = A.street;
    else if (has_cjk(A.street))  // "中山路88号"
      out.address = A.street + h + (h.find("号") == std::string::npos ? "号" : "");
    else
      out.address = h + " " + A.street;
    out.address_m = ad;
  }
  return out;
}

bool has_cjk(const std::string& s) {
  // UTF-8 lead bytes E3..E9 start U+3000..U+9FFF (CJK punctuation, kana, ideographs).
  for (unsigned char c : s)
    if (c >= 0xE3 && c <= 0xE9) return true;
  return false;
}

std::string place_label(const PlaceNames& p, bool english) {
  if (p.street.empty()) return {};
  const std::string& s = english && !p.street_en.empty() ? p.street_en : p.street;
  const std::string& c = english && !p.cross_en.empty() ? p.cross_en : p.cross;
  if (!english && has_cjk(p.street)) {
    // "学清路 / 清华东路口 附近": 路口 = the crossing of the two streets.
    return p.cross.empty() ? s + " 附近" : s + " / " + c + "口 附近";
  }
  return p.cross.empty() ? "near " + s : "near " + s + " / " + c;
}

}  // namespace yz
