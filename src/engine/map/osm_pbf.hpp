#pragma once
// Reading OpenStreetMap PBF files block by block without GDAL: a minimal protobuf field reader and
// a loop over the file's data blocks (inflated). Used by the node count and the reference check,
// which need facts GDAL's OSM driver does not give (how many nodes, which ways lost nodes).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace yz {

// A protobuf message read field by field; `ok` turns false on malformed input (never reads past
// `end`).
struct PbReader {
  const uint8_t* p;
  const uint8_t* end;
  bool ok = true;

  bool more() const { return ok && p < end; }
  uint64_t varint();
  static int64_t zigzag(uint64_t v) {
    return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
  }
  // Next field: its number and wire type; a varint's value in `value`, a length-delimited payload
  // in `data`/`size`.
  bool next(uint32_t& field, uint32_t& wire, uint64_t& value, const uint8_t*& data, size_t& size);
};

// Calls `block(data, size)` with each OSMData block's PrimitiveBlock bytes, in file order. Throws
// InputError naming `shown` when the file is not PBF, is cut inside a block ("truncated") or a
// block is damaged.
void for_each_pbf_block(const std::string& path, const std::string& shown,
                        const std::function<void(const uint8_t* data, size_t size)>& block);

}  // namespace yz
