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
#include <cmath>
#include <cstring>
#include <fstream>
#include <numeric>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

namespace {

constexpr uint32_t kNoNode = ~0u;

bool ends_with(const std::string& s, std::string_view suf) {
  return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
}

// The tags the map needs from a way or relation, read in one sweep over its tag list.
struct MapTags {
  std::string_view highway, foot, access, area, natural, water, waterway, landuse, leisure, type;
  std::string_view name, name_en, addr_street, addr_housenumber;
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
    else if (k == "name")
      t.name = v;
    else if (k == "name:en")
      t.name_en = v;
    else if (k == "addr:street")
      t.addr_street = v;
    else if (k == "addr:housenumber")
      t.addr_housenumber = v;
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

constexpr uint32_t kNoText = ~0u;

// What a way is for the map.
enum class WayKind : uint8_t { other, line, square, water, park };

struct WayRec {
  int64_t id;
  uint64_t ref0;  // into the refs array
  uint32_t nref;
  WayKind kind;
  WalkVerdict verdict;
  RoadClass cls;
  bool highway;     // has a highway tag (a road, whatever its shape)
  bool polygon;     // a closed way tagged as an area (GDAL closes it again when clipped)
  WayKind as_area;  // what its tags make of an area (for an untagged multipolygon it is outer of)
  uint8_t ride;     // RideDir of a line
  uint32_t text;    // a line's or square's (name, name:en) in the collector's texts; kNoText: none
  uint32_t addr;    // an area's (addr:street, addr:housenumber) there; its centroid is an address
};

// The riding verdict of a way from its tags, cached per distinct set of the tags it reads.
class RideCache {
 public:
  explicit RideCache(const RideProfile& p) : p_(p) {}
  uint8_t operator()(const osmium::TagList& tags, std::string_view highway) {
    t_ = RideTags{};
    t_.highway = highway;
    for (const osmium::Tag& tag : tags) {
      const std::string_view k = tag.key();
      std::string* f = nullptr;
      if (k == "bicycle")
        f = &t_.bicycle;
      else if (k == "access")
        f = &t_.access;
      else if (k == "vehicle")
        f = &t_.vehicle;
      else if (k == "oneway")
        f = &t_.oneway;
      else if (k == "oneway:bicycle")
        f = &t_.oneway_bicycle;
      else if (k == "junction")
        f = &t_.junction;
      else if (k == "cycleway")
        f = &t_.cycleway;
      else if (k == "cycleway:left")
        f = &t_.cycleway_left;
      else if (k == "cycleway:right")
        f = &t_.cycleway_right;
      else if (k == "cycleway:both")
        f = &t_.cycleway_both;
      if (f) *f = tag.value();
    }
    key_.clear();
    for (const std::string* f :
         {&t_.highway, &t_.bicycle, &t_.access, &t_.vehicle, &t_.oneway, &t_.oneway_bicycle,
          &t_.junction, &t_.cycleway, &t_.cycleway_left, &t_.cycleway_right, &t_.cycleway_both})
      key_ += *f, key_ += '\0';
    auto it = cache_.find(key_);
    if (it != cache_.end()) return it->second;
    const uint8_t d = p_.verdict(t_);
    cache_.emplace(key_, d);
    return d;
  }

 private:
  const RideProfile& p_;
  RideTags t_;
  std::string key_;
  std::unordered_map<std::string, uint8_t> cache_;
};

// Verdicts per distinct (highway, foot, access) triple: a city has a few dozen, the profile's
// lookups allocate.
class VerdictCache {
 public:
  explicit VerdictCache(const TagProfile& p) : p_(p) {}
  struct Entry {
    WalkVerdict verdict;
    RoadClass cls;
    bool area_highway;  // a class drawn as an area (pedestrian square)
  };
  std::pair<WalkVerdict, RoadClass> operator()(const MapTags& t, std::string_view area) {
    const Entry& e = entry(t, area);
    return {e.verdict, e.cls};
  }
  // Whether the tags, on an area, make a walkable pedestrian square.
  bool square(const MapTags& t) {
    if (t.highway.empty()) return false;
    const Entry& e = entry(t, "yes");
    return e.area_highway && e.verdict == WalkVerdict::walkable;
  }

 private:
  const Entry& entry(const MapTags& t, std::string_view area) {
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
    const Entry e{p_.verdict(w), p_.road_class(t.highway), p_.is_area_highway(t.highway)};
    return cache_.emplace(key_, e).first->second;
  }

