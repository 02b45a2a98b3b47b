#include "engine/util/output_file.hpp"
#include "engine/util/coded_error.hpp"
#include "engine/util/msg_codes.hpp"

#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include "engine/util/ascii_case.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace yz {

namespace fs = std::filesystem;

namespace {
struct OpenStage {
  std::string dir, target;
};
std::vector<OpenStage>& open_stages() {
  static std::vector<OpenStage> stages;
  return stages;
}

bool contains(const std::string& s, const char* needle) {
  return ascii_lower(s).find(ascii_lower(needle)) != std::string::npos;
}

// fsync: a full disk or lost quota may only show when the data is flushed.
int flush_to_disk(const fs::path& p) {
  const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno;
  const int rc = ::fsync(fd) == 0 ? 0 : errno;
  ::close(fd);
  return rc == EINVAL || rc == EROFS ? 0 : rc;  // file systems that cannot sync: nothing to report
}
}  // namespace

std::recursive_mutex& output_commit_mutex() {
  static std::recursive_mutex m;
  return m;
}

Message write_failure_message(int err, const std::string& msg, const std::string& folder) {
  switch (err) {
    case ENOSPC:
      return Msg::write_no_space;
    case EDQUOT:
      return Msg::write_quota;
    case EACCES:
    case EPERM:
      return Msg::write_permission;
    case EROFS:
      return Msg::write_read_only;
    default:
      break;
  }
  // A library that reports in words only (SQLite: "database or disk is full").
  if (contains(msg, "no space left") || contains(msg, "disk is full") || contains(msg, "disk full"))
    return Msg::write_no_space;
  if (contains(msg, "permission denied")) return Msg::write_permission;
  if (contains(msg, "read-only") || contains(msg, "readonly")) return Msg::write_read_only;
  if (!folder.empty()) {
    struct statvfs sv {};
    if (::statvfs(folder.c_str(), &sv) == 0 && sv.f_bavail == 0) return Msg::write_no_space;
  }
  if (!msg.empty()) return Message::raw(msg);
  if (err != 0) return Message::raw(std::strerror(err));
  return Msg::write_failed;
}

std::string write_failure_reason(int err, const std::string& msg, const std::string& folder) {
  return render(write_failure_message(err, msg, folder), MsgLang::en);
}

std::string output_display_path(const std::string& path) {
  std::lock_guard lock(output_commit_mutex());
  std::string p = path;
  // Innermost first: a file's stage may sit inside an export folder's stage.
  for (auto it = open_stages().rbegin(); it != open_stages().rend(); ++it)
    if (p.size() > it->dir.size() && p.compare(0, it->dir.size(), it->dir) == 0 &&
        p[it->dir.size()] == '/')
      p = (fs::path(it->target) / p.substr(it->dir.size() + 1)).string();
  return p;
}

void throw_write_error(const std::string& staged_path, int err, const std::string& msg) {
  const std::string path = output_display_path(staged_path);
  // The file system it was written to: the nearest folder that exists (staged ones included).
  fs::path folder = fs::absolute(fs::path(staged_path)).parent_path();
  std::error_code ec;
  while (folder.has_relative_path() && !fs::is_directory(folder, ec)) folder = folder.parent_path();
  throw CodedError(path, Msg::cannot_write,
                   {MsgArg("why", write_failure_message(err, msg, folder.string()))});
}

OutputStage::OutputStage(const std::string& target_dir, const std::string& name)
    : target_(target_dir) {
  if (target_.empty()) target_ = ".";
  const std::string what = output_display_path(name.empty() ? target_ : name);
  std::error_code ec;
  if (!fs::is_directory(target_, ec)) throw CodedError(what, Msg::output_folder_missing);
  static std::atomic<unsigned> counter{0};
  std::lock_guard lock(output_commit_mutex());
  dir_ = (fs::path(target_) /
          (".yizhan-tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++)))
             .string();
  fs::remove_all(dir_, ec);
  if (!fs::create_directory(dir_, ec) || ec) throw_write_error(what, ec.value());
  open_stages().push_back({dir_, target_});
}

OutputStage::~OutputStage() {
  std::lock_guard lock(output_commit_mutex());
  std::error_code ec;
  if (!done_) fs::remove_all(dir_, ec);
  auto& v = open_stages();
  v.erase(std::remove_if(v.begin(), v.end(), [&](const OpenStage& s) { return s.dir == dir_; }),
          v.end());
}

std::string OutputStage::path(const std::string& rel) const {
  const fs::path p = fs::path(dir_) / rel;
  std::error_code ec;
  fs::create_directories(p.parent_path(), ec);
  if (ec) throw_write_error((fs::path(target_) / rel).string(), ec.value());
  return p.string();
}

std::vector<std::string> OutputStage::staged() const {
  std::vector<std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir_, ec); !ec && it != fs::end(it);
       it.increment(ec))
    if (it->is_regular_file()) out.push_back(fs::relative(it->path(), dir_).generic_string());
  std::sort(out.begin(), out.end());
  return out;
}

