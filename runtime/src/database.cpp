#include "database_url.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <ormc/database.hpp>
#include <ormc/sql/renderer.hpp>
#include <system_error>

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
constexpr std::size_t kMaxTenantName = 30; // the schema's name stays within PostgreSQL's 63 bytes

bool valid_tenant_name(std::string_view name) {
  return !name.empty() && name.size() <= kMaxTenantName &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
         });
}

void check_tenant_name(std::string_view name) {
  if (!valid_tenant_name(name))
    throw UsageError("tenant '" + std::string(name) +
                     "': a tenant's name is 1-30 characters of a-z, 0-9 and _ (it names a "
                     "PostgreSQL schema and a SQLite file)");
}

/// SQLite: where tenant `name` of the database at `root_path` keeps its tables.
std::filesystem::path tenant_file(const std::filesystem::path& root_path, std::string_view name) {
  std::filesystem::path file = root_path;
  file.replace_filename(root_path.stem().string() + "." + std::string(kTenantPrefix) +
                        std::string(name) + root_path.extension().string());
  return file;
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
};

Database::Database(std::string_view url, const ConnectOptions& options)
    : Database(connect(url, options).backend) {
  options_ = detail::resolve_options(options, detail::parse_database_url(url).options);
}

Database::Database(std::unique_ptr<Backend> backend)
    : owned_(checked_backend(std::move(backend))), backend_(owned_.get()),
      dialect_(backend_->dialect()) {}

Database::Database(Database& root, std::string name)
    : backend_(root.backend_), dialect_(root.dialect_), options_(root.options_), root_(&root),
      tenant_(std::move(name)) {
  if (dialect_ == Dialect::sqlite) {
    const std::string root_path = static_cast<sqlite::Connection&>(*root.backend_).path();
    owned_ = std::make_unique<sqlite::Connection>(
        root_path.empty() ? std::string(":memory:") : tenant_file(root_path, tenant_).string(),
        options_);
    backend_ = owned_.get();
    backend_->copy_statement_hook(*root.backend_);
    return;
  }
  // One connection, so one transaction state: the tenant scopes the root's transactions.
  session_ = root.session_;
  schema_ = std::string(kTenantPrefix) + tenant_;
  // Created only when missing: CREATE SCHEMA IF NOT EXISTS on two connections at once can still
  // collide, which then only the first use of a new tenant can meet.
  const std::vector<std::string> existing = root.tenants();
  if (!std::binary_search(existing.begin(), existing.end(), tenant_))
    root.execute(sql::renderer(dialect_).create_schema(schema_));
}

Database::~Database() = default;

Database& Database::tenant(std::string_view name) {
  if (root_ != this) return root_->tenant(name);
  check_tenant_name(name);
  if (!tenants_) tenants_ = std::make_unique<Tenants>();
  auto found = tenants_->open.find(name);
  if (found != tenants_->open.end()) return *found->second;
  auto made = std::unique_ptr<Database>(new Database(*this, std::string(name)));
  return *tenants_->open.emplace(std::string(name), std::move(made)).first->second;
}

std::vector<std::string> Database::tenants() {
  if (root_ != this) return root_->tenants();
  std::vector<std::string> names;
  auto add = [&](std::string_view name) {
    if (valid_tenant_name(name)) names.emplace_back(name);
  };
  if (dialect_ == Dialect::postgresql) {
    with_connection([&](auto& conn) {
      const std::string prefix(kTenantPrefix);
      auto statement = conn.prepare(sql::renderer(dialect_).schemas_with_prefix());
      statement->bind(1, prefix);
      std::string schema;
      while (statement->step()) {
        statement->read(0, schema);
        add(std::string_view(schema).substr(prefix.size()));
      }
    });
  } else if (const std::string path = static_cast<sqlite::Connection&>(*backend_).path();
             !path.empty()) {
    const std::filesystem::path root_path(path);
    const std::string begins = root_path.stem().string() + "." + std::string(kTenantPrefix);
    const std::string ends = root_path.extension().string();
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(root_path.parent_path(), ec)) {
      const std::string file = entry.path().filename().string();
      if (file.size() > begins.size() + ends.size() && file.starts_with(begins) &&
          file.ends_with(ends))
        add(std::string_view(file).substr(begins.size(),
                                          file.size() - begins.size() - ends.size()));
    }
  } else if (tenants_) {
    for (const auto& [name, db] : tenants_->open)
      names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

bool Database::drop_tenant(std::string_view name) {
  if (root_ != this) return root_->drop_tenant(name);
  check_tenant_name(name);
  const std::vector<std::string> existing = tenants();
  const bool existed = std::binary_search(existing.begin(), existing.end(), name);
  std::unique_ptr<Database> dropped;
  if (tenants_) {
    if (auto found = tenants_->open.find(name); found != tenants_->open.end()) {
      if (found->second->owned_ && found->second->session_->depth > 0)
        throw UsageError("drop_tenant('" + std::string(name) +
                         "'): a transaction of that tenant is still open; finish it first");
      dropped = std::move(found->second);
      tenants_->open.erase(found);
    }
  }
  if (dialect_ == Dialect::postgresql) {
    execute(sql::renderer(dialect_).drop_schema(std::string(kTenantPrefix) + std::string(name)));
  } else if (const std::string path = static_cast<sqlite::Connection&>(*backend_).path();
             !path.empty() && existed) {
    const std::string file = tenant_file(path, name).string();
    // Emptied before it goes: another connection that still has the file open (a pooled one,
    // another process) then fails on its next statement instead of writing to a deleted file.
    {
      sqlite::Connection tenant(file, options_);
      empty_sqlite_database(tenant);
    }
    if (dropped) dropped->owned_.reset(); // closed before its files go
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      std::filesystem::remove(file + suffix);
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
  if (dropped_)
    throw UsageError("tenant '" + tenant_ +
                     "' was dropped (drop_tenant()); tenant() gives a new one of that name");
  if (session_->scope == this) return;
  if (std::string set = sql::renderer(dialect_).set_search_path(schema_, true); !set.empty())
    backend_->execute(set);
  session_->scope = this;
}

void Database::begin_transaction() {
  const std::string begin = dropped_ ? "" : sql::renderer(dialect_).begin_in_schema(schema_);
  if (begin.empty()) {
    backend_->begin();
    session_->scope = root_; // a new transaction has the session's search path
    return;
  }
  try {
    backend_->execute(begin); // BEGIN and the search path in one round trip
  } catch (...) {
    try {
      backend_->rollback(); // in case the BEGIN took
    } catch (...) {
      // The connection is lost: the server has discarded the transaction with it.
    }
    throw;
  }
  session_->scope = this;
}

void Database::execute_scoped(std::string_view sql) {
  if (dropped_ || session_->depth > 0) {
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
