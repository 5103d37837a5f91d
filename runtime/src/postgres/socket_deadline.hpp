// The client's side of PostgreSQL's statement timeout: when even the server's cancellation does
// not arrive (the network froze, a proxy stopped forwarding), libpq would wait forever in
// poll(). A socket whose deadline passes is shut down, which wakes libpq with a lost connection.
#pragma once

#include <atomic>
#include <chrono>

namespace ormc::detail {

/// While it lives, `socket` is shut down (both directions) if `deadline` passes. One thread,
/// started on first use, watches every armed deadline of the process; arming one takes a mutex
/// and wakes that thread only when the new deadline is the earliest.
class SocketDeadline {
public:
  SocketDeadline(int socket, std::chrono::steady_clock::time_point deadline);
  ~SocketDeadline();
  SocketDeadline(const SocketDeadline&) = delete;
  SocketDeadline& operator=(const SocketDeadline&) = delete;

  /// Whether the deadline passed and the socket was shut down.
  bool expired() const noexcept { return expired_.load(std::memory_order_acquire); }

private:
  friend class Watchdog;
  int socket_;
  std::chrono::steady_clock::time_point deadline_;
  std::atomic<bool> expired_{false};
};

} // namespace ormc::detail
