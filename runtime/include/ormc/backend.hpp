#pragma once

#include <ormc/dialect.hpp>
#include <ormc/statement_hook.hpp>
#include <string_view>
#include <utility>

namespace ormc {

/// One connection to one database. Backends implement what is the same for every statement;
/// per-value work (binding, reading) goes through each backend's concrete Statement class, so
/// generated code makes no virtual call per field.
class Backend {
public:
  virtual ~Backend() = default;

  virtual Dialect dialect() const noexcept = 0;
  /// Runs SQL without parameters or results (DDL, transaction control). May hold several
  /// statements separated by semicolons.
  virtual void execute(std::string_view sql) = 0;
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;

  /// Installs (or, with an empty function, removes) the hook that sees every statement.
  void set_statement_hook(StatementHook hook) { hook_ = std::move(hook); }
  /// Whether statements should time themselves; false costs one branch per statement.
  bool observed() const noexcept { return static_cast<bool>(hook_); }
  void report(const StatementEvent& event) const noexcept {
    if (hook_) hook_(event);
  }

private:
  StatementHook hook_;
};

} // namespace ormc
