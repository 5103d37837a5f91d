#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <ormc/backend.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ormc {

namespace detail {
/// `x'00ff'`: how a bytes parameter shows in a statement event.
std::string hex_literal(std::span<const std::byte> bytes);
} // namespace detail

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
  /// Every failed statement comes here: the hook reports it, and an open transaction becomes
  /// unusable until rolled back (see Backend::note_failure).
  void mark_failed() noexcept {
    failed_ = true;
    backend_.note_failure();
  }
  /// Throws TransactionAborted when the open transaction already failed.
  void check_usable(std::string_view sql) const {
    if (backend_.transaction_failed()) backend_.check_transaction_usable(sql);
  }

  /// Whether the hook wants the bound values; a statement then calls record_parameter().
  bool records_parameters() const noexcept { return backend_.reports_parameters(); }
  /// The text of parameter `index` (1-based); nullopt for NULL.
  void record_parameter(int index, std::optional<std::string> text) {
    auto i = static_cast<std::size_t>(index - 1);
    if (parameters_.size() <= i) parameters_.resize(i + 1);
    parameters_[i] = std::move(text);
  }

  /// Reports the use, if there was one, and starts counting the next.
  void finish(std::string_view sql) noexcept {
    if (ran_ && backend_.observed())
      backend_.report({sql, std::chrono::duration_cast<std::chrono::nanoseconds>(spent_), rows_,
                       failed_, parameters_});
    parameters_.clear();
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
  std::vector<std::optional<std::string>> parameters_;
};

} // namespace ormc
