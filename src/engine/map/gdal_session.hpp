#pragma once
// GDAL glue shared by the engine's readers and writers: one-time driver registration and an RAII
// error collector (GDAL reports problems through a global handler; we turn them into messages).
#include <string>
#include <vector>

namespace yz {

void ensure_gdal();

class GdalErrorCapture {
 public:
  explicit GdalErrorCapture(bool capture_debug = false);
  ~GdalErrorCapture();
  GdalErrorCapture(const GdalErrorCapture&) = delete;
  GdalErrorCapture& operator=(const GdalErrorCapture&) = delete;

  const std::vector<std::string>& errors() const { return errors_; }
  const std::vector<std::string>& debug() const { return debug_; }
  std::string first_error() const { return errors_.empty() ? std::string() : errors_.front(); }
  bool has(const std::string& needle) const;
  void clear() { errors_.clear(), debug_.clear(); }

  // Used by the C callback.
  void push_error(std::string m) { errors_.push_back(std::move(m)); }
  void push_debug(std::string m) { debug_.push_back(std::move(m)); }

 private:
  std::vector<std::string> errors_, debug_;
  bool capture_debug_;
};

}  // namespace yz