  const TagProfile& p_;
  std::string key_;
  std::unordered_map<std::string, Entry> cache_;
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
  int64_t id(uint32_t i) const { return ids_[i]; }
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
  MapCollector(const TagProfile& profile, const RideProfile& ride, RawLines& raw,
               MapLoadReport& rep)
      : profile_(profile), verdicts_(profile), rides_(ride), raw_(raw), rep_(rep) {}

  void node(const osmium::Node& n) {
    const osmium::TagList& tags = n.tags();
    nodes_.add(n.id(), n.location(), !tags.empty());
    if (tags.empty()) return;
    // An address on a point (a shop, an entrance): GDAL's points layer gave these.
    const char* street = tags["addr:street"];
    if (!street || !n.location().valid()) return;
    const char* number = tags["addr:housenumber"];
    raw_.addresses.push_back({{n.location().lon_without_check(), n.location().lat_without_check()},
                              street,
                              number ? number : ""});
  }

  void way(const osmium::Way& w) {
    const auto& nl = w.nodes();
    WayRec r{w.id(),
             refs_.size(),
             static_cast<uint32_t>(nl.size()),
             WayKind::other,
             WalkVerdict::not_highway,
             RoadClass::other,
             false,
             false,
             WayKind::other,
             kRideNone,
             kNoText,
             kNoText};
    if (!ways_.empty() && w.id() <= ways_.back().id) ways_sorted_ = false;
    for (const osmium::NodeRef& nr : nl) refs_.push_back(nr.ref());
    const MapTags t = map_tags(w.tags());
    r.highway = !t.highway.empty();
    const bool closed = nl.size() >= 4 && nl.front().ref() == nl.back().ref();
    const bool polygon = closed && (t.area == "yes" || (t.area != "no" && t.polygon_key));
    r.polygon = polygon;
    if (verdicts_.square(t))
      r.as_area = WayKind::square;
    else if (const auto k = area_kind(t))
      r.as_area = *k == AreaKind::water ? WayKind::water : WayKind::park;
    if (!polygon) {
      // GDAL's lines layer: every tagged way that is not an area.
      if (t.any) ++rep_.features_read;
      if (r.highway) {
        r.kind = WayKind::line;
        std::tie(r.verdict, r.cls) = verdicts_(t, t.area);
        r.ride = rides_(w.tags(), t.highway);
        r.text = add_text(t.name, t.name_en);
      }
    } else {
      // GDAL's multipolygons layer: an addressed area's centroid is an address.
      if (!t.addr_street.empty()) r.addr = add_text(t.addr_street, t.addr_housenumber);
      if (r.highway && profile_.is_area_highway(t.highway)) {
        std::tie(r.verdict, r.cls) = verdicts_(t, "yes");
        if (r.verdict == WalkVerdict::walkable) r.kind = WayKind::square;
        r.text = add_text(t.name, {});
      } else if (const auto k = area_kind(t)) {
        r.kind = *k == AreaKind::water ? WayKind::water : WayKind::park;
      }
    }
    ways_.push_back(r);
  }

