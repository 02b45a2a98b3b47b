#pragma once
// SIGINT, SIGTERM and SIGHUP cancel the running command through yz::Progress: the engine throws
// yz::Cancelled at its next check, every staged output is removed on the way out, and main()
// exits 128 + the signal (130 for SIGINT, 143 for SIGTERM). Work that reaches no check within a
// short grace period, or a second signal, ends the process at once — after removing the staged
// outputs and never halfway through moving outputs into place — with the same code.
#include <atomic>

namespace yz::cli {

// First thing in main(), before any thread starts (the signals are taken by one watcher thread).
void install_interrupt_handling();
// The flag every command's Progress carries.
const std::atomic<bool>* interrupt_flag();
// 128 + the signal received, 0 when none.
int interrupt_exit_code();

}  // namespace yz::cli
