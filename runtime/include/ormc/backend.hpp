#pragma once

#include <ormc/dialect.hpp>
#include <ormc/sql/catalog.hpp>
#include <ormc/statement_hook.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ormc {

namespace detail {
struct BoundValue;
}

/// A table's columns, indexes and foreign keys as the database's catalog describes them (see
/// Backend::table_columns).
using ExistingColumn = sql::CatalogColumn;
using ExistingIndex = sql::CatalogIndex;
using ExistingForeignKey = sql::CatalogForeignKey;

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

  /// The columns of the table `name` in `schema` ("" = the connection's default), in order;
  /// empty when there is no such table.
  virtual std::vector<ExistingColumn> table_columns(std::string_view schema,
                                                    std::string_view name) = 0;
  virtual std::vector<ExistingIndex> table_indexes(std::string_view schema,
                                                   std::string_view name) = 0;
  /// One entry per column of each foreign key.
  virtual std::vector<ExistingForeignKey> table_foreign_keys(std::string_view schema,
                                                             std::string_view name) = 0;

  /// Installs (or, with an empty function, removes) the hook that sees every statement; with
  /// HookParameters::include the events also carry the bound values.
  void set_statement_hook(StatementHook hook, HookParameters parameters = HookParameters::omit) {
    hook_ = std::move(hook);
    with_parameters_ = hook_ && parameters == HookParameters::include;
  }
  /// The same hook as `other` (a tenant's connection reports as its database's does).
  void copy_statement_hook(const Backend& other) {
    hook_ = other.hook_;
    with_parameters_ = other.with_parameters_;
  }
  /// Whether statements should time themselves; false costs one branch per statement.
  bool observed() const noexcept { return static_cast<bool>(hook_); }
  /// Whether statements should keep a text copy of each bound value for the hook.
  bool reports_parameters() const noexcept { return with_parameters_; }
  void report(const StatementEvent& event) const noexcept {
    if (hook_) hook_(event);
  }

  /// A statement that fails inside a transaction leaves the transaction unusable until it (or
  /// the savepoint it failed in) is rolled back: PostgreSQL's rule, which SQLite is made to
  /// follow so that both backends behave alike. Transaction keeps these up to date.
  void set_in_transaction(bool open) noexcept {
    in_transaction_ = open;
    if (!open) transaction_failed_ = false;
  }
  void note_failure() const noexcept {
    if (in_transaction_) transaction_failed_ = true;
  }
  bool transaction_failed() const noexcept { return transaction_failed_; }
  void clear_transaction_failure() noexcept { transaction_failed_ = false; }
  /// Throws TransactionAborted when an earlier statement of the open transaction failed.
  void check_transaction_usable(std::string_view sql) const;

  /// Row-level tenancy: the tenant (Database::row_tenant()) whose rows the statements now
  /// prepared read and write; null for none. Database sets it around each use of the
  /// connection; a statement that compares an ormc:tenant column binds it when leased.
  void set_row_tenant(const detail::BoundValue* id) noexcept { row_tenant_ = id; }
  const detail::BoundValue* row_tenant() const noexcept { return row_tenant_; }
  /// The row tenant for `sql`, which compares a model's ormc:tenant column with it; throws
  /// UsageError when there is none, rather than read or write every tenant's rows.
  const detail::BoundValue& row_tenant_for(std::string_view sql) const;

private:
  StatementHook hook_;
  bool with_parameters_ = false;
  const detail::BoundValue* row_tenant_ = nullptr;
  bool in_transaction_ = false;
  mutable bool transaction_failed_ = false;
};

} // namespace ormc