  void relation(const osmium::Relation& rel) {
    for (const auto& m : rel.members())
      if (m.type() == osmium::item_type::node) member_nodes_.push_back(m.ref());
    const MapTags t = map_tags(rel.tags());
    // Every multipolygon: its outer ways are not areas of their own (see mark_relation_outers).
    if (t.type != "multipolygon" && t.type != "boundary") return;
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
      // GDAL's lines layer never held a way with fewer than two nodes present.
      if (present < 2 && w.kind == WayKind::line) --rep_.features_read;
      if (!w.highway) continue;
      ++rep_.osm_roads;
      if (present == w.nref) continue;
      ++rep_.ways_missing_nodes;
      ++(present < 2 ? rep_.ways_dropped : rep_.ways_shortened);
    }
    rep_.unused_nodes = nodes_.unused();
    rep_.osm_nodes_in_file = nodes_.size();
    // Squares first, then lines, as GDAL handed them out (its areas came during the reading).
    // An area clipped by the extract is, as GDAL drew it, the ring through its nodes present,
    // closed again; a square's jumps across missing nodes stay (a square is walkable across).
    mark_relation_outers();
    for (const WayRec& w : ways_)
      if (in_relation_[&w - ways_.data()]) {
        continue;  // drawn with its relation
      } else if (w.kind == WayKind::square) {
        ++rep_.area_outlines, ++rep_.roads, ++rep_.walkable;
        resolve_ring(w, idx);
        add_line(idx, w.cls, true, w.id, false, kRideNone, w.text);
      } else if (w.kind == WayKind::water || w.kind == WayKind::park) {
        if (resolve_ring(w, idx) >= 4) {
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
    for (const WayRec& w : ways_)
      if (w.addr != kNoText && !in_relation_[&w - ways_.data()] && resolve_ring(w, idx) > 0) {
        ring_.clear();
        for (uint32_t i : idx) ring_.push_back(lonlat(i));
        add_address(w.addr, centroid({{0, ring_.size(), true}}));
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
      if (w.ride != kRideNone) {
        ++rep_.rideable;
        if (w.ride != kRideBoth) ++rep_.ride_one_way;
      }
      if (present >= 2) add_line(idx, w.cls, walk, w.id, present < w.nref, w.ride, w.text);
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

  uint32_t add_text(std::string_view a, std::string_view b) {
    if (a.empty() && b.empty()) return kNoText;
    texts_.emplace_back(a, b);
    return static_cast<uint32_t>(texts_.size() - 1);
  }

  // The area-weighted centroid of polygons given as ranges of ring_ (outer rings and holes in
  // any orientation), as GDAL's Centroid gave: holes subtracted; the vertices' mean when the area
  // is zero.
  struct RingSpan {
    size_t b, e;
    bool outer;
  };
  Vec2 centroid(const std::vector<RingSpan>& rings) const {
    double a = 0, cx = 0, cy = 0, mx = 0, my = 0;
    size_t n = 0;
    for (const auto [b, e, outer] : rings) {
      double ra = 0, rx = 0, ry = 0;
      const Vec2 o = ring_[b];  // relative to a ring vertex: fewer cancellation errors
      for (size_t i = b; i + 1 < e; ++i) {
        const Vec2 p{ring_[i].x - o.x, ring_[i].y - o.y},
            q{ring_[i + 1].x - o.x, ring_[i + 1].y - o.y};
        const double c = p.x * q.y - q.x * p.y;
        ra += c, rx += (p.x + q.x) * c, ry += (p.y + q.y) * c;
        mx += ring_[i].x, my += ring_[i].y, ++n;
      }
      const double sign = outer == (ra >= 0) ? 1 : -1;  // holes subtract
      ra *= sign, rx *= sign, ry *= sign;
      a += ra / 2, cx += rx / 6 + o.x * ra / 2, cy += ry / 6 + o.y * ra / 2;
    }
    if (std::abs(a) > 0) return {cx / a, cy / a};
    return n ? Vec2{mx / static_cast<double>(n), my / static_cast<double>(n)} : Vec2{0, 0};
  }

  void add_address(uint32_t text, Vec2 at) {
    if (!std::isfinite(at.x) || !std::isfinite(at.y)) return;
    raw_.addresses.push_back({at, texts_[text].first, texts_[text].second});
  }

  // As GDAL read a relation: every member way (but subareas) in the file with two nodes present
  // (an area way counts closed again), else the relation is left out. Its outer ways that still
  // close are rings of the relation and no areas of their own: a square drawn as a way and again
  // as the outer ring of its multipolygon is walked once.
  void mark_relation_outers() {
    in_relation_.assign(ways_.size(), 0);
    std::vector<uint32_t> idx;
    for (const osmium::Relation& rel : relations_.select<osmium::Relation>()) {
      relation_ok_.push_back(0);
      bool ok = true;
      for (const auto& m : rel.members()) {
        if (m.type() != osmium::item_type::way || std::strcmp(m.role(), "subarea") == 0) continue;
        const WayRec* w = find_way(m.ref());
        if (!w || member_nodes(*w, idx) < 2) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      relation_ok_.back() = 1;
      for (const auto& m : rel.members()) {
        if (m.type() != osmium::item_type::way || std::strcmp(m.role(), "outer") != 0) continue;
        const WayRec* w = find_way(m.ref());
        member_nodes(*w, idx);
        if (nodes_.location(idx.front()) == nodes_.location(idx.back()))
          in_relation_[w - ways_.data()] = 1;
      }
    }
  }

  // A relation member's nodes present in the file (an area way closed again).
  size_t member_nodes(const WayRec& w, std::vector<uint32_t>& idx) const {
    return w.polygon ? resolve_ring(w, idx) : resolve(w, idx);
  }

  // A closed way's nodes present in the file, closed again when a missing node was its end.
  size_t resolve_ring(const WayRec& w, std::vector<uint32_t>& idx) const {
    resolve(w, idx);
    if (idx.size() >= 2 && idx.front() != idx.back()) idx.push_back(idx.front());
    return idx.size();
  }

  void add_line(const std::vector<uint32_t>& idx, RoadClass c, bool walk, int64_t id, bool missing,
                uint8_t ride, uint32_t text) {
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
    const size_t kept = raw_.pts.size() - start;
    if (!raw_.end_line(start, c, walk, id, ride, missing,
                       text == kNoText ? std::string() : texts_[text].first,
                       text == kNoText ? std::string() : texts_[text].second)) {
      ++rep_.invalid_geometry;
      return;
    }
    rep_.osm_nodes += kept;
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

  // Multipolygon relations whose member ways are all in the file (as GDAL required; a clipped
  // member is drawn through its nodes present, a closed one closed again). A pedestrian square
  // is walked along every member way; water, parks and addressed places are assembled into rings
  // by libosmium (left out when the clipped members no longer close).
  void assemble_relations() {
    osmium::area::AssemblerConfig cfg;
    cfg.create_empty_areas = false;
    osmium::memory::Buffer members{1 << 16, osmium::memory::Buffer::auto_grow::yes};
    osmium::memory::Buffer out{1 << 16, osmium::memory::Buffer::auto_grow::yes};
    std::vector<size_t> offsets;
    std::vector<const osmium::Way*> ptrs;
    std::vector<const WayRec*> member_ways;
    std::vector<uint32_t> idx;
    size_t r = 0;
    for (const osmium::Relation& rel : relations_.select<osmium::Relation>()) {
      if (!relation_ok_[r++]) continue;
      member_ways.clear();
      for (const auto& m : rel.members())
        if (m.type() == osmium::item_type::way && std::strcmp(m.role(), "subarea") != 0)
          member_ways.push_back(find_way(m.ref()));
      if (member_ways.empty()) continue;
      const MapTags t = map_tags(rel.tags());
      // An old-style multipolygon (tagged only with its type) takes its first outer way's tags,
      // as GDAL did: those of an area way only (it kept no tags of other ways).
      const WayRec* tagged_by = nullptr;
      if (!std::any_of(rel.tags().begin(), rel.tags().end(), [](const osmium::Tag& tag) {
            return std::strcmp(tag.key(), "type") != 0 && std::strcmp(tag.key(), "created_by") != 0;
          }))
        for (const auto& m : rel.members())
          if (m.type() == osmium::item_type::way && std::strcmp(m.role(), "outer") == 0) {
            tagged_by = find_way(m.ref());
            break;
          }
      static const WayRec kUntagged{};
      if (tagged_by && !tagged_by->polygon) tagged_by = &kUntagged;
      const bool square = tagged_by ? tagged_by->as_area == WayKind::square : verdicts_.square(t);
      if (square) {
        ++rep_.area_outlines, ++rep_.roads, ++rep_.walkable;
        const RoadClass c = tagged_by ? tagged_by->cls : profile_.road_class(t.highway);
        const uint32_t name =
            tagged_by ? (tagged_by->text == kNoText ? kNoText
                                                    : add_text(texts_[tagged_by->text].first, {}))
                      : add_text(t.name, {});
        for (const WayRec* w : member_ways) {
          member_nodes(*w, idx);
          add_line(idx, c, true, rel.id(), false, kRideNone, name);
        }
      }
      std::optional<AreaKind> kind = area_kind(t);
      if (tagged_by)
        kind = tagged_by->as_area == WayKind::water  ? std::optional(AreaKind::water)
               : tagged_by->as_area == WayKind::park ? std::optional(AreaKind::park)
                                                     : std::nullopt;
      if (!kind && t.addr_street.empty()) continue;
      members.clear(), offsets.clear(), ptrs.clear();
      for (const WayRec* w : member_ways) {
        member_nodes(*w, idx);
        {
          osmium::builder::WayBuilder wb{members};
          wb.set_id(w->id);
          osmium::builder::WayNodeListBuilder nb{wb};
          for (uint32_t i : idx) nb.add_node_ref(osmium::NodeRef{nodes_.id(i), nodes_.location(i)});
        }
        offsets.push_back(members.commit());
      }
      for (size_t off : offsets) ptrs.push_back(&members.get<osmium::Way>(off));
      out.clear();
      osmium::area::Assembler assembler{cfg};  // keeps state: one per relation
      if (!assembler(rel, ptrs, out)) continue;
      for (const osmium::Area& a : out.select<osmium::Area>()) {
        if (!t.addr_street.empty()) {
          ring_.clear(), spans_.clear();
          for (const auto& outer : a.outer_rings()) {
            ring_spans(outer, true);
            for (const auto& inner : a.inner_rings(outer)) ring_spans(inner, false);
          }
          add_address(add_text(t.addr_street, t.addr_housenumber), centroid(spans_));
        }
        if (!kind || square) continue;
        for (const auto& outer : a.outer_rings()) {
          add_ring(outer);
          for (const auto& inner : a.inner_rings(outer)) add_ring(inner);
          raw_.areas.poly_first.push_back(static_cast<uint32_t>(raw_.areas.ring_first.size() - 1));
          raw_.areas.kind.push_back(*kind);
        }
      }
    }
  }

  template <typename Ring>
  void ring_spans(const Ring& ring, bool outer) {
    const size_t b = ring_.size();
    for (const osmium::NodeRef& nr : ring)
      ring_.push_back({nr.location().lon_without_check(), nr.location().lat_without_check()});
    spans_.push_back({b, ring_.size(), outer});
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
  RideCache rides_;
  std::vector<std::pair<std::string, std::string>> texts_;  // names and addresses
  std::vector<Vec2> ring_;                                  // scratch for centroids
  std::vector<RingSpan> spans_;
  RawLines& raw_;
  MapLoadReport& rep_;
  NodeStore nodes_;
  NodeUnion unions_;
  std::vector<WayRec> ways_;
  std::vector<uint8_t> in_relation_;  // per way: an outer ring of a multipolygon read
  std::vector<uint8_t> relation_ok_;  // per stored relation: all its member ways usable
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
                           const TagProfile& profile, const RideProfile& ride,
                           const Progress& progress, RawLines& raw, MapLoadReport& rep) {
  OsmReadResult res;
  MapCollector col(profile, ride, raw, rep);
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
    // libosmium stops quietly where fewer than four bytes follow the last whole block: bytes
    // left over mean the file was cut there.
    const bool leftover = format == "pbf" && reader.offset() < reader.file_size();
    reader.close();
    if (leftover) throw CodedError(shown, Msg::osm_pbf_truncated);
  } catch (const Cancelled&) {
    throw;
  } catch (const InputError&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const osmium::xml_error& e) {
    // Expat at the end of the input: the document stops before its closing tags.
    if (e.error_code == XML_ERROR_NO_ELEMENTS || e.error_code == XML_ERROR_UNCLOSED_TOKEN ||
        e.error_code == XML_ERROR_PARTIAL_CHAR)
      throw CodedError(shown, Msg::osm_xml_truncated);
    throw CodedError(shown, Msg::osm_xml_error, {{"line", e.line}, {"column", e.column}});
  } catch (const osmium::pbf_error& e) {
    // libosmium's own words, sorted into what a planner can act on.
    const std::string_view w = e.what();
    if (col.nodes() == 0 && col.ways() == 0 &&
        (w.find("BlobHeader") != w.npos || w.find("expected type") != w.npos))
      throw CodedError(shown, Msg::osm_not_osm_data);
    if (w.find("EOF") != w.npos || w.find("truncated") != w.npos)
      throw CodedError(shown, Msg::osm_pbf_truncated);
    throw CodedError(shown, Msg::osm_pbf_corrupt);
  } catch (const osmium::gzip_error&) {
    throw CodedError(shown, Msg::osm_gzip_corrupt);
  } catch (const osmium::bzip2_error&) {
    throw CodedError(shown, Msg::osm_bzip2_corrupt);
  } catch (const std::exception& e) {
    throw CodedError(shown, Msg::osm_corrupt, {{"why", std::string(e.what())}});
  }
  if (col.nodes() > 0 && col.ways() == 0)
    throw CodedError(shown, Msg::osm_nodes_no_ways, {{"count", col.nodes()}});
  rep.nodes_unsorted = !col.nodes_sorted();
  col.finish();
  return res;
}

}  // namespace yz
