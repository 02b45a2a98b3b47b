#include "engine/network/graph_builder.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <numeric>
#include <unordered_map>

#include "engine/util/error.hpp"

namespace yz {

namespace {

struct CoordKey {
  uint64_t x, y;
  bool operator==(const CoordKey& o) const { return x == o.x && y == o.y; }
};
struct CoordHash {
  size_t operator()(const CoordKey& k) const {
    uint64_t h = k.x * 0x9E3779B97F4A7C15ull ^ (k.y + 0x632BE59BD9B4E019ull + (k.x << 6) + (k.x >> 2));
    return static_cast<size_t>(h ^ (h >> 29));
  }
};
CoordKey key(Vec2 p) {
  CoordKey k;
  std::memcpy(&k.x, &p.x, 8);
  std::memcpy(&k.y, &p.y, 8);
  return k;
}

double polyline_length(const Vec2* p, size_t n) {
  double s = 0;
  for (size_t i = 1; i < n; ++i) s += distance(p[i - 1], p[i]);
  return s;
}

struct Piece {
  uint32_t tail, head;
  uint32_t g0, g1;  // into piece_geom
  RoadClass cls;
};

}  // namespace

WalkGraph build_walk_graph(const RoadLines& lines, GraphBuildReport* report, const Progress& progress) {
  const auto t0 = std::chrono::steady_clock::now();
  GraphBuildReport rep;
  // 1. How often each coordinate is used by walkable lines; ends always split.
  std::unordered_map<CoordKey, uint32_t, CoordHash> uses;
  uses.reserve(lines.points.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines.walkable[i]) continue;
    ++rep.lines_used;
    for (uint32_t k = lines.first[i]; k < lines.first[i + 1]; ++k) {
      auto& c = uses[key(lines.points[k])];
      c += (k == lines.first[i] || k + 1 == lines.first[i + 1]) ? 2 : 1;
      ++rep.vertices_in;
    }
  }
  progress.throw_if_cancelled();
  progress(0.3, "noding");
  // 2. Split lines into pieces at shared vertices; node ids in order of first appearance.
  std::unordered_map<CoordKey, uint32_t, CoordHash> node_of;
  std::vector<Vec2> piece_geom;
  std::vector<Piece> pieces;
  auto node_id = [&](Vec2 p) {
    auto [it, inserted] = node_of.try_emplace(key(p), static_cast<uint32_t>(node_of.size()));
    return it->second;
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines.walkable[i]) continue;
    const uint32_t b = lines.first[i], e = lines.first[i + 1];
    uint32_t start = b;
    for (uint32_t k = b + 1; k < e; ++k) {
      if (k + 1 < e && uses[key(lines.points[k])] < 2) continue;
      const double len = polyline_length(&lines.points[start], k - start + 1);
      if (len > 0) {
        Piece p;
        p.tail = node_id(lines.points[start]);
        p.head = node_id(lines.points[k]);
        p.g0 = static_cast<uint32_t>(piece_geom.size());
        piece_geom.insert(piece_geom.end(), lines.points.begin() + start, lines.points.begin() + k + 1);
        p.g1 = static_cast<uint32_t>(piece_geom.size());
        p.cls = lines.road_class[i];
        pieces.push_back(p);
      }
      start = k;
    }
  }
  uses = {};
  node_of = {};
  rep.pieces = pieces.size();
  if (pieces.empty()) throw InputError(lines.source, "the walkable roads form no network (no line has length)");
  progress(0.55, "folding");
  // 3. Incidence lists of piece ends.
  const uint32_t n0 = [&] {
    uint32_t m = 0;
    for (auto& p : pieces) m = std::max({m, p.tail + 1, p.head + 1});
    return m;
  }();
  std::vector<uint32_t> inc_first(n0 + 1, 0), inc(2 * pieces.size());
  for (auto& p : pieces) ++inc_first[p.tail + 1], ++inc_first[p.head + 1];
  std::partial_sum(inc_first.begin(), inc_first.end(), inc_first.begin());
  {
    std::vector<uint32_t> fill(inc_first.begin(), inc_first.end() - 1);
    for (uint32_t i = 0; i < pieces.size(); ++i) {
      inc[fill[pieces[i].tail]++] = i;
      inc[fill[pieces[i].head]++] = i;
    }
  }
  std::vector<uint8_t> kept(n0, 0);
  for (uint32_t u = 0; u < n0; ++u) {
    const uint32_t deg = inc_first[u + 1] - inc_first[u];
    if (deg != 2) kept[u] = 1;
    else {
      const auto& a = pieces[inc[inc_first[u]]];
      const auto& b = pieces[inc[inc_first[u] + 1]];
      if (&a == &b || a.cls != b.cls) kept[u] = 1;  // self-loop, or class changes here
    }
  }
  // 4. Walk chains from kept nodes, concatenating geometry.
  WalkGraph g;
  std::vector<uint8_t> used(pieces.size(), 0);
  std::vector<uint32_t> tails, heads;
  std::vector<float> lengths;
  std::vector<Vec2> buf;
  auto walk_chain = [&](uint32_t u, uint32_t first_piece) {
    buf.clear();
    uint32_t cur = u, pi = first_piece;
    RoadClass cls = pieces[pi].cls;
    for (;;) {
      used[pi] = 1;
      const Piece& p = pieces[pi];
      const bool forward = p.tail == cur;
      const size_t before = buf.size();
      if (forward) buf.insert(buf.end(), piece_geom.begin() + p.g0, piece_geom.begin() + p.g1);
      else buf.insert(buf.end(), piece_geom.rbegin() + (piece_geom.size() - p.g1), piece_geom.rbegin() + (piece_geom.size() - p.g0));
      if (before > 0) buf.erase(buf.begin() + before);  // shared vertex
      cur = forward ? p.head : p.tail;
      if (kept[cur]) break;
      const uint32_t a = inc[inc_first[cur]], b = inc[inc_first[cur] + 1];
      const uint32_t next = a == pi ? b : a;
      if (used[next]) break;  // closed the loop
      pi = next;
    }
    tails.push_back(u);
    heads.push_back(cur);
    g.edge_class.push_back(cls);
      lengths.push_back(static_cast<float>(polyline_length(buf.data(), buf.size())));
    g.geom.insert(g.geom.end(), buf.begin(), buf.end());
    g.geom_first.push_back(static_cast<uint32_t>(g.geom.size()));
  };
  for (uint32_t u = 0; u < n0; ++u) {
    if (!kept[u]) continue;
    for (uint32_t k = inc_first[u]; k < inc_first[u + 1]; ++k)
      if (!used[inc[k]]) walk_chain(u, inc[k]);
  }
  // Pure cycles of degree-2 vertices (isolated loops): keep their lowest vertex.
  for (uint32_t i = 0; i < pieces.size(); ++i) {
    if (used[i]) continue;
    kept[pieces[i].tail] = 1;
    walk_chain(pieces[i].tail, i);
  }
  // 5. Compact node ids (ascending old id keeps results deterministic).
  std::vector<uint32_t> new_id(n0, kInvalidId);
  uint32_t n = 0;
  for (uint32_t u = 0; u < n0; ++u)
    if (kept[u]) new_id[u] = n++;
  rep.folded_nodes = n0 - n;
  const uint32_t m = static_cast<uint32_t>(tails.size());
  g.edge_tail.resize(m);
  std::vector<NodeId> head(m);
  for (uint32_t e = 0; e < m; ++e) g.edge_tail[e] = new_id[tails[e]], head[e] = new_id[heads[e]];
  // 6. CSR arcs.
  g.first_out.assign(n + 1, 0);
  for (uint32_t e = 0; e < m; ++e) ++g.first_out[g.edge_tail[e] + 1], ++g.first_out[head[e] + 1];
  std::partial_sum(g.first_out.begin(), g.first_out.end(), g.first_out.begin());
  g.arcs.resize(2 * m);
  g.arc_edge.resize(2 * m);
  {
    // The tail's arc of each edge is written first, so tail_arc() finds it on a self-loop too.
    std::vector<uint32_t> fill(g.first_out.begin(), g.first_out.end() - 1);
    for (uint32_t e = 0; e < m; ++e) {
      uint32_t a = fill[g.edge_tail[e]]++;
      g.arcs[a] = {head[e], lengths[e]}, g.arc_edge[a] = e;
      a = fill[head[e]]++;
      g.arcs[a] = {g.edge_tail[e], lengths[e]}, g.arc_edge[a] = e;
    }
  }
  progress(0.85, "components");
  // 7. Connected components, largest (by street length) first.
  std::vector<uint32_t> comp(n, kInvalidId), stack;
  std::vector<double> clen;
  std::vector<uint32_t> cnodes;
  for (uint32_t s = 0; s < n; ++s) {
    if (comp[s] != kInvalidId) continue;
    const uint32_t c = static_cast<uint32_t>(clen.size());
    clen.push_back(0);
    cnodes.push_back(0);
    comp[s] = c;
    stack.push_back(s);
    while (!stack.empty()) {
      const uint32_t u = stack.back();
      stack.pop_back();
      ++cnodes[c];
      for (ArcId a = g.first_out[u]; a < g.first_out[u + 1]; ++a) {
        const uint32_t v = g.arcs[a].head;
        if (comp[v] == kInvalidId) comp[v] = c, stack.push_back(v);
      }
    }
  }
  for (uint32_t e = 0; e < m; ++e) clen[comp[g.edge_tail[e]]] += lengths[e];
  std::vector<uint32_t> order(clen.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return clen[a] > clen[b]; });
  std::vector<uint32_t> rank(order.size());
  for (uint32_t i = 0; i < order.size(); ++i) rank[order[i]] = i;
  g.node_component.resize(n);
  for (uint32_t u = 0; u < n; ++u) g.node_component[u] = rank[comp[u]];
  g.component_length_m.resize(order.size());
  g.component_nodes.resize(order.size());
  for (uint32_t i = 0; i < order.size(); ++i) g.component_length_m[i] = clen[order[i]], g.component_nodes[i] = cnodes[order[i]];
  rep.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (report) *report = rep;
  progress(1.0, "graph built");
  return g;
}

}  // namespace yz
