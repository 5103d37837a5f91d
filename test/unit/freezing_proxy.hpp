// A TCP proxy on 127.0.0.1 in front of a server, for tests of a network that freezes after
// connect: freeze() makes it stop forwarding in both directions while every socket stays open,
// so TCP on the client's side looks healthy (its bytes are acknowledged, its keepalive probes
// answered) and only a deadline of the client's own can notice.
#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace unit {

class FreezingProxy {
public:
  /// Forwards connections to the host and port of `postgres_url` (postgresql://user@host:port/db).
  explicit FreezingProxy(const std::string& postgres_url);
  ~FreezingProxy();
  FreezingProxy(const FreezingProxy&) = delete;
  FreezingProxy& operator=(const FreezingProxy&) = delete;

  /// `postgres_url` with its host and port replaced by the proxy's (127.0.0.1 and a free port).
  const std::string& url() const noexcept { return url_; }
  void freeze() noexcept { frozen_ = true; }
  void thaw() noexcept { frozen_ = false; }

private:
  void accept_loop();
  void forward(int client);

  std::string upstream_host_;
  int upstream_port_ = 5432;
  std::string url_;
  int listener_ = -1;
  std::atomic<bool> frozen_{false}, stopping_{false};
  std::mutex mutex_;
  std::vector<std::thread> threads_;
  std::thread acceptor_;
};

} // namespace unit
