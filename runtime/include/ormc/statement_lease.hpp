#pragma once

#include <memory>
#include <utility>

namespace ormc {

/// Use of a prepared statement for one operation. The statement usually stays in its
/// connection's cache; the lease resets it when done, even when an exception ends the use.
template <class Statement> class StatementLease {
public:
  /// `cached` is reused from the cache; `owned` was prepared for this use alone (the cached one
  /// was busy, e.g. while iterating a query that runs the same SQL).
  StatementLease(Statement* cached, std::unique_ptr<Statement> owned) noexcept
      : statement_(cached ? cached : owned.get()), owned_(std::move(owned)) {}
  ~StatementLease() {
    if (statement_ && !owned_) statement_->release();
  }
  StatementLease(StatementLease&& other) noexcept
      : statement_(std::exchange(other.statement_, nullptr)), owned_(std::move(other.owned_)) {}
  StatementLease& operator=(StatementLease&&) = delete;

  Statement& operator*() const noexcept { return *statement_; }
  Statement* operator->() const noexcept { return statement_; }

private:
  Statement* statement_;
  std::unique_ptr<Statement> owned_;
};

} // namespace ormc
