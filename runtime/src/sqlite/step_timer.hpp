// SQLite's side of ConnectOptions::statement_timeout: a progress handler that interrupts a step
// running past its deadline.
#pragma once

#include <chrono>
#include <string_view>

struct sqlite3;

namespace ormc::sqlite {

/// One per connection. A step starts the clock lazily: the handler runs every few thousand
/// virtual-machine instructions, so a short step reads no clock at all.
struct StepTimer {
  std::chrono::milliseconds timeout{0};
  std::chrono::steady_clock::time_point deadline;
  bool started = false; // the running step has read the clock
  bool expired = false;

  /// Installs the handler on `db` (nothing when `timeout` is 0).
  void install(sqlite3* db);
  /// Called as a step or exec begins.
  void start() noexcept {
    started = false;
    expired = false;
  }
  /// Throws StatementTimeout when `rc` is the interruption this timer caused.
  void throw_if_expired(int rc, std::string_view sql) const;
};

} // namespace ormc::sqlite
