#pragma once
// Transparent decompression of .bz2 / .gz map files into a temporary file (GDAL's OSM driver reads
// only plain files). The temporary file is removed when the object dies.
#include <string>

namespace yz {

class DecompressedFile {
 public:
  // If `path` ends in .bz2 or .gz, decompress it; otherwise path() is `path` itself.
  explicit DecompressedFile(const std::string& path);
  ~DecompressedFile();
  DecompressedFile(const DecompressedFile&) = delete;
  DecompressedFile& operator=(const DecompressedFile&) = delete;
  const std::string& path() const { return path_; }
  bool decompressed() const { return !temp_.empty(); }

 private:
  std::string path_, temp_;
};

// The file name without a trailing .bz2/.gz (for format detection).
std::string strip_compression_suffix(const std::string& path);

}  // namespace yz
