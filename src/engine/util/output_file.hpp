#pragma once
// The one way Yizhan writes files. Each output is written under a hidden staging folder
// (`.yizhan-tmp-<pid>-<n>`) inside its target folder — the same file system, so moving it into
// place is a rename — and moved to its final name only when complete. A failed, cancelled or
// interrupted write therefore never leaves a half-written file under a final name, and the staging
// folder (with any journal or sibling file a library made) is removed on failure. Write failures
// are input/output errors (exit 2) naming the file and the operating system's reason.
#include <cstddef>
#include <mutex>
#include <string>
#include <vector>

#include "engine/util/error.hpp"
#include "engine/util/message.hpp"

namespace yz {

// An output that exists and may not be replaced (the caller did not allow overwriting).
class OutputExists : public InputError {
 public:
  explicit OutputExists(const std::string& path) : InputError(path, "already exists") {}
};

// A staging folder inside target_dir; files are written under it at the relative paths they will
// have in target_dir, and commit() moves them all into place.
class OutputStage {
 public:
  // Throws a write error (read-only, ...) naming `name` (default: the folder).
  explicit OutputStage(const std::string& target_dir, const std::string& name = {});
  ~OutputStage();  // removes everything unless committed
  OutputStage(const OutputStage&) = delete;
  OutputStage& operator=(const OutputStage&) = delete;

  const std::string& target_dir() const { return target_; }
  const std::string& dir() const { return dir_; }
  // Where to write what will become target_dir/rel (its subfolders are created).
  std::string path(const std::string& rel) const;
  // Relative paths (generic, '/'-separated) of the regular files staged now, sorted.
  std::vector<std::string> staged() const;
  // Flushes each staged file to disk (so a full disk shows here, not later), moves it into place —
  // those in `last` after all others — and removes the staging folder.
  void commit(const std::vector<std::string>& last = {});

 private:
  std::string target_, dir_;
  bool done_ = false;
};

// One output file, and whatever siblings its format writes beside it (a Shapefile's .shx, .dbf,
// .prj, .cpg): write to path(), then commit(); the named file is moved last, so it appears only
// when its set is complete. Destroyed without commit(): nothing is left.
class OutputFile {
 public:
  explicit OutputFile(const std::string& final_path);
  const std::string& path() const { return temp_; }
  const std::string& final_path() const { return final_; }
  void commit();

 private:
  std::string final_;
  OutputStage stage_;
  std::string temp_;
};

// Bytes written to a file with the OS error kept (C++ streams lose errno, and cairo ignores a
// failed fclose). close() throws the write error naming `name` (the final path).
class FileSink {
 public:
  FileSink(const std::string& path, std::string name);
  ~FileSink();
  FileSink(const FileSink&) = delete;
  FileSink& operator=(const FileSink&) = delete;
  bool write(const void* data, size_t n);  // false once a write has failed
  bool write(const std::string& s) { return write(s.data(), s.size()); }
  void close();

 private:
  int fd_ = -1, err_ = 0;
  std::string name_;
};

// The reason a write failed, in the user's words: from the OS error number when it tells
// (ENOSPC: "no space left on device", EACCES: "permission denied", EROFS, EDQUOT), else from a
// library's message (SQLite's "database or disk is full", ...), else that message itself.
// By code (the library's text as is when it says nothing known); _reason: its English.
Message write_failure_message(int err, const std::string& library_message,
                              const std::string& folder = {});
std::string write_failure_reason(int err, const std::string& library_message,
                                 const std::string& folder = {});
// A staged path as the user knows it: the final path it will be moved to.
std::string output_display_path(const std::string& path);
// InputError(final path, "cannot write: <reason>").
[[noreturn]] void throw_write_error(const std::string& path, int err,
                                    const std::string& library_message = {});

// Whether two paths name the same file (by any spelling: relative, symlinked, ...).
bool same_file(const std::string& a, const std::string& b);
// Refuses (InputError naming both) to write `output` when it is one of the inputs.
void check_not_input(const std::string& output, const std::vector<std::string>& inputs);
// Refuses (OutputExists) when `output` exists and replacing it was not allowed.
void check_may_write(const std::string& output, bool overwrite);

// Held while outputs are moved into place; taken by remove_staged_outputs() so an interrupted
// process never stops halfway through a commit. Recursive: a commit may span several stages.
std::recursive_mutex& output_commit_mutex();
// Removes every staging folder still open (the process is about to exit on a signal).
void remove_staged_outputs();

}  // namespace yz
