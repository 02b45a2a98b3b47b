#include "engine/map/osm_reader.hpp"

#include <osmium/area/assembler.hpp>
#include <osmium/builder/osm_object_builder.hpp>
#include <osmium/io/any_compression.hpp>
#include <osmium/io/pbf_input.hpp>
#include <osmium/io/reader.hpp>
#include <osmium/io/xml_input.hpp>
#include <osmium/osm.hpp>
#include <osmium/thread/pool.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>
#include <numeric>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "engine/util/error.hpp"

namespace yz {

namespace {

constexpr uint32_t kNoNode = ~0u;

bool ends_with(const std::string& s, std::string_view suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

// The tags the map needs from a way or relation, read in one sweep over its tag list.
struct MapTags {
  std::string_view highway, foot, access, area, natural, water, waterway, landuse, leisure, type;
  bool polygon_key = false;  // a key GDAL's osmconf.ini made closed ways areas for
  bool any = false;
};

MapTags map_tags(const osmium::TagList& tags) {
  // osmconf.ini closed_ways_are_polygons (plus highway=platform, public_transport=platform).
  static constexpr std::string_view kPolygonKeys[] = {
      "aeroway",  "amenity", "boundary", "building", "craft",   "geological",
      "historic", "landuse", "leisure",  "military", "natural", "office",
      "place",    "shop",    "sport",    "tourism",  "water"};
  MapTags t;
  for (const osmium::Tag& tag : tags) {
    t.any = true;
    const std::string_view k = tag.key(), v = tag.value();
    if (k == "highway")
      t.highway = v, t.polygon_key |= v == "platform";
    else if (k == "foot")
      t.foot = v;
    else if (k == "access")
      t.access = v;
    else if (k == "area")
      t.area = v;
    else if (k == "type")
      t.type = v;
    else if (k == "public_transport")
      t.polygon_key |= v == "platform";
    if (k == "natural")
      t.natural = v;
    else if (k == "water")
      t.water = v;
    else if (k == "waterway")
      t.waterway = v;
    else if (k == "landuse")
      t.landuse = v;
    else if (k == "leisure")
      t.leisure = v;
    if (!t.polygon_key)
      for (std::string_view p : kPolygonKeys)
        if (k == p) {
          t.polygon_key = true;
          break;
        }
  }
  return t;
}

std::optional<AreaKind> area_kind(const MapTags& t) {
  if (t.natural == "water" || !t.water.empty() || t.waterway == "riverbank") return AreaKind::water;
  if (t.leisure == "park" || t.leisure == "garden" || t.landuse == "grass" ||
      t.landuse == "forest" || t.natural == "wood" || t.landuse == "recreation_ground" ||
      t.landuse == "meadow")
    return AreaKind::park;
  return std::nullopt;
}

// What a way is for the map.
enum class WayKind : uint8_t { other, line, square, water, park };

struct WayRec {
  int64_t id;
  uint64_t ref0;  // into the refs array
  uint32_t nref;
  WayKind kind;
  WalkVerdict verdict;
  RoadClass cls;
  bool highway;  // has a highway tag (a road, whatever its shape)
};

// Verdicts per distinct (highway, foot, access) triple: a city has a few dozen, the profile's
// lookups allocate.
class VerdictCache {
 public:
  explicit VerdictCache(const TagProfile& p) : p_(p) {}
  std::pair<WalkVerdict, RoadClass> operator()(const MapTags& t, std::string_view area) {
    key_.assign(t.highway);
    key_ += '\0';
    key_ += t.foot;
    key_ += '\0';
    key_ += t.access;
    key_ += '\0';
    key_ += area;
    auto it = cache_.find(key_);
    if (it != cache_.end()) return it->second;
    const WayTags w{std::string(t.highway), std::string(t.foot), std::string(t.access),
                    std::string(area)};
    const auto r = std::make_pair(p_.verdict(w), p_.road_class(t.highway));
    cache_.emplace(key_, r);
    return r;
  }

 private:
  const TagProfile& p_;
  std::string key_;
  std::unordered_map<std::string, std::pair<WalkVerdict, RoadClass>> cache_;
};

// Every node of the file: id, location and whether it carries tags or is used. Lookups by id go
// through a direct table when ids are dense, else binary search (ids sorted once if the file does
// not list them in ascending order).
class NodeStore {
 public:
  static constexpr uint8_t kTagged = 1, kUsed = 2;
  void add(int64_t id, osmium::Location loc, bool tagged) {
    if (!ids_.empty() && id <= ids_.back()) sorted_ = false;
    ids_.push_back(id);
    locs_.push_back(loc);
    flags_.push_back(tagged ? kTagged : 0);
  }
  size_t size() const { return ids_.size(); }
  bool was_sorted() const { return sorted_; }

  void finish() {
    if (!sorted_) {
      std::vector<uint32_t> order(ids_.size());
      std::iota(order.begin(), order.end(), 0u);
      std::stable_sort(order.begin(), order.end(),
                       [&](uint32_t a, uint32_t b) { return ids_[a] < ids_[b]; });
      std::vector<int64_t> ids;
      std::vector<osmium::Location> locs;
      std::vector<uint8_t> flags;
      ids.reserve(order.size()), locs.reserve(order.size()), flags.reserve(order.size());
      for (uint32_t i : order) {
        if (!ids.empty() && ids.back() == ids_[i]) continue;  // a node listed twice: the first
        ids.push_back(ids_[i]), locs.push_back(locs_[i]), flags.push_back(flags_[i]);
      }
      ids_.swap(ids), locs_.swap(locs), flags_.swap(flags);
    }
    if (ids_.empty()) return;
    const int64_t lo = ids_.front(), hi = ids_.back();
    const uint64_t range = static_cast<uint64_t>(hi) - static_cast<uint64_t>(lo) + 1;
    if (range <= 2 * ids_.size() + 4096) {
      base_ = lo;
      direct_.assign(range, kNoNode);
      for (uint32_t i = 0; i < ids_.size(); ++i)
        direct_[static_cast<uint64_t>(ids_[i]) - static_cast<uint64_t>(lo)] = i;
    }
  }

  uint32_t find(int64_t id) const {
    if (!direct_.empty()) {
      const uint64_t off = static_cast<uint64_t>(id) - static_cast<uint64_t>(base_);
      return off < direct_.size() ? direct_[off] : kNoNode;
    }
    auto it = std::lower_bound(ids_.begin(), ids_.end(), id);
    return it != ids_.end() && *it == id ? static_cast<uint32_t>(it - ids_.begin()) : kNoNode;
  }
  osmium::Location location(uint32_t i) const { return locs_[i]; }
  uint8_t& flags(uint32_t i) { return flags_[i]; }
  uint64_t unused() const {
    uint64_t n = 0;
    for (uint8_t f : flags_) n += f == 0;
    return n;
  }

 private:
  std::vector<int64_t> ids_;
  std::vector<osmium::Location> locs_;
  std::vector<uint8_t> flags_;
  std::vector<uint32_t> direct_;
  int64_t base_ = 0;
  bool sorted_ = true;
};

// Distinct nodes at one spot that a way passes one after the other are one junction: the way's
// zero-length step between them would otherwise leave the two unconnected.
class NodeUnion {
 public:
  void unite(uint32_t a, uint32_t b) { pending_.emplace_back(a, b); }
  void resolve(size_t n, std::vector<uint32_t>& nodes) {
    if (pending_.empty()) return;
    parent_.resize(n);
    std::iota(parent_.begin(), parent_.end(), 0u);
    for (auto [a, b] : pending_) link(a, b);
    for (uint32_t& v : nodes) v = root(v);
  }

 private:
  uint32_t root(uint32_t v) {
    while (parent_[v] != v) v = parent_[v] = parent_[parent_[v]];
    return v;
  }
  void link(uint32_t a, uint32_t b) {
    a = root(a), b = root(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }
  std::vector<uint32_t> parent_;
  std::vector<std::pair<uint32_t, uint32_t>> pending_;
};

bool looks_like_xml(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[64] = {};
  in.read(head, sizeof head);
  const std::string_view start(head, static_cast<size_t>(in.gcount()));
  const size_t i = start.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  return i != std::string_view::npos && start[i] == '<';
}

class MapCollector {
 public:
  MapCollector(const TagProfile& profile, RawLines& raw, MapLoadReport& rep)
      : profile_(profile), verdicts_(profile), raw_(raw), rep_(rep) {}

  void node(const osmium::Node& n) { nodes_.add(n.id(), n.location(), !n.tags().empty()); }

  void way(const osmium::Way& w) {
    const auto& nl = w.nodes();
    WayRec r{w.id(),
             refs_.size(),
             static_cast<uint32_t>(nl.size()),
             WayKind::other,
             WalkVerdict::not_highway,
             RoadClass::other,
             false};
    if (!ways_.empty() && w.id() <= ways_.back().id) ways_sorted_ = false;
    for (const osmium::NodeRef& nr : nl) refs_.push_back(nr.ref());
    const MapTags t = map_tags(w.tags());
    r.highway = !t.highway.empty();
    const bool closed = nl.size() >= 4 && nl.front().ref() == nl.back().ref();
    const bool polygon = closed && (t.area == "yes" || (t.area != "no" && t.polygon_key));
    if (!polygon) {
      // GDAL's lines layer: every tagged way that is not an area.
      if (t.any) ++rep_.features_read;
      if (r.highway) {
        r.kind = WayKind::line;
        std::tie(r.verdict, r.cls) = verdicts_(t, t.area);
      }
    } else if (r.highway && profile_.is_area_highway(t.highway)) {
      std::tie(r.verdict, r.cls) = verdicts_(t, "yes");
      if (r.verdict == WalkVerdict::walkable) r.kind = WayKind::square;
    } else if (const auto k = area_kind(t)) {
      r.kind = *k == AreaKind::water ? WayKind::water : WayKind::park;
    }
    ways_.push_back(r);
  }

  void relation(const osmium::Relation& rel) {
    for (const auto& m : rel.members())
      if (m.type() == osmium::item_type::node) member_nodes_.push_back(m.ref());
    const MapTags t = map_tags(rel.tags());
    if (t.type != "multipolygon" && t.type != "boundary") return;
    const bool square = !t.highway.empty() && profile_.is_area_highway(t.highway) &&
                        verdicts_(t, "yes").first == WalkVerdict::walkable;
    if (!square && !area_kind(t)) return;
    relations_.add_item(rel);
    relations_.commit();
  }

  uint64_t nodes() const { return nodes_.size(); }
  uint64_t ways() const { return ways_.size(); }
  bool nodes_sorted() const { return nodes_.was_sorted(); }

  // After the whole file: ways joined to their nodes, areas assembled.
  void finish() {
    nodes_.finish();
    for (int64_t id : member_nodes_)
      if (const uint32_t i = nodes_.find(id); i != kNoNode) nodes_.flags(i) |= NodeStore::kUsed;
    // Every way's nodes are in use (a way missing from a cut file leaves its nodes unused).
    std::vector<uint32_t> idx;
    for (const WayRec& w : ways_) {
      size_t present = 0;
      for (uint32_t k = 0; k < w.nref; ++k)
        if (const uint32_t i = nodes_.find(refs_[w.ref0 + k]); i != kNoNode)
          ++present, nodes_.flags(i) |= NodeStore::kUsed;
      if (!w.highway) continue;
      ++rep_.osm_roads;
      if (present == w.nref) continue;
      ++rep_.ways_missing_nodes;
      ++(present < 2 ? rep_.ways_dropped : rep_.ways_shortened);
    }
    rep_.unused_nodes = nodes_.unused();
    rep_.osm_nodes_in_file = nodes_.size();
    // Squares first, then lines, as GDAL handed them out (its areas came during the reading).
    for (const WayRec& w : ways_)
      if (w.kind == WayKind::square) {
        ++rep_.area_outlines, ++rep_.roads, ++rep_.walkable;
        if (resolve(w, idx) == w.nref) add_line(idx, w.cls, true, w.id, false);
      } else if (w.kind == WayKind::water || w.kind == WayKind::park) {
        if (resolve(w, idx) == w.nref) {
          const size_t at = raw_.areas.points.size();
          for (uint32_t i : idx) raw_.areas.points.push_back(lonlat(i));
          if (raw_.areas.points.size() - at >= 4) {
            raw_.areas.ring_first.push_back(static_cast<uint32_t>(raw_.areas.points.size()));
            raw_.areas.poly_first.push_back(
                static_cast<uint32_t>(raw_.areas.ring_first.size() - 1));
            raw_.areas.kind.push_back(w.kind == WayKind::water ? AreaKind::water : AreaKind::park);
          } else {
            raw_.areas.points.resize(at);
          }
        }
      }
    assemble_relations();
    for (const WayRec& w : ways_) {
      if (w.kind != WayKind::line) continue;
      ++rep_.roads;
      const bool walk = w.verdict == WalkVerdict::walkable;
      switch (w.verdict) {
        case WalkVerdict::walkable:
          ++rep_.walkable;
          break;
        case WalkVerdict::not_walkable_class:
          ++rep_.not_walkable_class;
          break;
        case WalkVerdict::foot_forbidden:
          ++rep_.foot_forbidden;
          break;
        case WalkVerdict::access_forbidden:
          ++rep_.access_forbidden;
          break;
        default:
          break;
      }
      const size_t present = resolve(w, idx);
      if (present >= 2) add_line(idx, w.cls, walk, w.id, present < w.nref);
    }
    unions_.resolve(nodes_.size(), raw_.node);
  }

 private:
  Vec2 lonlat(uint32_t i) const {
    const osmium::Location l = nodes_.location(i);
    return {l.lon_without_check(), l.lat_without_check()};
  }

  // The way's nodes present in the file, in order.
  size_t resolve(const WayRec& w, std::vector<uint32_t>& idx) const {
    idx.clear();
    for (uint32_t k = 0; k < w.nref; ++k)
      if (const uint32_t i = nodes_.find(refs_[w.ref0 + k]); i != kNoNode) idx.push_back(i);
    return idx.size();
  }

  void add_line(const std::vector<uint32_t>& idx, RoadClass c, bool walk, int64_t id,
                bool missing) {
    const size_t start = raw_.pts.size();
    for (uint32_t i : idx) {
      const Vec2 p = lonlat(i);
      if (raw_.pts.size() > start && raw_.pts.back() == p) {  // repeated vertex
        if (raw_.node.back() != i) unions_.unite(raw_.node.back(), i);
        continue;
      }
      raw_.pts.push_back(p);
      raw_.node.push_back(i);
    }
    if (raw_.pts.size() - start < 2) {
      raw_.pts.resize(start), raw_.node.resize(start);
      ++rep_.invalid_geometry;
      return;
    }
    rep_.osm_nodes += raw_.pts.size() - start;
    raw_.first.push_back(static_cast<uint32_t>(raw_.pts.size()));
    raw_.cls.push_back(c);
    raw_.walk.push_back(walk);
    raw_.id.push_back(id);
    raw_.missing_nodes.push_back(missing);
  }

  const WayRec* find_way(int64_t id) {
    if (!ways_sorted_ && way_order_.empty()) {
      way_order_.resize(ways_.size());
      std::iota(way_order_.begin(), way_order_.end(), 0u);
      std::stable_sort(way_order_.begin(), way_order_.end(),
                       [&](uint32_t a, uint32_t b) { return ways_[a].id < ways_[b].id; });
    }
    if (ways_sorted_) {
      auto it = std::lower_bound(ways_.begin(), ways_.end(), id,
                                 [](const WayRec& w, int64_t v) { return w.id < v; });
      return it != ways_.end() && it->id == id ? &*it : nullptr;
    }
    auto it = std::lower_bound(way_order_.begin(), way_order_.end(), id,
                               [&](uint32_t w, int64_t v) { return ways_[w].id < v; });
    return it != way_order_.end() && ways_[*it].id == id ? &ways_[*it] : nullptr;
  }

  // Multipolygon relations: complete ones (every member way and node in the file, as GDAL
  // required) assembled into rings by libosmium.
  void assemble_relations() {
    osmium::area::AssemblerConfig cfg;
    cfg.create_empty_areas = false;
    osmium::memory::Buffer members{1 << 16, osmium::memory::Buffer::auto_grow::yes};
    osmium::memory::Buffer out{1 << 16, osmium::memory::Buffer::auto_grow::yes};
    std::vector<size_t> offsets;
    std::vector<const osmium::Way*> ptrs;
    std::vector<uint32_t> idx;
    for (const osmium::Relation& rel : relations_.select<osmium::Relation>()) {
      members.clear(), offsets.clear(), ptrs.clear();
      bool complete = true;
      for (const auto& m : rel.members()) {
        if (m.type() != osmium::item_type::way) continue;
        const WayRec* w = find_way(m.ref());
        if (!w || resolve(*w, idx) != w->nref) {
          complete = false;
          break;
        }
        {
          osmium::builder::WayBuilder wb{members};
          wb.set_id(w->id);
          osmium::builder::WayNodeListBuilder nb{wb};
          for (uint32_t k = 0; k < w->nref; ++k)
            nb.add_node_ref(osmium::NodeRef{refs_[w->ref0 + k], nodes_.location(idx[k])});
        }
        offsets.push_back(members.commit());
      }
      if (!complete || offsets.empty()) continue;
      for (size_t off : offsets) ptrs.push_back(&members.get<osmium::Way>(off));
      out.clear();
      osmium::area::Assembler assembler{cfg};  // keeps state: one per relation
      if (!assembler(rel, ptrs, out)) continue;
      const MapTags t = map_tags(rel.tags());
      const bool square = !t.highway.empty() && profile_.is_area_highway(t.highway);
      for (const osmium::Area& a : out.select<osmium::Area>()) {
        if (square) {
          // A pedestrian square: walk its outline (every ring).
          ++rep_.area_outlines, ++rep_.roads, ++rep_.walkable;
          const RoadClass c = profile_.road_class(t.highway);
          for (const auto& outer : a.outer_rings()) {
            ring_nodes(outer, idx);
            add_line(idx, c, true, rel.id(), false);
            for (const auto& inner : a.inner_rings(outer)) {
              ring_nodes(inner, idx);
              add_line(idx, c, true, rel.id(), false);
            }
          }
          continue;
        }
        const AreaKind kind = *area_kind(t);
        for (const auto& outer : a.outer_rings()) {
          add_ring(outer);
          for (const auto& inner : a.inner_rings(outer)) add_ring(inner);
          raw_.areas.poly_first.push_back(static_cast<uint32_t>(raw_.areas.ring_first.size() - 1));
          raw_.areas.kind.push_back(kind);
        }
      }
    }
  }

  template <typename Ring>
  void ring_nodes(const Ring& ring, std::vector<uint32_t>& idx) const {
    idx.clear();
    for (const osmium::NodeRef& nr : ring)
      if (const uint32_t i = nodes_.find(nr.ref()); i != kNoNode) idx.push_back(i);
  }
  template <typename Ring>
  void add_ring(const Ring& ring) {
    for (const osmium::NodeRef& nr : ring)
      raw_.areas.points.push_back(
          {nr.location().lon_without_check(), nr.location().lat_without_check()});
    raw_.areas.ring_first.push_back(static_cast<uint32_t>(raw_.areas.points.size()));
  }

  const TagProfile& profile_;
  VerdictCache verdicts_;
  RawLines& raw_;
  MapLoadReport& rep_;
  NodeStore nodes_;
  NodeUnion unions_;
  std::vector<WayRec> ways_;
  std::vector<uint32_t> way_order_;
  bool ways_sorted_ = true;
  std::vector<int64_t> refs_;
  std::vector<int64_t> member_nodes_;
  osmium::memory::Buffer relations_{1 << 16, osmium::memory::Buffer::auto_grow::yes};
};

}  // namespace

std::string osm_format_of(const std::string& path) {
  std::string p = path;
  std::transform(p.begin(), p.end(), p.begin(), [](unsigned char c) { return std::tolower(c); });
  std::string comp;
  if (ends_with(p, ".bz2"))
    comp = ".bz2", p.resize(p.size() - 4);
  else if (ends_with(p, ".gz"))
    comp = ".gz", p.resize(p.size() - 3);
  // A plain file is read as what it holds (a .osm file holding PBF, or the reverse); a compressed
  // one as its name says.
  std::string fmt;
  if (comp.empty())
    fmt = looks_like_xml(path) ? "osm" : "pbf";
  else
    fmt = ends_with(p, ".pbf") ? "pbf" : "osm";
  return fmt + comp;
}

OsmReadResult read_osm_map(const std::string& path, const std::string& shown,
                           const TagProfile& profile, const Progress& progress, RawLines& raw,
                           MapLoadReport& rep) {
  OsmReadResult res;
  MapCollector col(profile, raw, rep);
  const std::string format = osm_format_of(path);
  try {
    osmium::thread::Pool pool{static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))};
    osmium::io::Reader reader{osmium::io::File{path, format}, pool, osmium::io::read_meta::no};
    const auto size = std::max<size_t>(1, reader.file_size());
    if (format.rfind("osm", 0) == 0) {
      const osmium::io::Header header = reader.header();
      if (const osmium::Box b = header.box(); b.valid() && b.bottom_left() != b.top_right())
        res.bounds.emplace(), res.bounds->add({b.bottom_left().lon(), b.bottom_left().lat()}),
            res.bounds->add({b.top_right().lon(), b.top_right().lat()});
    }
    while (osmium::memory::Buffer buffer = reader.read()) {
      progress.throw_if_cancelled();
      progress(0.8 * static_cast<double>(reader.offset()) / static_cast<double>(size),
               "reading map");
      for (const osmium::OSMEntity& e : buffer.select<osmium::OSMEntity>()) {
        switch (e.type()) {
          case osmium::item_type::node:
            col.node(static_cast<const osmium::Node&>(e));
            break;
          case osmium::item_type::way:
            col.way(static_cast<const osmium::Way&>(e));
            break;
          case osmium::item_type::relation:
            col.relation(static_cast<const osmium::Relation&>(e));
            break;
          default:
            break;
        }
      }
    }
    reader.close();
  } catch (const Cancelled&) {
    throw;
  } catch (const InputError&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    throw InputError(shown,
                     std::string("corrupt or truncated OpenStreetMap file (") + e.what() + ")");
  }
  if (col.nodes() > 0 && col.ways() == 0)
    throw InputError(shown, "contains no roads: its " + std::to_string(col.nodes()) +
                                " nodes are followed by no ways at all (is the file truncated, "
                                "cut before its ways?)");
  rep.nodes_unsorted = !col.nodes_sorted();
  col.finish();
  return res;
}

}  // namespace yz
