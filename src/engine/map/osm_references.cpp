#include "engine/map/osm_references.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <string_view>
#include <vector>

#include "engine/map/osm_pbf.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

namespace {

// Collects node ids and checks every way's references against them. Files list nodes first, in
// ascending id order (PBF Sort.Type_then_ID, osmium, Overpass, JOSM saves); when one does not, the
// ways are checked in a second pass once every node is known.
class Collector {
 public:
  explicit Collector(OsmReferenceCheck& c) : c_(c) {}

  bool second_pass() const { return pass_ == 2; }

  void node(int64_t id, bool tagged) {
    if (pass_ != 1) return;
    ++c_.nodes;
    if (way_seen_ || (!ids_.empty() && id <= ids_.back())) redo_ = true;
    ids_.push_back(id);
    flags_.push_back(tagged ? kTagged : 0);
  }
  void tag_last_node() {
    if (pass_ == 1 && !flags_.empty()) flags_.back() |= kTagged;
  }
  void way(const std::vector<int64_t>& refs, bool road) {
    if (pass_ == 1) {
      ++c_.ways;
      c_.roads += road;
      way_seen_ = true;
      if (redo_) return;
    }
    size_t present = 0;
    for (int64_t r : refs)
      if (uint8_t* f = find(r)) ++present, *f |= kUsed;
    if (present == refs.size()) return;
    ++c_.ways_missing;
    if (!road) return;
    ++c_.roads_missing;
    ++(present < 2 ? c_.roads_dropped : c_.roads_shortened);
  }
  void member_node(int64_t id) {
    if (pass_ == 1 && redo_) return;
    if (uint8_t* f = find(id)) *f |= kUsed;
  }

  // After the first pass: true when the ways must be read again (nodes out of order).
  bool need_second_pass() {
    if (!redo_) return false;
    std::vector<size_t> order(ids_.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return ids_[a] < ids_[b]; });
    std::vector<int64_t> ids;
    std::vector<uint8_t> flags;
    for (size_t i : order) {
      if (!ids.empty() && ids.back() == ids_[i]) {
        flags.back() |= flags_[i];
        continue;
      }
      ids.push_back(ids_[i]);
      flags.push_back(flags_[i] & kTagged);
    }
    ids_.swap(ids), flags_.swap(flags);
    c_.ways_missing = c_.roads_missing = c_.roads_dropped = c_.roads_shortened = 0;
    pass_ = 2;
    return true;
  }
  void finish() {
    for (uint8_t f : flags_) c_.unused_nodes += f == 0;
  }

 private:
  static constexpr uint8_t kTagged = 1, kUsed = 2;
  uint8_t* find(int64_t id) {
    auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
    return it != ids_.end() && *it == id ? &flags_[static_cast<size_t>(it - ids_.begin())]
                                         : nullptr;
  }
  OsmReferenceCheck& c_;
  std::vector<int64_t> ids_;
  std::vector<uint8_t> flags_;
  int pass_ = 1;
  bool way_seen_ = false, redo_ = false;
};

// Packed repeated varints (sint64 deltas when `delta`), appended to `out`.
bool packed(const uint8_t* d, size_t s, bool zigzag_delta, std::vector<int64_t>& out) {
  PbReader r{d, d + s};
  int64_t acc = 0;
  while (r.more()) {
    const uint64_t v = r.varint();
    if (!r.ok) return false;
    if (zigzag_delta) {
      acc = static_cast<int64_t>(static_cast<uint64_t>(acc) +
                                 static_cast<uint64_t>(PbReader::zigzag(v)));
      out.push_back(acc);
    } else {
      out.push_back(static_cast<int64_t>(v));
    }
  }
  return r.ok;
}

