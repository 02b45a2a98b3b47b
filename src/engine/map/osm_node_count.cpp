#include "engine/map/osm_node_count.hpp"

#include <cpl_conv.h>

#include <cstring>
#include <fstream>
#include <vector>

#include "engine/map/decompress.hpp"
#include "engine/util/error.hpp"

namespace yz {

namespace {

// A protobuf message read field by field.
struct Pb {
  const uint8_t* p;
  const uint8_t* end;
  bool ok = true;

  bool more() const { return ok && p < end; }
  uint64_t varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p >= end) return ok = false, 0;
      const uint8_t b = *p++;
      v |= static_cast<uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    return ok = false, 0;
  }
  // Next field: its number and wire type; a varint's value in `value`, a length-delimited
  // payload in `data`/`size`.
  bool next(uint32_t& field, uint32_t& wire, uint64_t& value, const uint8_t*& data, size_t& size) {
    const uint64_t key = varint();
    if (!ok) return false;
    field = static_cast<uint32_t>(key >> 3), wire = static_cast<uint32_t>(key & 7);
    value = 0, data = nullptr, size = 0;
    auto skip = [&](size_t n) {
      if (n > static_cast<size_t>(end - p)) return ok = false;
      p += n;
      return true;
    };
    switch (wire) {
      case 0:
        value = varint();
        break;
      case 1:
        skip(8);
        break;
      case 5:
        skip(4);
        break;
      case 2: {
        const uint64_t n = varint();
        if (!ok || n > static_cast<uint64_t>(end - p)) return ok = false;
        data = p, size = static_cast<size_t>(n), p += n;
        break;
      }
      default:
        return ok = false;
    }
    return ok;
  }
};

// Nodes in a PrimitiveBlock: plain Node messages (group field 1) and dense ids (DenseNodes field
// 1, packed: one varint per node, i.e. one byte without the continuation bit per node).
uint64_t nodes_in_block(const uint8_t* data, size_t size, bool& ok) {
  uint64_t n = 0;
  uint32_t f, w;
  uint64_t v;
  const uint8_t* d;
  size_t s;
  Pb block{data, data + size};
  while (block.more() && block.next(f, w, v, d, s)) {
    if (f != 2 || w != 2) continue;  // primitivegroup
    Pb group{d, d + s};
    const uint8_t* gd;
    size_t gs;
    while (group.more() && group.next(f, w, v, gd, gs)) {
      if (f == 1 && w == 2) ++n;       // Node
      if (f != 2 || w != 2) continue;  // DenseNodes
      Pb dense{gd, gd + gs};
      const uint8_t* ids;
      size_t is;
      while (dense.more() && dense.next(f, w, v, ids, is))
        if (f == 1 && w == 2)
          for (size_t k = 0; k < is; ++k) n += (ids[k] & 0x80) == 0;
      ok = ok && dense.ok;
    }
    ok = ok && group.ok;
  }
  ok = ok && block.ok;
  return n;
}

uint64_t count_pbf(const std::string& path, const std::string& shown) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(shown, "cannot open");
  uint64_t nodes = 0;
  std::vector<uint8_t> header, blob, raw;
  uint32_t f, w;
  uint64_t v;
  const uint8_t* d;
  size_t s;
  for (;;) {
    uint8_t len_be[4];
    if (!in.read(reinterpret_cast<char*>(len_be), 4)) break;
    const uint32_t hlen = (uint32_t(len_be[0]) << 24) | (uint32_t(len_be[1]) << 16) |
                          (uint32_t(len_be[2]) << 8) | len_be[3];
    if (hlen == 0 || hlen > 64 * 1024)
      throw InputError(shown, "not an OSM PBF file (bad block header)");
    header.resize(hlen);
    if (!in.read(reinterpret_cast<char*>(header.data()), hlen))
      throw InputError(shown, "truncated OSM PBF file");
    // BlobHeader: 1 type, 3 datasize.
    std::string type;
    uint64_t datasize = 0;
    Pb h{header.data(), header.data() + header.size()};
    while (h.more() && h.next(f, w, v, d, s)) {
      if (f == 1 && w == 2) type.assign(reinterpret_cast<const char*>(d), s);
      if (f == 3 && w == 0) datasize = v;
    }
    if (!h.ok || type.empty() || datasize > (64u << 20))
      throw InputError(shown, "not an OSM PBF file (bad block header)");
    blob.resize(datasize);
    if (!in.read(reinterpret_cast<char*>(blob.data()), static_cast<std::streamsize>(datasize)))
      throw InputError(shown, "truncated OSM PBF file");
    if (type != "OSMData") continue;
    // Blob: 1 raw, 2 raw_size, 3 zlib_data (4-7: lzma, bzip2, lz4, zstd).
    const uint8_t* payload = nullptr;
    size_t payload_size = 0;
    uint64_t raw_size = 0;
    bool zlib = false;
    Pb b{blob.data(), blob.data() + blob.size()};
    while (b.more() && b.next(f, w, v, d, s)) {
      if (f == 2 && w == 0) raw_size = v;
      if (f == 1 && w == 2) payload = d, payload_size = s, zlib = false;
      if (f == 3 && w == 2) payload = d, payload_size = s, zlib = true;
      if (f >= 4 && f <= 7 && w == 2)
        throw InputError(shown, "OSM PBF block compressed other than with zlib (cannot count)");
    }
    if (!b.ok || !payload) throw InputError(shown, "damaged OSM PBF block");
    bool ok = true;
    if (zlib) {
      if (raw_size == 0 || raw_size > (64u << 20)) throw InputError(shown, "damaged OSM PBF block");
      raw.resize(raw_size);
      size_t got = 0;
      if (!CPLZLibInflate(payload, payload_size, raw.data(), raw.size(), &got) || got != raw_size)
        throw InputError(shown, "damaged OSM PBF block (zlib)");
      nodes += nodes_in_block(raw.data(), raw.size(), ok);
    } else {
      nodes += nodes_in_block(payload, payload_size, ok);
    }
    if (!ok) throw InputError(shown, "damaged OSM PBF block");
  }
  return nodes;
}

// "<node" followed by a blank, '>' or '/' ("<nodes" or "<node_x" are other elements).
uint64_t count_xml(const std::string& path, const std::string& shown) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(shown, "cannot open");
  static const char kTag[] = "<node";
  uint64_t n = 0;
  size_t matched = 0;  // characters of kTag matched so far (5 = waiting for the delimiter)
  std::vector<char> buf(1 << 20);
  while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
    const size_t got = static_cast<size_t>(in.gcount());
    for (size_t i = 0; i < got; ++i) {
      const char c = buf[i];
      if (matched == 5) {
        n += c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '/';
        matched = 0;
      }
      if (c == kTag[matched])
        ++matched;
      else
        matched = c == '<' ? 1 : 0;
    }
    if (!in) break;
  }
  return n;
}

}  // namespace

uint64_t count_osm_nodes(const std::string& path) {
  DecompressedFile plain(path);
  std::ifstream in(plain.path(), std::ios::binary);
  if (!in) throw InputError(path, "cannot open");
  char head[64] = {};
  in.read(head, sizeof head);
  const std::string start(head, static_cast<size_t>(in.gcount()));
  const bool xml =
      start.find("<?xml") != std::string::npos || start.find("<osm") != std::string::npos;
  return xml ? count_xml(plain.path(), path) : count_pbf(plain.path(), path);
}

}  // namespace yz
