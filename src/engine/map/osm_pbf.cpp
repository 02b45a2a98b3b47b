#include "engine/map/osm_pbf.hpp"

#include <cpl_conv.h>

#include <fstream>
#include <vector>

#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

uint64_t PbReader::varint() {
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (p >= end) return ok = false, 0;
    const uint8_t b = *p++;
    v |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return v;
  }
  return ok = false, 0;
}

bool PbReader::next(uint32_t& field, uint32_t& wire, uint64_t& value, const uint8_t*& data,
                    size_t& size) {
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

void for_each_pbf_block(const std::string& path, const std::string& shown,
                        const std::function<void(const uint8_t*, size_t)>& block) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw CodedError(shown, Msg::cannot_open);
  std::vector<uint8_t> header, blob, raw;
  uint32_t f, w;
  uint64_t v;
  const uint8_t* d;
  size_t s;
  uint64_t offset = 0;
  // A cut inside a block: the usual result of an interrupted download or copy.
  auto truncated = [&](int index) {
    return CodedError(shown, Msg::pbf_truncated, {{"block", index + 1}, {"byte", offset}});
  };
  for (int index = 0;; ++index) {
    uint8_t len_be[4];
    in.read(reinterpret_cast<char*>(len_be), 4);
    if (in.gcount() == 0) break;
    if (in.gcount() < 4) throw truncated(index);
    const uint32_t hlen = (uint32_t(len_be[0]) << 24) | (uint32_t(len_be[1]) << 16) |
                          (uint32_t(len_be[2]) << 8) | len_be[3];
    if (hlen == 0 || hlen > 64 * 1024) throw CodedError(shown, Msg::pbf_bad_header);
    header.resize(hlen);
    if (!in.read(reinterpret_cast<char*>(header.data()), hlen)) throw truncated(index);
    // BlobHeader: 1 type, 3 datasize.
    std::string type;
    uint64_t datasize = 0;
    PbReader h{header.data(), header.data() + header.size()};
    while (h.more() && h.next(f, w, v, d, s)) {
      if (f == 1 && w == 2) type.assign(reinterpret_cast<const char*>(d), s);
      if (f == 3 && w == 0) datasize = v;
    }
    if (!h.ok || type.empty() || datasize > (64u << 20))
      throw CodedError(shown, Msg::pbf_bad_header);
    blob.resize(datasize);
    if (!in.read(reinterpret_cast<char*>(blob.data()), static_cast<std::streamsize>(datasize)))
      throw truncated(index);
    offset += 4 + hlen + datasize;
    if (type != "OSMData") continue;
    // Blob: 1 raw, 2 raw_size, 3 zlib_data (4-7: lzma, bzip2, lz4, zstd).
    const uint8_t* payload = nullptr;
    size_t payload_size = 0;
    uint64_t raw_size = 0;
    bool zlib = false;
    PbReader b{blob.data(), blob.data() + blob.size()};
    while (b.more() && b.next(f, w, v, d, s)) {
      if (f == 2 && w == 0) raw_size = v;
      if (f == 1 && w == 2) payload = d, payload_size = s, zlib = false;
      if (f == 3 && w == 2) payload = d, payload_size = s, zlib = true;
      if (f >= 4 && f <= 7 && w == 2) throw CodedError(shown, Msg::pbf_not_zlib);
    }
    if (!b.ok || !payload) throw CodedError(shown, Msg::pbf_damaged);
    if (zlib) {
      if (raw_size == 0 || raw_size > (64u << 20)) throw CodedError(shown, Msg::pbf_damaged);
      raw.resize(raw_size);
      size_t got = 0;
      if (!CPLZLibInflate(payload, payload_size, raw.data(), raw.size(), &got) || got != raw_size)
        throw CodedError(shown, Msg::pbf_damaged_zlib);
      block(raw.data(), raw.size());
    } else {
      block(payload, payload_size);
    }
  }
}

}  // namespace yz
