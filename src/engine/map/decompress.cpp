#include "engine/map/decompress.hpp"

#include <bzlib.h>
#include <zlib.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>
#include <atomic>
#include <unistd.h>

#include "engine/util/coded_error.hpp"
#include "engine/util/error.hpp"
#include "engine/util/msg_codes.hpp"

namespace yz {

namespace {
// Case-insensitive: MAP.OSM.BZ2 from a Windows user is the same kind of file.
bool ends_with(const std::string& s, const std::string& suf) {
  if (s.size() < suf.size()) return false;
  for (size_t i = 0; i < suf.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[s.size() - suf.size() + i])) != suf[i]) return false;
  return true;
}

std::string temp_name(const std::string& base) {
  namespace fs = std::filesystem;
  static std::atomic<unsigned> counter{0};
  auto dir = fs::temp_directory_path();
  const std::string leaf = fs::path(base).filename().string();
  return (dir / ("yizhan-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" + leaf)).string();
}
}  // namespace

std::string strip_compression_suffix(const std::string& path) {
  if (ends_with(path, ".bz2")) return path.substr(0, path.size() - 4);
  if (ends_with(path, ".gz")) return path.substr(0, path.size() - 3);
  return path;
}

DecompressedFile::DecompressedFile(const std::string& path) : path_(path) {
  const bool bz = ends_with(path, ".bz2"), gz = ends_with(path, ".gz");
  if (!bz && !gz) return;
  temp_ = temp_name(strip_compression_suffix(path));
  std::ofstream out(temp_, std::ios::binary);
  if (!out) throw CodedError(path, Msg::decompress_temp);
  std::vector<char> buf(1 << 20);
  if (bz) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw CodedError(path, Msg::cannot_open_file);
    int err = BZ_OK;
    BZFILE* b = BZ2_bzReadOpen(&err, f, 0, 0, nullptr, 0);
    while (err == BZ_OK) {
      int n = BZ2_bzRead(&err, b, buf.data(), static_cast<int>(buf.size()));
      if (n > 0) out.write(buf.data(), n);
    }
    BZ2_bzReadClose(nullptr, b);
    std::fclose(f);
    if (err != BZ_STREAM_END) {
      std::filesystem::remove(temp_);
      throw CodedError(path, Msg::corrupt_compressed, {{"format", "bzip2"}});
    }
  } else {
    gzFile g = gzopen(path.c_str(), "rb");
    if (!g) throw CodedError(path, Msg::cannot_open_file);
    int n;
    while ((n = gzread(g, buf.data(), static_cast<unsigned>(buf.size()))) > 0) out.write(buf.data(), n);
    int errnum = 0;
    gzerror(g, &errnum);
    const bool eof = gzeof(g);
    gzclose(g);
    if (n < 0 || errnum != Z_OK || !eof) {
      std::filesystem::remove(temp_);
      throw CodedError(path, Msg::corrupt_compressed, {{"format", "gzip"}});
    }
  }
  path_ = temp_;
}

DecompressedFile::~DecompressedFile() {
  if (!temp_.empty()) {
    std::error_code ec;
    std::filesystem::remove(temp_, ec);
  }
}

}  // namespace yz
