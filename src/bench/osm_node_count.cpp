#include "bench/osm_node_count.hpp"

#include <cstring>
#include <fstream>
#include <vector>

#include "engine/map/decompress.hpp"
#include "engine/map/osm_pbf.hpp"
#include "engine/util/error.hpp"

namespace yz {

namespace {

// Nodes in a PrimitiveBlock: plain Node messages (group field 1) and dense ids (DenseNodes field
// 1, packed: one varint per node, i.e. one byte without the continuation bit per node).
uint64_t nodes_in_block(const uint8_t* data, size_t size, bool& ok) {
  uint64_t n = 0;
  uint32_t f, w;
  uint64_t v;
  const uint8_t* d;
  size_t s;
  PbReader block{data, data + size};
  while (block.more() && block.next(f, w, v, d, s)) {
    if (f != 2 || w != 2) continue;  // primitivegroup
    PbReader group{d, d + s};
    const uint8_t* gd;
    size_t gs;
    while (group.more() && group.next(f, w, v, gd, gs)) {
      if (f == 1 && w == 2) ++n;       // Node
      if (f != 2 || w != 2) continue;  // DenseNodes
      PbReader dense{gd, gd + gs};
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
  uint64_t nodes = 0;
  for_each_pbf_block(path, shown, [&](const uint8_t* data, size_t size) {
    bool ok = true;
    nodes += nodes_in_block(data, size, ok);
    if (!ok) throw InputError(shown, "damaged OSM PBF block");
  });
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
