#pragma once

#include <memory>
#include <ormc/backend.hpp>
#include <ormc/connect_options.hpp>
#include <ormc/error.hpp>
#include <ormc/postgres/connection.hpp>
#include <ormc/sqlite/connection.hpp>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace ormc {

/// Whether a row tenant (Database::row_tenant()) also sets PostgreSQL's `ormc.tenant` in each
/// of its transactions, which the policies of ormc:tenant(row_security) columns compare with.
/// The generated Models pass `on` when a model has such a column.
enum class RowSecurity : bool { off, on };

/// One connection to one database, chosen by URL:
///   sqlite:app.db   sqlite:/abs/path.db   sqlite:///abs/path.db   sqlite::memory:
///   postgresql://user:password@host:5432/dbname?sslmode=require   (any libpq URI)
///   host=localhost port=5432 dbname=app user=app                   (libpq key=value string)
/// Both backends take `statement_timeout` in the URL (`sqlite:app.db?statement_timeout=5s`);
/// see ConnectOptions.
/// A Database is used from one thread at a time, and stays where it was made (it is neither
/// copied nor moved), so the Models bound to it can hold a reference.
class Database {
public:
  /// Opens the database at `url`. Throws UsageError for a malformed URL and ConnectionError
  /// when the database cannot be opened. `options` override the URL's parameters.
  explicit Database(std::string_view url, const ConnectOptions& options = {});
  explicit Database(std::unique_ptr<Backend> backend);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Dialect dialect() const noexcept { return dialect_; }
  /// Runs SQL without parameters or results, e.g. a DDL script.
  void execute(std::string_view sql) {
    if (!in_scope()) [[unlikely]]
      return execute_scoped(sql);
    backend_->execute(sql);
  }
  /// The connection itself, past any tenant's scope: what runs on it directly runs wherever
  /// the connection happens to point. Use with_connection() for statements of a tenant.
  Backend& backend() noexcept { return *storage_->backend_; }

  /// Calls `hook` after every statement this connection runs, with its SQL and duration:
  ///   db.on_statement([](const ormc::StatementEvent& e) { log(e.sql, e.duration); });
  /// With HookParameters::include each event also carries the bound values, so that a logged
  /// statement can be replayed (off by default: values may hold secrets).
  void on_statement(StatementHook hook, HookParameters parameters = HookParameters::omit) {
    backend_->set_statement_hook(std::move(hook), parameters);
  }

  /// Calls `f` with the concrete connection (sqlite::Connection&, ...), so that the code in `f`
  /// binds and reads values without virtual calls. For a tenant (tenant()), `f` runs in that
  /// tenant's scope: inside the open transaction, or else in a transaction of its own.
  template <class F> decltype(auto) with_connection(F&& f) {
    if (!in_scope()) [[unlikely]]
      return scoped([&]() -> decltype(auto) { return on_connection(f); });
    return on_connection(f);
  }

  /// Nesting depth of open transactions (0 = none); see Transaction. A tenant on PostgreSQL
  /// shares its connection, and so its transactions, with the database it came from.
  int transaction_depth() const noexcept { return session_->depth; }

  /// The same database for tenant `name`, whose tables are its own: on PostgreSQL the schema
  /// `tenant_<name>` of this database, on SQLite the file `<stem>.tenant_<name><ext>` beside this
  /// one (an in-memory database's tenants are in memory too). Its storage is created on first
  /// use; create_schema() or migrate() on it then make its tables. What runs through the result
  /// reads and writes that tenant only, and a pooled connection never keeps it: PostgreSQL
  /// scopes each transaction (SET LOCAL search_path), and a statement outside any runs in a
  /// transaction of its own. Tables of models with a schema of their own
  /// (`ormc:table(schema=...)`) are shared by every tenant.
  ///
  /// A name is 1-30 of a-z, 0-9 and _. The result lives as long as this database; asking a
  /// tenant for a tenant gives its sibling. Throws UsageError for a bad name.
  Database& tenant(std::string_view name);
  /// The tenant this database is ("" for the database itself).
  const std::string& tenant_name() const noexcept { return tenant_; }
  /// The tenants that have storage, in name order.
  std::vector<std::string> tenants();
  /// Removes tenant `name` with everything stored in it; false if it had no storage. Using its
  /// database afterwards is a UsageError. On PostgreSQL it is part of the open transaction, if
  /// any.
  bool drop_tenant(std::string_view name);

