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
  /// Forwards connections to `upstream_host`:`upstream_port`.
  FreezingProxy(std::string upstream_host, int upstream_port);
  ~FreezingProxy();
  FreezingProxy(const FreezingProxy&) = delete;
  FreezingProxy& operator=(const FreezingProxy&) = delete;

  int port() const noexcept { return port_; }
  void freeze() noexcept { frozen_ = true; }
  void thaw() noexcept { frozen_ = false; }

private:
  void accept_loop();
  void forward(int client);

  std::string upstream_host_;
  int upstream_port_;
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> frozen_{false}, stopping_{false};
  std::mutex mutex_;
  std::vector<std::thread> threads_;
  std::thread acceptor_;
};

/// `url` (postgresql://user@host:port/db...) with its host and port replaced by 127.0.0.1 and
/// `port`; the upstream host and port of `url` through the out-parameters.
std::string url_through(const std::string& url, int port, std::string& host, int& upstream_port);

} // namespace unit
