#pragma once
// Long work off the UI thread (loading a city, recomputing coverage, suggesting, exporting,
// autosaving): the work runs on its own thread and reports progress through atomics the frame
// loop polls; when it ends, its result is handed back as a closure that runs on the UI thread
// (the only thread that touches the session). Cancel raises the engine's cancel flag.
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "engine/util/message.hpp"
#include "engine/util/progress.hpp"

namespace yz::app {

struct AppState;
// What a finished job does on the UI thread.
using JobFinish = std::function<void(AppState&)>;

class BackgroundJob {
 public:
  BackgroundJob() = default;
  ~BackgroundJob();  // cancels and joins
  BackgroundJob(const BackgroundJob&) = delete;
  BackgroundJob& operator=(const BackgroundJob&) = delete;

  // Starts `work` (which returns what to do on the UI thread). Returns false when one is running.
  // Exceptions from `work` end the job with their message (Cancelled: "cancelled").
  bool start(std::string label, std::function<JobFinish(const Progress&)> work);
  bool running() const { return thread_.joinable() && !done_.load(); }
  bool busy() const { return thread_.joinable(); }  // running or finished but not yet collected
  void cancel() { cancel_.store(true); }
  bool cancelling() const { return cancel_.load(); }
  const std::string& label() const { return label_; }
  double fraction() const { return fraction_.load(); }
  std::string stage() const;
  double seconds() const;

  // Called every frame: when the work is done, joins it and returns its closure (or one that
  // reports the error); else an empty function.
  JobFinish collect(std::string* error);
  // Why the last job failed, by code (InputError's message, cancelled, another error's text);
  // raw "" when it did not fail.
  Message error_message() const;
  void wait();  // blocks until the work is done (headless screenshots)

 private:
  std::string label_;
  std::thread thread_;
  std::atomic<bool> cancel_{false}, done_{false};
  std::atomic<double> fraction_{0};
  mutable std::mutex mu_;
  std::string stage_, error_;
  Message error_msg_ = Message::raw("");
  JobFinish finish_;
  double started_ = 0;
};

}  // namespace yz::app
