#include "app/actions/background_job.hpp"

#include <chrono>

#include "app/text/engine_messages.hpp"
#include "engine/util/error.hpp"

namespace yz::app {
namespace {
double now_s() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

BackgroundJob::~BackgroundJob() {
  cancel();
  if (thread_.joinable()) thread_.join();
}

bool BackgroundJob::start(std::string label, std::function<JobFinish(const Progress&)> work) {
  if (thread_.joinable()) return false;
  label_ = std::move(label);
  cancel_ = false;
  done_ = false;
  fraction_ = 0;
  {
    std::lock_guard<std::mutex> lk(mu_);
    stage_.clear();
    error_.clear();
    error_msg_ = Message::raw("");
    finish_ = nullptr;
  }
  started_ = now_s();
  thread_ = std::thread([this, work = std::move(work)] {
    Progress p;
    p.cancel = &cancel_;
    p.report = [this](double f, std::string_view s) {
      fraction_.store(f);
      std::lock_guard<std::mutex> lk(mu_);
      stage_.assign(s);
    };
    JobFinish fin;
    std::string err;
    Message msg = Message::raw("");
    try {
      fin = work(p);
    } catch (const Cancelled& e) {
      err = "cancelled";
      msg = app::error_message(e);
    } catch (const std::exception& e) {
      err = e.what();
      msg = app::error_message(e);
    } catch (...) {
      err = "unknown error";
      msg = Message::raw(err);
    }
    {
      std::lock_guard<std::mutex> lk(mu_);
      finish_ = std::move(fin);
      error_ = std::move(err);
      error_msg_ = std::move(msg);
    }
    done_.store(true);
  });
  return true;
}

std::string BackgroundJob::stage() const {
  std::lock_guard<std::mutex> lk(mu_);
  return stage_;
}

Message BackgroundJob::error_message() const {
  std::lock_guard<std::mutex> lk(mu_);
  return error_msg_;
}

double BackgroundJob::seconds() const {
  return busy() ? now_s() - started_ : 0;
}

JobFinish BackgroundJob::collect(std::string* error) {
  if (!thread_.joinable() || !done_.load()) return nullptr;
  thread_.join();
  std::lock_guard<std::mutex> lk(mu_);
  if (error) *error = error_;
  JobFinish f = std::move(finish_);
  finish_ = nullptr;
  if (!f) f = [](AppState&) {};  // failed: the caller shows *error
  return f;
}

void BackgroundJob::wait() {
  while (thread_.joinable() && !done_.load())
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

}  // namespace yz::app