bool pbf_block(const uint8_t* data, size_t size, Collector& col) {
  uint32_t f, w;
  uint64_t v;
  const uint8_t* d;
  size_t s;
  // String table first: which indices spell "highway".
  std::vector<int64_t> highway;
  {
    PbReader blk{data, data + size};
    while (blk.more() && blk.next(f, w, v, d, s)) {
      if (f != 1 || w != 2) continue;
      PbReader st{d, d + s};
      const uint8_t* sd;
      size_t ss;
      for (int64_t i = 0; st.more() && st.next(f, w, v, sd, ss); ++i)
        if (f == 1 && w == 2 &&
            std::string_view(reinterpret_cast<const char*>(sd), ss) == "highway")
          highway.push_back(i);
      if (!st.ok) return false;
    }
    if (!blk.ok) return false;
  }
  auto is_highway = [&](int64_t k) {
    return std::find(highway.begin(), highway.end(), k) != highway.end();
  };
  std::vector<int64_t> a, b;
  PbReader blk{data, data + size};
  while (blk.more() && blk.next(f, w, v, d, s)) {
    if (f != 2 || w != 2) continue;  // primitivegroup
    PbReader group{d, d + s};
    const uint8_t* gd;
    size_t gs;
    uint32_t gf, gw;
    while (group.more() && group.next(gf, gw, v, gd, gs)) {
      if (gw != 2) continue;
      PbReader m{gd, gd + gs};
      const uint8_t* md;
      size_t ms;
      a.clear(), b.clear();
      if (gf == 1) {  // Node: 1 id, 2 keys
        int64_t id = 0;
        bool tagged = false;
        while (m.more() && m.next(f, w, v, md, ms)) {
          if (f == 1 && w == 0) id = PbReader::zigzag(v);
          if (f == 2) tagged = true;
        }
        col.node(id, tagged);
      } else if (gf == 2) {  // DenseNodes: 1 ids (delta), 10 keys_vals (0 ends each node)
        while (m.more() && m.next(f, w, v, md, ms)) {
          if (f == 1 && w == 2 && !packed(md, ms, true, a)) return false;
          if (f == 10 && w == 2 && !packed(md, ms, false, b)) return false;
        }
        size_t k = 0;
        for (int64_t id : a) {
          bool tagged = false;
          while (k < b.size() && b[k] != 0) tagged = true, k += 2;
          ++k;
          col.node(id, tagged);
        }
      } else if (gf == 3) {  // Way: 2 keys, 8 refs (delta)
        while (m.more() && m.next(f, w, v, md, ms)) {
          if (f == 2 && w == 2 && !packed(md, ms, false, b)) return false;
          if (f == 8 && w == 2 && !packed(md, ms, true, a)) return false;
        }
        col.way(a, std::any_of(b.begin(), b.end(), is_highway));
      } else if (gf == 4) {  // Relation: 9 memids (delta), 10 types (0 = node)
        while (m.more() && m.next(f, w, v, md, ms)) {
          if (f == 9 && w == 2 && !packed(md, ms, true, a)) return false;
          if (f == 10 && w == 2 && !packed(md, ms, false, b)) return false;
        }
        for (size_t i = 0; i < a.size() && i < b.size(); ++i)
          if (b[i] == 0) col.member_node(a[i]);
      }
      if (!m.ok) return false;
    }
    if (!group.ok) return false;
  }
  return blk.ok;
}

void scan_pbf(const std::string& path, const std::string& shown, Collector& col) {
  for_each_pbf_block(path, shown, [&](const uint8_t* d, size_t s) {
    if (!pbf_block(d, s, col)) throw CodedError(shown, Msg::pbf_undecodable);
  });
}

// One element's attributes, from the text between '<' + name and '>'.
std::string_view attribute(std::string_view t, std::string_view name) {
  size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() &&
           (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r' || t[i] == '/'))
      ++i;
    const size_t n0 = i;
    while (i < t.size() && t[i] != '=' && t[i] != ' ' && t[i] != '\t' && t[i] != '\n' &&
           t[i] != '\r')
      ++i;
    const std::string_view key = t.substr(n0, i - n0);
    while (i < t.size() && t[i] != '=') ++i;
    while (i < t.size() && t[i] != '"' && t[i] != '\'') ++i;
    if (i >= t.size()) break;
    const char q = t[i++];
    const size_t v0 = i;
    while (i < t.size() && t[i] != q) ++i;
    if (key == name) return t.substr(v0, i - v0);
    ++i;
  }
  return {};
}

bool to_id(std::string_view s, int64_t& id) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), id);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && !s.empty();
}

