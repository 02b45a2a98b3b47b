#include "engine/network/graph_builder.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <numeric>

#include "engine/util/error.hpp"

namespace yz {

namespace {

// Open-addressing hash map from a quantised coordinate to a vertex id: one probe sequence per
// vertex, no allocation per entry (std::unordered_map was the bottleneck of the build).
class VertexTable {
 public:
  explicit VertexTable(size_t expected) {
    size_t cap = 16;
    while (cap < expected * 2) cap <<= 1;
    keys_.assign(cap, kEmpty);
    vals_.resize(cap);
    mask_ = cap - 1;
  }
  // Id of `key`, inserting `next_id` if absent.
  uint32_t find_or_insert(uint64_t key, uint32_t next_id, bool& inserted) {
    size_t i = (key * 0x9E3779B97F4A7C15ull) >> 17 & mask_;
    for (;; i = (i + 1) & mask_) {
      if (keys_[i] == key) {
        inserted = false;
        return vals_[i];
      }
      if (keys_[i] == kEmpty) {
        keys_[i] = key;
        vals_[i] = next_id;
        inserted = true;
        return next_id;
      }
    }
  }

 private:
  static constexpr uint64_t kEmpty = ~0ull;
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> vals_;
  size_t mask_;
};

double polyline_length(const Vec2* p, size_t n) {
  double s = 0;
  for (size_t i = 1; i < n; ++i) s += distance(p[i - 1], p[i]);
  return s;
}

struct Piece {
  uint32_t tail, head;
  uint32_t g0, g1;  // into piece_geom
  RoadClass cls;
  uint8_t dir;  // RideDir along the piece's geometry (kRideBoth when directions are not kept)
};

// A RideDir seen from the other end.
uint8_t flip(uint8_t d) {
  return static_cast<uint8_t>((d & 1) << 1 | (d & 2) >> 1);
}

}  // namespace

WalkGraph build_walk_graph(const RoadLines& lines, GraphBuildReport* report, const Progress& progress) {
  return build_line_graph(lines, lines.walkable, nullptr, nullptr, "walkable", report, progress);
}

WalkGraph build_line_graph(const RoadLines& lines, const std::vector<uint8_t>& use,
                           const std::vector<uint8_t>* line_dir, std::vector<uint8_t>* edge_dir,
                           const char* what, GraphBuildReport* report, const Progress& progress) {
  const auto t0 = std::chrono::steady_clock::now();
  GraphBuildReport rep;
  // 1. One id per distinct position (to the centimetre: OSM nodes at the same spot are one
  //    junction for a walker) and how often each is used; line ends always split.
  Box box;
  size_t walk_vertices = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!use[i]) continue;
    for (uint32_t k = lines.first[i]; k < lines.first[i + 1]; ++k) box.add(lines.points[k]);
    walk_vertices += lines.first[i + 1] - lines.first[i];
  }
  const double span = box.empty() ? 0 : std::max(box.max.x - box.min.x, box.max.y - box.min.y);
  const double quantum = span < 4.0e5 ? 0.01 : span < 4.0e6 ? 0.1 : 1.0;  // metres, fits 32 bits a side
  auto key = [&](Vec2 p) {
    const uint64_t qx = static_cast<uint64_t>(std::llround((p.x - box.min.x) / quantum));
    const uint64_t qy = static_cast<uint64_t>(std::llround((p.y - box.min.y) / quantum));
    return qx << 32 | (qy & 0xFFFFFFFFull);
  };
  VertexTable table(walk_vertices);
  std::vector<uint32_t> vid(lines.points.size(), kInvalidId);
  std::vector<uint32_t> uses;
  uses.reserve(walk_vertices);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!use[i]) continue;
    ++rep.lines_used;
    for (uint32_t k = lines.first[i]; k < lines.first[i + 1]; ++k) {
      bool inserted;
      const uint32_t id = table.find_or_insert(key(lines.points[k]), static_cast<uint32_t>(uses.size()), inserted);
      if (inserted) uses.push_back(0);
      vid[k] = id;
      uses[id] += (k == lines.first[i] || k + 1 == lines.first[i + 1]) ? 2 : 1;
      ++rep.vertices_in;
    }
  }
  table = VertexTable(0);
  progress.throw_if_cancelled();
  progress(0.3, "noding");
  // 2. Split lines into pieces at shared vertices.
  std::vector<Vec2> piece_geom;
  piece_geom.reserve(walk_vertices + walk_vertices / 4);
  std::vector<Piece> pieces;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!use[i]) continue;
    const uint32_t b = lines.first[i], e = lines.first[i + 1];
    uint32_t start = b;
    for (uint32_t k = b + 1; k < e; ++k) {
      if (k + 1 < e && uses[vid[k]] < 2) continue;
      const double len = polyline_length(&lines.points[start], k - start + 1);
      if (vid[start] != vid[k] ? len > 0 : len > quantum) {  // drop centimetre self-loops
        Piece p;
        p.tail = vid[start];
        p.head = vid[k];
        p.g0 = static_cast<uint32_t>(piece_geom.size());
        piece_geom.insert(piece_geom.end(), lines.points.begin() + start, lines.points.begin() + k + 1);
        p.g1 = static_cast<uint32_t>(piece_geom.size());
        p.cls = lines.road_class[i];
        p.dir = line_dir ? (*line_dir)[i] : static_cast<uint8_t>(kRideBoth);
        pieces.push_back(p);
      }
      start = k;
    }
  }
  const uint32_t n0 = static_cast<uint32_t>(uses.size());
  uses = {};
  vid = {};
  rep.pieces = pieces.size();
  if (pieces.empty())
    throw InputError(lines.source,
                     std::string("the ") + what + " roads form no network (no line has length)");
  progress(0.55, "folding");
  // 3. Incidence lists of piece ends.
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
    if (deg == 0) continue;  // a vertex inside a piece, not a node
    if (deg != 2) kept[u] = 1;
    else {
      const auto& a = pieces[inc[inc_first[u]]];
      const auto& b = pieces[inc[inc_first[u] + 1]];
      // Directions as seen leaving u: a chain through u keeps one direction along it.
      const uint8_t a_out = a.tail == u ? a.dir : flip(a.dir);
      const uint8_t b_out = b.tail == u ? b.dir : flip(b.dir);
      if (&a == &b || a.cls != b.cls || flip(a_out) != b_out)
        kept[u] = 1;  // self-loop, class or one-way direction changes here
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
    const uint8_t dir = pieces[pi].tail == u ? pieces[pi].dir : flip(pieces[pi].dir);
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
    if (edge_dir) edge_dir->push_back(dir);
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
  rep.folded_nodes = rep.pieces - tails.size();  // each fold merges two pieces into one edge
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