void OutputStage::commit(const std::vector<std::string>& last) {
  std::lock_guard lock(output_commit_mutex());
  std::vector<std::string> files = staged();
  std::stable_partition(files.begin(), files.end(), [&](const std::string& f) {
    return std::find(last.begin(), last.end(), f) == last.end();
  });
  for (const auto& f : files)
    if (const int err = flush_to_disk(fs::path(dir_) / f))
      throw_write_error((fs::path(target_) / f).string(), err);
  for (const auto& f : files) {
    const fs::path dst = fs::path(target_) / f;
    std::error_code ec;
    if (dst.has_parent_path()) fs::create_directories(dst.parent_path(), ec);
    if (!ec) fs::rename(fs::path(dir_) / f, dst, ec);
    if (ec) throw_write_error(dst.string(), ec.value());
  }
  std::error_code ec;
  fs::remove_all(dir_, ec);
  done_ = true;
}

namespace {
const std::string& existing_folder_of(const std::string& file) {
  const fs::path parent = fs::path(file).parent_path();
  std::error_code ec;
  if (!parent.empty() && !fs::is_directory(parent, ec))
    throw CodedError(output_display_path(file), Msg::output_folder_missing);
  return file;
}
}  // namespace

OutputFile::OutputFile(const std::string& final_path)
    : final_(existing_folder_of(final_path)),
      stage_(fs::path(final_path).parent_path().string(), final_path) {
  temp_ = stage_.path(fs::path(final_path).filename().string());
}

void OutputFile::commit() {
  stage_.commit({fs::path(final_).filename().string()});
}

FileSink::FileSink(const std::string& path, std::string name) : name_(std::move(name)) {
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd_ < 0) throw_write_error(name_, errno);
}

FileSink::~FileSink() {
  if (fd_ >= 0) ::close(fd_);
}

bool FileSink::write(const void* data, size_t n) {
  const char* p = static_cast<const char*>(data);
  while (n > 0 && err_ == 0) {
    const ssize_t k = ::write(fd_, p, n);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) {
      err_ = k < 0 ? errno : EIO;
      break;
    }
    p += k, n -= static_cast<size_t>(k);
  }
  return err_ == 0;
}

void FileSink::close() {
  if (fd_ < 0) return;
  const int rc = ::close(fd_);
  if (rc != 0 && err_ == 0 && errno != EINTR) err_ = errno;
  fd_ = -1;
  if (err_) throw_write_error(name_, err_);
}

bool same_file(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  std::error_code ec;
  if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec) && !ec;
  const fs::path ca = fs::weakly_canonical(a, ec);
  if (ec) return false;
  const fs::path cb = fs::weakly_canonical(b, ec);
  return !ec && ca == cb;
}

void check_not_input(const std::string& output, const std::vector<std::string>& inputs) {
  for (const auto& in : inputs)
    if (same_file(output, in)) throw CodedError(output, Msg::output_is_input, {{"file", in}});
}

void check_may_write(const std::string& output, bool overwrite) {
  std::error_code ec;
  if (!overwrite && fs::exists(output, ec)) throw OutputExists(output);
}

void remove_staged_outputs() {
  std::lock_guard lock(output_commit_mutex());
  std::error_code ec;
  for (const auto& s : open_stages()) fs::remove_all(s.dir, ec);
  open_stages().clear();
}

}  // namespace yz
