#include "database_url.hpp"
#include "schema_copy.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <ormc/bound_value.hpp>
#include <ormc/database.hpp>
#include <ormc/sql/renderer.hpp>
#include <system_error>
#include <unistd.h>

namespace ormc {
namespace {
struct Connected {
  std::unique_ptr<Backend> backend;
  ConnectOptions options; // as resolved: a tenant's own connection opens with the same
};

Connected connect(std::string_view url, const ConnectOptions& given) {
  detail::DatabaseTarget target = detail::parse_database_url(url);
  ConnectOptions options = detail::resolve_options(given, target.options);
  switch (target.dialect) {
  case Dialect::sqlite:
    return {std::make_unique<sqlite::Connection>(target.location, options), options};
  case Dialect::postgresql:
    return {std::make_unique<postgres::Connection>(target.location, options), options};
  }
  throw UsageError(std::string("no backend for ") + to_string(target.dialect));
}

/// The backend, once checked to be the connection class its dialect names: with_connection()
/// casts to that class, so another Backend (a user's own, or a wrapper) would be undefined
/// behaviour there.
std::unique_ptr<Backend> checked_backend(std::unique_ptr<Backend> backend) {
  if (!backend) throw UsageError("ormc::Database needs a backend, not a null pointer");
  bool known = backend->dialect() == Dialect::sqlite
                   ? dynamic_cast<sqlite::Connection*>(backend.get()) != nullptr
                   : dynamic_cast<postgres::Connection*>(backend.get()) != nullptr;
  if (!known)
    throw UsageError(std::string("ormc::Database takes ormc's own connections "
                                 "(ormc::sqlite::Connection, ormc::postgres::Connection); this "
                                 "backend says it speaks ") +
                     to_string(backend->dialect()) + " but is another class");
  return backend;
}

constexpr std::string_view kTenantPrefix = "tenant_";
constexpr std::string_view kBranchPrefix = "branch_";
constexpr std::string_view kBranchSeparator = "__";
constexpr std::size_t kMaxTenantName = 30; // the schema's name stays within PostgreSQL's 63 bytes
constexpr std::size_t kMaxBranchName = 24; // branch_ + tenant + __ + branch: 63 bytes at most

bool name_characters(std::string_view name) {
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool valid_tenant_name(std::string_view name) {
  return !name.empty() && name.size() <= kMaxTenantName && name_characters(name);
}

// No leading _ and no __: `branch_<tenant>__<branch>` then names one tenant's one branch.
bool valid_branch_name(std::string_view name) {
  return !name.empty() && name.size() <= kMaxBranchName && name_characters(name) &&
         name.front() != '_' && name.find(kBranchSeparator) == std::string_view::npos;
}

void check_tenant_name(std::string_view name) {
  if (!valid_tenant_name(name))
    throw UsageError("tenant '" + std::string(name) +
                     "': a tenant's name is 1-30 characters of a-z, 0-9 and _ (it names a "
                     "PostgreSQL schema and a SQLite file)");
}

void check_branch_name(std::string_view name) {
  if (!valid_branch_name(name))
    throw UsageError("branch '" + std::string(name) +
                     "': a branch's name is 1-24 characters of a-z, 0-9 and _, beginning with "
                     "a letter or digit, without __ (it names a PostgreSQL schema and a SQLite "
                     "file)");
}

/// What a tenant's (branch "") or branch's schema or file is called.
std::string storage_name(std::string_view tenant, std::string_view branch) {
  if (branch.empty()) return std::string(kTenantPrefix) + std::string(tenant);
  return std::string(kBranchPrefix) + std::string(tenant) + std::string(kBranchSeparator) +
         std::string(branch);
}

/// The prefix of the storage names of tenants (tenant "") or of `tenant`'s branches.
std::string storage_prefix(std::string_view tenant) {
  if (tenant.empty()) return std::string(kTenantPrefix);
  return std::string(kBranchPrefix) + std::string(tenant) + std::string(kBranchSeparator);
}

/// SQLite: the file of the tenant or branch `storage` of the database at `root_path`.
std::filesystem::path storage_file(const std::filesystem::path& root_path,
                                   std::string_view storage) {
  std::filesystem::path file = root_path;
  file.replace_filename(root_path.stem().string() + "." + std::string(storage) +
                        root_path.extension().string());
  return file;
}

void remove_sqlite_files(const std::string& file) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(file + suffix);
}

/// Drops every table of a SQLite database (its indexes and triggers go with them), in one
/// transaction.
void empty_sqlite_database(sqlite::Connection& db) {
  const sql::Renderer& r = sql::renderer(Dialect::sqlite);
  std::vector<std::string> tables;
  {
    auto statement = db.prepare(r.catalog_tables());
    statement->bind(1, std::string_view(""));
    std::string name;
    while (statement->step()) {
      statement->read(0, name);
      tables.push_back(name);
    }
  }
  db.execute(r.migration_setup()); // foreign keys off: any order, as the whole file goes
  db.begin();
  try {
    for (const std::string& table : tables)
      db.execute(r.render(sql::DropTable{{"", table}}));
    db.commit();
  } catch (...) {
    db.rollback();
    throw;
  }
}
} // namespace

struct Database::Tenants {
  std::map<std::string, std::unique_ptr<Database>, std::less<>> open;
  // Dropped tenants: no longer usable, but alive while Models objects may refer to them.
  std::vector<std::unique_ptr<Database>> dropped;
  // Row tenants of this database (row_tenant()), by "t:<text>" or "i:<integer>"; "pt:", "pi:"
  // those that set the policies' tenant (RowSecurity::on).
  std::map<std::string, std::unique_ptr<Database>, std::less<>> row_views;
};

Database::Database(std::string_view url, const ConnectOptions& options)
    : Database(connect(url, options).backend) {
  options_ = detail::resolve_options(options, detail::parse_database_url(url).options);
}

Database::Database(std::unique_ptr<Backend> backend)
    : owned_(checked_backend(std::move(backend))), backend_(owned_.get()),
      dialect_(backend_->dialect()) {}

Database::Database(Database& root, std::string tenant, std::string branch)
    : backend_(root.backend_), dialect_(root.dialect_), options_(root.options_), root_(&root),
      tenant_(std::move(tenant)), branch_(std::move(branch)) {
  const std::string storage = storage_name(tenant_, branch_);
  if (dialect_ == Dialect::sqlite) {
    const std::string root_path = static_cast<sqlite::Connection&>(*root.backend_).path();
    owned_ = std::make_unique<sqlite::Connection>(
        root_path.empty() ? std::string(":memory:") : storage_file(root_path, storage).string(),
        options_);
    backend_ = owned_.get();
    backend_->copy_statement_hook(*root.backend_);
    return;
  }
  // One connection, so one transaction state: the tenant scopes the root's transactions.
  session_ = root.session_;
  schema_ = storage;
}

Database::Database(Database& storage, std::unique_ptr<detail::BoundValue> row_tenant)
    : backend_(storage.backend_), dialect_(storage.dialect_), session_(storage.session_),
      options_(storage.options_), root_(storage.root_), tenant_(storage.tenant_),
      branch_(storage.branch_), schema_(storage.schema_), storage_(&storage),
      row_tenant_(std::move(row_tenant)) {}

Database::~Database() = default;

Database& Database::row_view(std::string key, std::unique_ptr<detail::BoundValue> id,
                             RowSecurity security) {
  if (storage_ != this) return storage_->row_view(std::move(key), std::move(id), security);
  // Setting the policies' tenant is its own scope (scope_key()): a view of its own.
  const bool policies =
      security == RowSecurity::on && !sql::renderer(dialect_).set_policy_tenant().empty();
  if (policies) key = "p" + key;
  if (!tenants_) tenants_ = std::make_unique<Tenants>();
  auto found = tenants_->row_views.find(key);
  if (found != tenants_->row_views.end()) return *found->second;
  auto made = std::unique_ptr<Database>(new Database(*this, std::move(id)));
  made->row_security_ = policies;
  return *tenants_->row_views.emplace(std::move(key), std::move(made)).first->second;
}

Database& Database::row_tenant(std::string_view id, RowSecurity security) {
  if (id.empty())
    throw UsageError("row_tenant(\"\"): a row tenant's id is not empty (an empty id is more "
                     "likely a setting not read than a tenant)");
  auto value = std::make_unique<detail::BoundValue>(detail::to_bound(id));
  return row_view("t:" + std::string(id), std::move(value), security);
}

Database& Database::row_tenant(std::int64_t id, RowSecurity security) {
  auto value = std::make_unique<detail::BoundValue>(detail::to_bound(id));
  return row_view("i:" + std::to_string(id), std::move(value), security);
}

std::vector<std::string> Database::stored_names(std::string_view prefix) {
  std::vector<std::string> names;
  if (dialect_ == Dialect::postgresql) {
    with_connection([&](auto& conn) {
      auto statement = conn.prepare(sql::renderer(dialect_).schemas_with_prefix());
      statement->bind(1, prefix);
      std::string schema;
      while (statement->step()) {
        statement->read(0, schema);
        names.push_back(schema.substr(prefix.size()));
      }
    });
  } else if (const std::string path = static_cast<sqlite::Connection&>(*backend_).path();
             !path.empty()) {
    const std::filesystem::path root_path(path);
    const std::string begins = root_path.stem().string() + "." + std::string(prefix);
    const std::string ends = root_path.extension().string();
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(root_path.parent_path(), ec)) {
      const std::string file = entry.path().filename().string();
      if (file.size() >= begins.size() + ends.size() && file.starts_with(begins) &&
          file.ends_with(ends))
        names.push_back(file.substr(begins.size(), file.size() - begins.size() - ends.size()));
    }
  } else if (tenants_) {
    for (const auto& [storage, db] : tenants_->open)
      if (storage.starts_with(prefix)) names.push_back(storage.substr(prefix.size()));
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

bool Database::has_storage(const std::string& storage) {
  const std::vector<std::string> names = stored_names(storage);
  return std::binary_search(names.begin(), names.end(), std::string());
}

Database& Database::child(std::string_view tenant, std::string_view branch, bool create) {
  if (!tenants_) tenants_ = std::make_unique<Tenants>();
  const std::string storage = storage_name(tenant, branch);
  auto found = tenants_->open.find(storage);
  if (found != tenants_->open.end()) return *found->second;
  // Created only when missing: CREATE SCHEMA IF NOT EXISTS on two connections at once can
  // still collide, which then only the first use of a new tenant can meet.
  if (create && dialect_ == Dialect::postgresql && !has_storage(storage))
    execute(sql::renderer(dialect_).create_schema(storage));
  auto made =
      std::unique_ptr<Database>(new Database(*this, std::string(tenant), std::string(branch)));
  return *tenants_->open.emplace(storage, std::move(made)).first->second;
}

Database& Database::tenant(std::string_view name) {
  if (root_ != this) return root_->tenant(name);
  check_tenant_name(name);
  return child(name, "", true);
}

std::vector<std::string> Database::tenants() {
  if (root_ != this) return root_->tenants();
  std::vector<std::string> names = stored_names(kTenantPrefix);
  std::erase_if(names, [](const std::string& name) { return !valid_tenant_name(name); });
  return names;
}

bool Database::drop_tenant(std::string_view name) {
  if (root_ != this) return root_->drop_tenant(name);
  check_tenant_name(name);
  return drop_child(name, "");
}

std::string Database::describe() const {
  if (branch_.empty()) return "tenant '" + tenant_ + "'";
  return "branch '" + branch_ + "' of tenant '" + tenant_ + "'";
}

void Database::require_tenant(std::string_view what) const {
  if (tenant_.empty())
    throw UsageError(std::string(what) +
                     ": branches are of a tenant, and this is the database itself; "
                     "tenant(\"name\") gives a tenant");
}

Database& Database::create_branch(std::string_view name) {
  if (storage_ != this) return storage_->create_branch(name);
  require_tenant("create_branch()");
  check_branch_name(name);
  if (dropped_) enter_scope(); // throws
  const std::string what = "create_branch('" + std::string(name) + "') of " + describe();
  if (session_->depth > 0)
    throw UsageError(what + ": a transaction is open on this connection; a branch is copied in "
                            "a transaction of its own, so create it outside any");
  Database& root = *root_;
  const std::string storage = storage_name(tenant_, name);
  if (root.has_storage(storage))
    throw UsageError(what + ": the branch exists already; drop_branch() it first");
  if (dialect_ == Dialect::postgresql) {
    detail::copy_postgres_schema(static_cast<postgres::Connection&>(*backend_), schema_, storage);
    return root.child(tenant_, name, false);
  }
  auto& source = static_cast<sqlite::Connection&>(*backend_);
  const std::string root_path = static_cast<sqlite::Connection&>(*root.backend_).path();
  if (root_path.empty()) {
    Database& made = root.child(tenant_, name, true);
    try {
      detail::copy_sqlite_database(source, static_cast<sqlite::Connection&>(*made.backend_));
    } catch (...) {
      root.tenants_->open.erase(storage);
      throw;
    }
    return made;
  }
  // Copied beside it first, then renamed: the branch's file is whole or not there at all.
  const std::string file = storage_file(root_path, storage).string();
  const std::string partial = file + ".partial";
  remove_sqlite_files(partial);
  try {
    {
      ConnectOptions options = options_;
      options.sqlite_journal = SqliteJournal::rollback;
      sqlite::Connection target(partial, options);
      detail::copy_sqlite_database(source, target);
    }
    // A journal or WAL a crash left beside a dropped branch must not meet the new file.
    for (const char* suffix : {"-wal", "-shm", "-journal"})
      std::filesystem::remove(file + suffix);
    // link() rather than rename(): a branch another process made meanwhile is not replaced.
    if (::link(partial.c_str(), file.c_str()) != 0) {
      const int error = errno;
      throw UsageError(what + (error == EEXIST ? ": the branch exists already"
                                               : ": cannot name the copy '" + file +
                                                     "': " + std::strerror(error)));
    }
    std::filesystem::remove(partial);
  } catch (...) {
    std::error_code ignored;
    for (const char* suffix : {"", "-journal"})
      std::filesystem::remove(partial + suffix, ignored);
    throw;
  }
  return root.child(tenant_, name, false);
}

Database& Database::branch(std::string_view name) {
  if (storage_ != this) return storage_->branch(name);
  require_tenant("branch()");
  check_branch_name(name);
  Database& root = *root_;
  const std::string storage = storage_name(tenant_, name);
  if (!(root.tenants_ && root.tenants_->open.contains(storage)) && !root.has_storage(storage))
    throw NotFound("tenant '" + tenant_ + "' has no branch '" + std::string(name) +
                   "' (create_branch() makes one)");
  return root.child(tenant_, name, false);
}

std::vector<std::string> Database::branches() {
  require_tenant("branches()");
  std::vector<std::string> names = root_->stored_names(storage_prefix(tenant_));
  std::erase_if(names, [](const std::string& name) { return !valid_branch_name(name); });
  return names;
}

bool Database::drop_branch(std::string_view name) {
  require_tenant("drop_branch()");
  check_branch_name(name);
  return root_->drop_child(tenant_, name);
}

bool Database::drop_child(std::string_view tenant, std::string_view branch) {
  const std::string storage = storage_name(tenant, branch);
  const bool existed = has_storage(storage);
  std::unique_ptr<Database> dropped;
  if (tenants_) {
    if (auto found = tenants_->open.find(storage); found != tenants_->open.end()) {
      if (found->second->owned_ && found->second->session_->depth > 0)
        throw UsageError("dropping " + found->second->describe() +
                         ": a transaction of it is still open; finish it first");
      dropped = std::move(found->second);
      tenants_->open.erase(found);
    }
  }
  if (dialect_ == Dialect::postgresql) {
    execute(sql::renderer(dialect_).drop_schema(storage));
  } else if (const std::string path = static_cast<sqlite::Connection&>(*backend_).path();
             !path.empty() && existed) {
    const std::string file = storage_file(path, storage).string();
    // Emptied before it goes: another connection that still has the file open (a pooled one,
    // another process) then fails on its next statement instead of writing to a deleted file.
    {
      sqlite::Connection doomed(file, options_);
      empty_sqlite_database(doomed);
    }
    if (dropped) dropped->owned_.reset(); // closed before its files go
    remove_sqlite_files(file);
  }
  if (dropped && dropped->owned_ && dialect_ == Dialect::sqlite)
    dropped->owned_.reset(); // an in-memory tenant goes with its connection
  if (dropped && !dropped->owned_ && dialect_ == Dialect::sqlite) {
    // Kept valid for backend(); every use of a dropped tenant is refused before reaching it.
    dropped->owned_ = std::make_unique<sqlite::Connection>(":memory:", options_);
    dropped->backend_ = dropped->owned_.get();
  }
  if (dropped) {
    dropped->dropped_ = true;
    tenants_->dropped.push_back(std::move(dropped));
  }
  return existed;
}

bool Database::roll_back_abandoned() noexcept {
  auto roll_back = [](Database& db) {
    if (db.session_->depth == 0) return false;
    // A Transaction still refers to this connection: roll its work back now; the Transaction's
    // own rollback comes later.
    Backend& backend = *db.backend_;
    backend.clear_transaction_failure(); // a ROLLBACK is always allowed
    try {
      backend.rollback();
    } catch (...) {
      // The connection is lost: the server has discarded the transaction with it.
    }
    backend.note_failure(); // so that the Transaction's commit() fails instead of "succeeding"
    return true;
  };
  bool any = roll_back(*this);
  if (tenants_)
    for (const auto& [name, tenant] : tenants_->open)
      if (tenant->owned_) any = roll_back(*tenant) || any;
  return any;
}

void Database::enter_scope() {
  if (storage_->dropped_)
    throw UsageError(describe() + " was dropped (drop_tenant(), drop_branch()); tenant() or "
                                  "create_branch() gives a new one of that name");
  if (session_->scope == scope_key()) return;
  // A known scope of the same storage has the search path already (row tenants of one schema).
  if (!session_->scope || session_->scope->schema_ != schema_)
    if (std::string set = sql::renderer(dialect_).set_search_path(schema_, true); !set.empty())
      backend_->execute(set);
  // Another row tenant's setting is never left for this scope's statements (raw SQL included).
  if (row_security_ || session_->policy_tenant) set_policy_tenant();
  session_->scope = scope_key();
}

void Database::set_policy_tenant() {
  std::string id; // none: the policies then match no row
  if (row_security_)
    id = row_tenant_->kind == detail::BoundValue::Kind::text ? row_tenant_->bytes
                                                             : std::to_string(row_tenant_->integer);
  auto set = [&](auto& conn) {
    auto statement = conn.prepare(sql::renderer(dialect_).set_policy_tenant());
    statement->bind(1, id);
    while (statement->step()) {
    }
  };
  on_connection(set);
  session_->policy_tenant = row_security_;
}

void Database::begin_transaction(bool read_only) {
  const sql::Renderer& renderer = sql::renderer(dialect_);
  const std::string schema = storage_->dropped_ ? "" : schema_;
  // Where the dialect sets the search path as it begins, the transaction is in this scope.
  const std::string in_schema = renderer.begin_in_schema(schema);
  const std::string begin = read_only ? renderer.begin_read_only(schema) : in_schema;
  session_->read_only = read_only;
  if (begin.empty()) {
    backend_->begin();
    session_->scope = root_; // a new transaction has the session's search path
    return;
  }
  try {
    backend_->execute(begin); // BEGIN and the search path (or access) in one round trip
  } catch (...) {
    try {
      backend_->rollback(); // in case the BEGIN took
    } catch (...) {
      // The connection is lost: the server has discarded the transaction with it.
    }
    end_read_only();
    throw;
  }
  session_->scope = in_schema.empty() ? root_ : storage_;
}

void Database::end_read_only() noexcept {
  if (!std::exchange(session_->read_only, false)) return;
  if (std::string end = sql::renderer(dialect_).end_read_only(); !end.empty()) {
    try {
      backend_->execute(end);
    } catch (...) { // NOLINT(bugprone-empty-catch): a lost connection takes its settings along
    }
  }
}

void Database::execute_scoped(std::string_view sql) {
  if (row_security_ && session_->depth == 0) // the setting lasts as long as a transaction
    return scoped([&] { backend_->execute(sql); });
  if (storage_->dropped_ || session_->depth > 0) {
    enter_scope();
    backend_->execute(sql);
    return;
  }
  // No transaction: the session points here for this statement alone, so that statements no
  // transaction may hold (CREATE INDEX CONCURRENTLY, of a migration's online steps) run too.
  const sql::Renderer& r = sql::renderer(dialect_);
  backend_->execute(r.set_search_path(schema_, false));
  try {
    backend_->execute(sql);
  } catch (...) {
    try {
      backend_->execute(r.set_search_path("", false));
    } catch (...) {
      // The connection is lost, and its session with it.
    }
    throw;
  }
  backend_->execute(r.set_search_path("", false));
}

void Database::throw_unsupported() const {
  throw UsageError(std::string("no backend for ") + to_string(dialect_));
}

ScopedTransaction::ScopedTransaction(Database& db) : db_(db) {
  db_.begin_transaction();
  db_.session_->depth = 1;
  db_.backend_->set_in_transaction(true);
  try {
    db_.enter_scope();
  } catch (...) {
    roll_back();
    throw;
  }
}

ScopedTransaction::~ScopedTransaction() {
  if (open_) roll_back();
}

void ScopedTransaction::close() noexcept {
  open_ = false;
  db_.session_->depth = 0;
  db_.session_->scope = nullptr;
  db_.session_->policy_tenant = false;
  db_.backend_->set_in_transaction(false);
}

void ScopedTransaction::roll_back() noexcept {
  close();
  try {
    db_.backend_->rollback();
  } catch (...) {
    // The connection is lost: the server has discarded the transaction with it.
  }
}

void ScopedTransaction::commit() {
  const bool failed = db_.backend_->transaction_failed(); // close() forgets it
  close();
  if (failed)
    db_.backend_->rollback();
  else
    db_.backend_->commit();
}

} // namespace ormc
