#include "freezing_proxy.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

namespace unit {
namespace {

int connect_to(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_INET;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0) return -1;
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd >= 0 && ::connect(fd, found->ai_addr, found->ai_addrlen) != 0) {
    close(fd);
    fd = -1;
  }
  freeaddrinfo(found);
  return fd;
}

/// Moves what `from` has to `to`; false when `from` closed or failed.
bool pass(int from, int to) {
  char buffer[16384];
  ssize_t n = read(from, buffer, sizeof buffer);
  if (n <= 0) return false;
  for (ssize_t sent = 0; sent < n;) {
    ssize_t w = write(to, buffer + sent, static_cast<std::size_t>(n - sent));
    if (w <= 0) return false;
    sent += w;
  }
  return true;
}

} // namespace

FreezingProxy::FreezingProxy(const std::string& postgres_url) {
  listener_ = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0; // a free port
  socklen_t length = sizeof address;
  if (listener_ < 0 || bind(listener_, reinterpret_cast<sockaddr*>(&address), length) != 0 ||
      listen(listener_, 16) != 0 ||
      getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0)
    throw std::runtime_error("FreezingProxy: cannot listen on 127.0.0.1");
  int port = ntohs(address.sin_port);

  std::size_t start = postgres_url.find("://");
  if (start == std::string::npos)
    throw std::runtime_error("FreezingProxy: needs a postgresql:// URL");
  start += 3;
  std::size_t at = postgres_url.find('@', start);
  std::size_t host_start = at == std::string::npos ? start : at + 1;
  std::size_t host_end = postgres_url.find_first_of(":/?", host_start);
  upstream_host_ = postgres_url.substr(host_start, host_end - host_start);
  std::size_t rest = host_end;
  if (host_end != std::string::npos && postgres_url[host_end] == ':') {
    rest = postgres_url.find_first_of("/?", host_end);
    upstream_port_ = std::stoi(postgres_url.substr(host_end + 1, rest - host_end - 1));
  }
  url_ = postgres_url.substr(0, host_start) + "127.0.0.1:" + std::to_string(port) +
         (rest == std::string::npos ? "" : postgres_url.substr(rest));
  acceptor_ = std::thread([this] { accept_loop(); }); // last: nothing after it may throw
}

FreezingProxy::~FreezingProxy() {
  stopping_ = true;
  shutdown(listener_, SHUT_RDWR);
  acceptor_.join();
  close(listener_);
  std::lock_guard<std::mutex> lock(mutex_);
  for (std::thread& t : threads_)
    t.join();
}

void FreezingProxy::accept_loop() {
  while (!stopping_) {
    pollfd p{listener_, POLLIN, 0};
    if (poll(&p, 1, 50) <= 0) continue;
    int client = accept(listener_, nullptr, nullptr);
    if (client < 0) continue;
    std::lock_guard<std::mutex> lock(mutex_);
    threads_.emplace_back([this, client] { forward(client); });
  }
}

void FreezingProxy::forward(int client) {
  int server = connect_to(upstream_host_, upstream_port_);
  while (server >= 0 && !stopping_) {
    if (frozen_) { // hold everything, answer nothing, close nothing
      usleep(10000);
      continue;
    }
    pollfd p[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
    if (poll(p, 2, 50) <= 0) continue;
    if (frozen_) continue;
    if ((p[0].revents & (POLLIN | POLLHUP | POLLERR)) && !pass(client, server)) break;
    if ((p[1].revents & (POLLIN | POLLHUP | POLLERR)) && !pass(server, client)) break;
  }
  if (server >= 0) close(server);
  close(client);
}

} // namespace unit
