#pragma once
// A hand-over folder written as a unit: every output is staged (OutputStage) and moved in only
// when all are complete, then `yizhan_manifest.json` is written last, listing the files this export
// wrote. A rerun into the same folder replaces the files the earlier export listed and removes
// those it does not write again, so the folder never mixes two runs; any other file in the way is
// replaced only when overwriting is allowed, and an input is never overwritten.
#include <string>
#include <vector>

#include "engine/util/output_file.hpp"

namespace yz {

class ExportFolder {
 public:
  static constexpr const char* kManifest = "yizhan_manifest.json";

  // Creates `dir` when missing; reads the manifest an earlier export left there.
  ExportFolder(const std::string& dir, bool overwrite, std::vector<std::string> inputs = {});

  // Before writing: refuses (OutputExists, or InputError for an input) the outputs `rels`
  // (relative paths) that could not be committed, so nothing is computed in vain.
  void check(const std::vector<std::string>& rels) const;
  // Where to write the output that will be dir/rel.
  std::string path(const std::string& rel) const { return stage_.path(rel); }
  // Moves every staged file into place, removes the earlier export's files not written again and
  // writes the manifest. Returns the files removed as stale (relative paths).
  std::vector<std::string> commit();

  const std::string& dir() const { return dir_; }
  // Files listed by the manifest found when opening (relative paths), empty if none.
  const std::vector<std::string>& previous() const { return previous_; }

  // The files a manifest lists; nullopt-like empty + false when `path` is not a Yizhan manifest.
  static bool read_manifest(const std::string& path, std::vector<std::string>& files);

 private:
  void check_one(const std::string& rel) const;
  void write_manifest(const std::vector<std::string>& files) const;

  std::string dir_;
  bool overwrite_;
  std::vector<std::string> inputs_, previous_;
  bool has_manifest_ = false;
  OutputStage stage_;
};

}  // namespace yz