// A tolerant scan of OSM XML elements (node, way/nd/tag, relation/member): not a validating parser;
// GDAL's expat reports malformed XML.
void scan_xml(const std::string& path, const std::string& shown, Collector& col,
              OsmReferenceCheck& c) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CodedError(shown, Msg::cannot_open);
  enum class Parent { none, node, way, relation } parent = Parent::none;
  std::vector<int64_t> refs;
  bool road = false;
  c.xml_closed = false;
  std::string buf;
  std::vector<char> chunk(1 << 20);
  size_t pos = 0;
  bool eof = false;
  auto refill = [&] {
    if (eof) return false;
    buf.erase(0, pos);
    pos = 0;
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    const auto got = in.gcount();
    if (got <= 0) return eof = true, false;
    buf.append(chunk.data(), static_cast<size_t>(got));
    return true;
  };
  refill();
  for (;;) {
    const size_t lt = buf.find('<', pos);
    if (lt == std::string::npos) {
      pos = buf.size();
      if (!refill()) break;
      continue;
    }
    pos = lt;
    // The element's end: '>' outside quotes (comments and processing instructions by their ends).
    size_t gt = std::string::npos;
    std::string_view rest(buf);
    rest.remove_prefix(lt);
    if (rest.substr(0, 4) == "<!--") {
      const size_t e = rest.find("-->");
      gt = e == std::string::npos ? e : lt + e + 2;
    } else if (rest.substr(0, 9) == "<![CDATA[") {
      const size_t e = rest.find("]]>");
      gt = e == std::string::npos ? e : lt + e + 2;
    } else {
      char q = 0;
      for (size_t i = lt + 1; i < buf.size(); ++i) {
        const char ch = buf[i];
        if (q) {
          if (ch == q) q = 0;
        } else if (ch == '"' || ch == '\'') {
          q = ch;
        } else if (ch == '>') {
          gt = i;
          break;
        }
      }
    }
    if (gt == std::string::npos) {
      if (buf.size() - lt > (64u << 20)) break;  // an absurd element: give up, GDAL will judge
      if (!refill()) break;
      continue;
    }
    std::string_view t(buf.data() + lt + 1, gt - lt - 1);
    pos = gt + 1;
    if (t.empty() || t[0] == '!' || t[0] == '?') continue;
    const bool closing = t[0] == '/';
    if (closing) t.remove_prefix(1);
    const bool self = !t.empty() && t.back() == '/';
    size_t n = 0;
    while (n < t.size() && t[n] != ' ' && t[n] != '\t' && t[n] != '\n' && t[n] != '\r' &&
           t[n] != '/')
      ++n;
    const std::string_view name = t.substr(0, n), attrs = t.substr(n);
    int64_t id = 0;
    if (closing) {
      if (name == "way" && parent == Parent::way) col.way(refs, road);
      if (name == "osm") c.xml_closed = true;
      if (name == "node" || name == "way" || name == "relation") parent = Parent::none;
    } else if (name == "node") {
      if (to_id(attribute(attrs, "id"), id)) col.node(id, false);
      parent = self ? Parent::none : Parent::node;
    } else if (name == "way") {
      refs.clear();
      road = false;
      parent = Parent::way;
      if (self) col.way(refs, road), parent = Parent::none;
    } else if (name == "relation") {
      parent = self ? Parent::none : Parent::relation;
    } else if (name == "nd" && parent == Parent::way) {
      if (to_id(attribute(attrs, "ref"), id)) refs.push_back(id);
    } else if (name == "tag") {
      if (parent == Parent::node) col.tag_last_node();
      if (parent == Parent::way && attribute(attrs, "k") == "highway") road = true;
    } else if (name == "member" && parent == Parent::relation &&
               attribute(attrs, "type") == "node") {
      if (to_id(attribute(attrs, "ref"), id)) col.member_node(id);
    }
  }
}

bool looks_like_xml(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[64] = {};
  in.read(head, sizeof head);
  const std::string_view start(head, static_cast<size_t>(in.gcount()));
  const size_t i = start.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  return i != std::string_view::npos && start[i] == '<';
}

}  // namespace

OsmReferenceCheck check_osm_references(const std::string& path, const std::string& shown) {
  OsmReferenceCheck c;
  Collector col(c);
  c.xml = looks_like_xml(path);
  auto scan = [&] { c.xml ? scan_xml(path, shown, col, c) : scan_pbf(path, shown, col); };
  scan();
  if (col.need_second_pass()) scan();
  col.finish();
  return c;
}

}  // namespace yz