  /// Branches: a named copy of a tenant, tables and rows, that is then used (and migrated) like
  /// the tenant itself and changes apart from it: a trial migration, a what-if, a test fixture.
  /// On PostgreSQL the schema `branch_<tenant>__<name>`, on SQLite the file
  /// `<stem>.branch_<tenant>__<name><ext>` (in memory for an in-memory database).
  ///
  /// Copies this tenant (or branch) as of one moment into the new branch `name` of its tenant,
  /// and returns it. On PostgreSQL the copy is one transaction: tables, rows, sequences at their
  /// positions, keys, indexes, history triggers and comments; a schema holding what a copy
  /// cannot carry over (a view, a type, a procedure, row security) is refused, naming it, and
  /// nothing is made. A name is 1-24 of a-z, 0-9 and _, beginning with a letter or digit,
  /// without `__`. Throws UsageError for a bad name, a branch that exists already, a database
  /// that is no tenant, or a transaction open on this connection.
  Database& create_branch(std::string_view name);
  /// Branch `name` of this database's tenant. Throws NotFound when it does not exist.
  Database& branch(std::string_view name);
  /// The branch this database is ("" for a tenant or the database itself).
  const std::string& branch_name() const noexcept { return branch_; }
  /// The branches of this database's tenant, in name order.
  std::vector<std::string> branches();
  /// Removes branch `name` of this database's tenant with everything stored in it; false if it
  /// did not exist. As drop_tenant(); the tenant itself is untouched.
  bool drop_branch(std::string_view name);

  /// Row-level tenancy: the same database (the same connection, transactions and tables) for
  /// the rows of tenant `id`. Models with an `ormc:tenant` column share their tables among
  /// tenants; through the result every statement on them compares that column with `id`:
  /// get, all, count, queries, joins, relations, eager loading, update and remove (of a row and
  /// in bulk), upsert (which never overwrites another tenant's row: UniqueViolation), and an
  /// insert writes `id` into it. Without a row tenant, a statement on such a model is a
  /// UsageError, not every tenant's rows. Raw SQL is the caller's own: it is not filtered.
  ///
  /// `id` is text (an ormc:tenant std::string column) or an integer (an integer column), and
  /// not empty. The result lives as long as this database; asking it for another row tenant
  /// gives its sibling. It combines with tenant() and branches: `db.tenant("eu").row_tenant(7)`.
  ///
  /// With RowSecurity::on (on PostgreSQL), each of its statements runs in a transaction that
  /// has set `ormc.tenant` to `id` (outside an open one, a transaction of its own), so that the
  /// tables' row-level-security policies hold too, for raw SQL as well.
  Database& row_tenant(std::string_view id, RowSecurity security = RowSecurity::off);
  Database& row_tenant(std::int64_t id, RowSecurity security = RowSecurity::off);
  /// The row tenant of this database; null for none.
  const detail::BoundValue* row_tenant_id() const noexcept { return row_tenant_.get(); }

  /// Lazy reads call this before fetching more rows: inside a transaction, points the
  /// connection back at this database's scope if another's statement moved it, since a
  /// policy's setting is read as rows are fetched.
  void rejoin_scope() {
    if (session_->depth > 0 && !in_scope()) enter_scope();
  }

  /// Whether a transaction is open here or in one of this database's tenants; rolls all of them
  /// back (Pool: a connection returned inside a transaction). Never throws.
  bool roll_back_abandoned() noexcept;

private:
  friend class Transaction;
  friend class ScopedTransaction;
  struct Session {
    int depth = 0;
    bool actor_set = false; // Transaction::set_actor() in the open transaction
    // Whose search path the open transaction has (PostgreSQL tenants); null: not known, as
    // after a rollback to a savepoint.
    const Database* scope = nullptr;
    // Whether the open transaction may have set ormc.tenant (a RowSecurity::on row tenant).
    bool policy_tenant = false;
    // Whether the open transaction is read-only (Access::read_only).
    bool read_only = false;
  };
  struct Tenants;

