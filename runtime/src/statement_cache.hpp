#pragma once

#include <functional>
#include <memory>
#include <ormc/statement_lease.hpp>
#include <string>
#include <string_view>
#include <unordered_map>

namespace ormc {

/// A connection's prepared statements, keyed by SQL text. A statement already leased (a query
/// still being read while the same SQL runs again) is not shared: that use gets its own.
template <class Statement> class StatementCache {
public:
  /// `prepare(sql)` makes a new Statement when the cache has none free for `sql`.
  template <class Prepare>
  StatementLease<Statement> lease(std::string_view sql, Prepare&& prepare) {
    auto it = statements_.find(sql);
    if (it == statements_.end()) it = statements_.emplace(std::string(sql), prepare(sql)).first;
    Statement& cached = *it->second;
    if (cached.in_use_) return {nullptr, prepare(sql)};
    cached.in_use_ = true;
    return {&cached, nullptr};
  }

  /// Finalizes every statement (before the connection under them closes).
  void clear() noexcept { statements_.clear(); }

private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  std::unordered_map<std::string, std::unique_ptr<Statement>, Hash, std::equal_to<>> statements_;
};

} // namespace ormc
