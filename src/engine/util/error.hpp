#pragma once
// The engine's small exception family: front-ends map InputError to exit code 2, anything else to 1.
#include <stdexcept>
#include <string>

namespace yz {

// Bad input from the user: a file that is missing, corrupt, empty, in the wrong CRS, ...
// The message always names the file (or option) and the problem.
class InputError : public std::runtime_error {
 public:
  InputError(const std::string& source, const std::string& problem)
      : std::runtime_error(source.empty() ? problem : source + ": " + problem),
        source_(source),
        problem_(problem) {}
  const std::string& source() const { return source_; }
  const std::string& problem() const { return problem_; }

 private:
  std::string source_;
  std::string problem_;
};

// The user asked to stop a long computation.
class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("cancelled") {}
};

}  // namespace yz
