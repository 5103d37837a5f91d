#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace ormc {

/// What a statement hook sees: one event per statement run, after it finished.
struct StatementEvent {
  std::string_view sql;
  /// Time spent in the database library for this statement: execution and row fetching,
  /// not the caller's work between rows.
  std::chrono::nanoseconds duration{};
  /// Rows read (queries) or changed (inserts, updates, deletes); 0 for other statements.
  std::int64_t rows = 0;
  bool failed = false;
  /// The bound values in parameter order, as text (NULL is empty; blobs as x'hex'), when the
  /// hook was installed with HookParameters::include; else empty. They may hold secrets.
  std::span<const std::optional<std::string>> parameters;
};

/// Whether statement events carry the bound values (off by default: they may hold secrets).
enum class HookParameters { omit, include };

/// Called on the thread that ran the statement. It must not throw.
using StatementHook = std::function<void(const StatementEvent&)>;

} // namespace ormc