  Database(Database& root, std::string tenant, std::string branch);            // a tenant or branch
  Database(Database& storage, std::unique_ptr<detail::BoundValue> row_tenant); // a row tenant
  /// The row tenant `key` ("t:acme", "i:7") of this database's storage, made on first use;
  /// with RowSecurity::on (where there are policies) another, that sets their tenant.
  Database& row_view(std::string key, std::unique_ptr<detail::BoundValue> id, RowSecurity security);
  /// The tenant or branch stored as `storage` (tenant_..., branch_...), opened once.
  Database& child(std::string_view tenant, std::string_view branch, bool create);
  bool drop_child(std::string_view tenant, std::string_view branch);
  /// The names of the tenants' or branches' storage that begin with `prefix`, without it.
  std::vector<std::string> stored_names(std::string_view prefix);
  /// Whether the tenant's or branch's schema or file `storage` exists.
  bool has_storage(const std::string& storage);
  /// Throws UsageError naming `what` for the database itself, which has no branches.
  void require_tenant(std::string_view what) const;
  /// "tenant 'a'", "branch 'b' of tenant 'a'".
  std::string describe() const;
  template <class F> decltype(auto) on_connection(F& f) {
    // The row tenant its statements bind, for this use of the connection only.
    struct RowTenantScope {
      Backend& backend;
      const detail::BoundValue* previous;
      RowTenantScope(Backend& b, const detail::BoundValue* id) noexcept
          : backend(b), previous(b.row_tenant()) {
        b.set_row_tenant(id);
      }
      ~RowTenantScope() { backend.set_row_tenant(previous); }
      RowTenantScope(const RowTenantScope&) = delete;
      RowTenantScope& operator=(const RowTenantScope&) = delete;
    } row_tenant(*backend_, row_tenant_.get());
    switch (dialect_) {
    case Dialect::sqlite:
      return f(static_cast<sqlite::Connection&>(*backend_));
    case Dialect::postgresql:
      return f(static_cast<postgres::Connection&>(*backend_));
    }
    throw_unsupported();
  }
  /// False when statements must first enter this database's scope: a PostgreSQL tenant
  /// outside a transaction, or inside one whose search path is another's; a dropped tenant.
  bool in_scope() const noexcept {
    return !storage_->dropped_ && (session_->depth > 0 ? session_->scope == scope_key()
                                                       : schema_.empty() && !row_security_);
  }
  /// What a transaction's scope is set for: the storage's search path, and for a row tenant
  /// with row security its own setting too.
  const Database* scope_key() const noexcept { return row_security_ ? this : storage_; }
  /// Sets ormc.tenant in the open transaction: this row tenant's id, or none.
  void set_policy_tenant();
  template <class F> decltype(auto) scoped(F&& f);
  /// BEGIN, in this database's scope where one statement can do both; `read_only`: a
  /// read-only transaction (Access::read_only).
  void begin_transaction(bool read_only = false);
  /// After a read-only transaction ends: what its end does not undo by itself (SQLite's
  /// query_only). Never throws.
  void end_read_only() noexcept;
  /// Inside a transaction: points its search path here. Throws for a dropped tenant.
  void enter_scope();
  void execute_scoped(std::string_view sql);
  [[noreturn]] void throw_unsupported() const;

  std::unique_ptr<Backend> owned_; // null for a tenant sharing its root's connection
  Backend* backend_;
  Dialect dialect_;
  Session own_session_;
  Session* session_ = &own_session_;
  ConnectOptions options_;
  Database* root_ = this;
  std::string tenant_; // "" for a root
  std::string branch_; // "" for a tenant or root
  std::string schema_; // PostgreSQL tenant or branch: its schema
  // Whose tables and scope these are: this database, or for a row tenant the one it views.
  Database* storage_ = this;
  std::unique_ptr<detail::BoundValue> row_tenant_; // null but for a row tenant
  bool row_security_ = false; // a row tenant that sets ormc.tenant (RowSecurity::on)
  bool dropped_ = false;
  std::unique_ptr<Tenants> tenants_; // a root's tenants, made on first use
};

/// The transaction a tenant's statement runs in when none is open (see Database::tenant).
class ScopedTransaction {
public:
  explicit ScopedTransaction(Database& db);
  ~ScopedTransaction();
  ScopedTransaction(const ScopedTransaction&) = delete;
  ScopedTransaction& operator=(const ScopedTransaction&) = delete;
  void commit();

private:
  void close() noexcept;
  void roll_back() noexcept;

  Database& db_;
  bool open_ = true;
};

template <class F> decltype(auto) Database::scoped(F&& f) {
  if (session_->depth > 0 || storage_->dropped_) {
    enter_scope();
    return f();
  }
  ScopedTransaction transaction(*this);
  if constexpr (std::is_void_v<decltype(f())>) {
    f();
    transaction.commit();
  } else {
    decltype(auto) result = f();
    transaction.commit();
    return result;
  }
}

/// Same as `Database(url)`; reads well at the call site: `auto db = ormc::open("sqlite:app.db");`
/// works because the result is constructed in place.
inline Database open(std::string_view url, const ConnectOptions& options = {}) {
  return Database(url, options);
}

} // namespace ormc
