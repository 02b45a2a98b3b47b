#include "engine/export/export_folder.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/msg_codes.hpp"
#include "engine/util/param_range.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

namespace yz {

namespace fs = std::filesystem;

namespace {
const std::string& created(const std::string& dir) {
  if (dir.empty()) throw CodedError("", Msg::give_output_folder);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec && !fs::is_directory(dir)) throw_write_error(dir, ec.value());
  if (!fs::is_directory(dir, ec)) throw CodedError(dir, Msg::not_a_folder);
  return dir;
}

// Only plain relative paths inside the folder (a manifest is a file anyone can edit).
bool safe_relative(const std::string& rel) {
  const fs::path p(rel);
  if (rel.empty() || p.is_absolute()) return false;
  for (const auto& part : p)
    if (part == ".." || part == ".") return false;
  return true;
}
}  // namespace

bool ExportFolder::read_manifest(const std::string& path, std::vector<std::string>& files) {
  files.clear();
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  const nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("generator", "") != "yizhan" ||
      !j.contains("files") || !j["files"].is_array())
    return false;
  for (const auto& f : j["files"])
    if (f.is_string() && safe_relative(f.get<std::string>())) files.push_back(f.get<std::string>());
  return true;
}

ExportFolder::ExportFolder(const std::string& dir, bool overwrite, std::vector<std::string> inputs)
    : dir_(created(dir)), overwrite_(overwrite), inputs_(std::move(inputs)), stage_(dir) {
  has_manifest_ = read_manifest((fs::path(dir_) / kManifest).string(), previous_);
}

void ExportFolder::check_one(const std::string& rel) const {
  const std::string p = (fs::path(dir_) / rel).string();
  check_not_input(p, inputs_);
  if (std::find(previous_.begin(), previous_.end(), rel) == previous_.end())
    check_may_write(p, overwrite_);
}

void ExportFolder::check(const std::vector<std::string>& rels) const {
  for (const auto& r : rels) check_one(r);
  if (!has_manifest_) check_may_write((fs::path(dir_) / kManifest).string(), overwrite_);
}

void ExportFolder::write_manifest(const std::vector<std::string>& files) const {
  const std::string path = (fs::path(dir_) / kManifest).string();
  nlohmann::json j;
  j["generator"] = "yizhan";
  j["note"] =
      "Files written by the last `yizhan export` into this folder; the next export here "
      "replaces them and removes those it does not write again.";
  j["files"] = files;
  OutputFile out(path);
  FileSink sink(out.path(), path);
  sink.write(j.dump(2) + "\n");
  sink.close();
  out.commit();
}

std::vector<std::string> ExportFolder::commit() {
  std::lock_guard lock(output_commit_mutex());  // a signal's clean-up waits until all is in place
  const std::vector<std::string> files = stage_.staged();
  check(files);
  const std::set<std::string> now(files.begin(), files.end());
  std::vector<std::string> stale;
  for (const auto& f : previous_)
    if (!now.count(f)) stale.push_back(f);
  // Killed (SIGKILL, power) between the moves and the last manifest: this one lists both runs'
  // files, so the next export still recognises every file here as its own.
  if (!stale.empty() || !has_manifest_ || previous_ != files) {
    std::vector<std::string> both = files;
    both.insert(both.end(), stale.begin(), stale.end());
    write_manifest(both);
  }
  stage_.commit();
  std::error_code ec;
  for (const auto& f : stale) {
    const fs::path p = fs::path(dir_) / f;
    if (fs::is_regular_file(p, ec)) fs::remove(p, ec);
    // Folders the earlier export made (geojson/, shp/, ...) go when left empty.
    for (fs::path r = fs::path(f).parent_path(); !r.empty(); r = r.parent_path())
      if (!fs::is_empty(fs::path(dir_) / r, ec) || !fs::remove(fs::path(dir_) / r, ec)) break;
  }
  write_manifest(files);
  return stale;
}

}  // namespace yz
