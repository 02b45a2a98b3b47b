#include "cli/interrupt.hpp"

#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <thread>

#include "engine/util/output_file.hpp"

namespace yz::cli {

namespace {
std::atomic<bool> g_cancel{false};
std::atomic<int> g_signal{0};
constexpr int kGraceSeconds = 2;

sigset_t interrupt_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  return set;
}

// Runs outside signal context (sigwait), so it may take locks and remove folders.
void watch(sigset_t set) {
  int sig = 0;
  if (sigwait(&set, &sig) != 0) return;
  g_signal = sig;
  g_cancel = true;  // the command stops at its next Progress check
  timespec grace{kGraceSeconds, 0};
  sigtimedwait(&set, nullptr, &grace);  // a second signal, or the grace period, ends it now
  remove_staged_outputs();              // waits for a commit in progress to finish
  std::fprintf(stderr, "yizhan: interrupted (signal %d); no partial output was left\n", sig);
  std::fflush(stderr);
  std::_Exit(128 + sig);
}
}  // namespace

void install_interrupt_handling() {
  const sigset_t set = interrupt_signals();
  // Blocked in this thread before any other starts: every later thread inherits the mask, so only
  // the watcher receives them.
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread(watch, set).detach();
}

const std::atomic<bool>* interrupt_flag() {
  return &g_cancel;
}

int interrupt_exit_code() {
  const int s = g_signal.load();
  return s ? 128 + s : 0;
}

}  // namespace yz::cli
