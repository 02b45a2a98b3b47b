#pragma once
// Progress and cancellation for long work. The engine never prints: it reports here, and the
// CLI or GUI decides what to show.
#include <atomic>
#include <functional>
#include <string_view>

#include "engine/util/error.hpp"

namespace yz {

struct Progress {
  // fraction in [0,1] and a short stage name; may be called from worker threads.
  std::function<void(double fraction, std::string_view stage)> report;
  const std::atomic<bool>* cancel = nullptr;

  void operator()(double fraction, std::string_view stage) const {
    if (report) report(fraction, stage);
  }
  bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
  void throw_if_cancelled() const {
    if (cancelled()) throw Cancelled();
  }
  // The same sink for one stage of a longer job: fractions map into [from, to].
  Progress slice(double from, double to) const {
    Progress p;
    p.cancel = cancel;
    if (report)
      p.report = [r = report, from, to](double f, std::string_view s) { r(from + (to - from) * f, s); };
    return p;
  }
};

}  // namespace yz
