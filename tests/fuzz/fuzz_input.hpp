#pragma once
// Shared by the fuzz targets: the fuzzer's bytes written to a file the readers open by name.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>

namespace yz::fuzz {

// A per-process file name with the given extension (readers pick formats by extension).
inline std::string write_input(const uint8_t* data, size_t size, const std::string& ext) {
  const std::string path = "/tmp/yizhan-fuzz-" + std::to_string(getpid()) + ext;
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

}  // namespace yz::fuzz
