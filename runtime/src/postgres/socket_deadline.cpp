#include "postgres/socket_deadline.hpp"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <sys/socket.h>
#include <thread>
#include <vector>

namespace ormc::detail {

class Watchdog {
public:
  /// Never destroyed: connections may still run statements while statics are torn down, and
  /// the thread only ever waits.
  static Watchdog& instance() {
    static Watchdog* watchdog = new Watchdog;
    return *watchdog;
  }

  void arm(SocketDeadline* d) {
    std::lock_guard<std::mutex> lock(mutex_);
    armed_.push_back(d);
    if (d->deadline_ < wake_at_) {
      wake_at_ = d->deadline_;
      changed_.notify_one();
    }
  }

  void disarm(SocketDeadline* d) {
    std::lock_guard<std::mutex> lock(mutex_); // after this, the socket is never touched again
    auto it = std::find(armed_.begin(), armed_.end(), d);
    if (it == armed_.end()) return;
    *it = armed_.back();
    armed_.pop_back();
  }

private:
  using clock = std::chrono::steady_clock;

  Watchdog() {
    std::thread([this] { run(); }).detach();
  }

  void run() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      auto now = clock::now();
      wake_at_ = clock::time_point::max();
      for (std::size_t i = 0; i < armed_.size();) {
        SocketDeadline* d = armed_[i];
        if (d->deadline_ <= now) {
          // Marked first: the thread blocked on the socket wakes from the shutdown and asks.
          d->expired_.store(true, std::memory_order_release);
          ::shutdown(d->socket_, SHUT_RDWR);
          armed_[i] = armed_.back();
          armed_.pop_back();
        } else {
          wake_at_ = std::min(wake_at_, d->deadline_);
          ++i;
        }
      }
      if (wake_at_ == clock::time_point::max())
        changed_.wait(lock);
      else
        changed_.wait_until(lock, wake_at_);
    }
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<SocketDeadline*> armed_;
  clock::time_point wake_at_ = clock::time_point::max();
};

SocketDeadline::SocketDeadline(int socket, std::chrono::steady_clock::time_point deadline)
    : socket_(socket), deadline_(deadline) {
  Watchdog::instance().arm(this);
}

SocketDeadline::~SocketDeadline() {
  Watchdog::instance().disarm(this);
}

} // namespace ormc::detail
