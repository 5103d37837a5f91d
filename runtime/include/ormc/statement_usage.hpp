#pragma once

#include <chrono>
#include <cstdint>
#include <ormc/backend.hpp>
#include <string_view>

namespace ormc {

/// What one use of a statement cost, reported to the connection's hook when the use ends.
/// Without a hook nothing is timed.
class StatementUsage {
public:
  explicit StatementUsage(const Backend& backend) noexcept : backend_(backend) {}

  /// Times one call into the database library; `rows` is what it yielded or changed.
  template <class F> decltype(auto) measure(F&& call) {
    ran_ = true;
    if (!backend_.observed()) return call();
    auto start = std::chrono::steady_clock::now();
    struct Stop { // also on the error path
      StatementUsage& usage;
      std::chrono::steady_clock::time_point start;
      ~Stop() { usage.spent_ += std::chrono::steady_clock::now() - start; }
    } stop{*this, start};
    failed_ = true;
    decltype(auto) result = call();
    failed_ = false;
    return result;
  }

  void add_rows(std::int64_t rows) noexcept { rows_ += rows; }
  /// For libraries that report errors by return code rather than by exception.
  void mark_failed() noexcept { failed_ = true; }

  /// Reports the use, if there was one, and starts counting the next.
  void finish(std::string_view sql) noexcept {
    if (ran_ && backend_.observed())
      backend_.report(
          {sql, std::chrono::duration_cast<std::chrono::nanoseconds>(spent_), rows_, failed_});
    spent_ = {};
    rows_ = 0;
    ran_ = failed_ = false;
  }

private:
  const Backend& backend_;
  std::chrono::steady_clock::duration spent_{};
  std::int64_t rows_ = 0;
  bool ran_ = false;
  bool failed_ = false;
};

} // namespace ormc
