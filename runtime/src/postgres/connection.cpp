#include "catalog_rows.hpp"
#include "database_url.hpp"
#include "postgres/impl.hpp"
#include "statement_cache.hpp"
#include "statement_text.hpp"

#include <ormc/error.hpp>
#include <pqxx/except>

namespace ormc::postgres {
namespace {

bool starts_with(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

} // namespace

void rethrow_as_ormc(Connection::Impl& impl, std::string_view sql_text) {
  std::string sql(sql_text);
  if (impl.owner) impl.owner->note_failure(); // the server has aborted an open transaction
  if (impl.timed_out) {
    impl.timed_out = false;
    impl.drop();
    auto waited = std::chrono::duration_cast<std::chrono::milliseconds>(
        impl.statement_timeout + Connection::Impl::cancellation_grace);
    throw ConnectionError("no answer from the PostgreSQL server within " +
                              std::to_string(waited.count()) + " ms (statement_timeout " +
                              std::to_string(impl.statement_timeout.count()) +
                              " ms, and its cancellation did not arrive either): the connection "
                              "was closed, and the next statement connects again",
                          sql, "08006", 0);
  }
  try {
    throw;
  } catch (const pqxx::broken_connection& e) {
    impl.drop();
    throw ConnectionError(e.what(), sql, "08006", 0);
  } catch (const pqxx::statement_completion_unknown& e) {
    impl.drop();
    throw ConnectionError(std::string(e.what()) + " (the statement may or may not have run)", sql,
                          "40003", 0);
  } catch (const pqxx::transaction_rollback& e) {
    // libpqxx 6 derives these from failure, not sql_error, so their SQLSTATE is in the class.
    const char* state = dynamic_cast<const pqxx::deadlock_detected*>(&e) ? "40P01" : "40001";
    std::string message = e.what();
    if (!message.empty() && message.back() == '\n') message.pop_back();
    throw TransactionConflict(message, sql, state, 0);
  } catch (const pqxx::sql_error& e) {
    const std::string& state = e.sqlstate();
    std::string message = e.what();
    if (!message.empty() && message.back() == '\n') message.pop_back();
    if (state == "23505") throw UniqueViolation(message, sql, state, 0);
    if (state == "23503") throw ForeignKeyViolation(message, sql, state, 0);
    if (state == "23502") throw NotNullViolation(message, sql, state, 0);
    // A VARCHAR(n) overflow is how max_length fails here; SQLite reports it as a CHECK.
    if (state == "23514" || state == "22001") throw CheckViolation(message, sql, state, 0);
    if (starts_with(state, "23")) throw ConstraintViolation(message, sql, state, 0);
    // 57014 is also an administrator's pg_cancel_backend(), which is no timeout.
    if (state == "57014" && message.find("statement timeout") != std::string::npos)
      throw StatementTimeout(message, sql, state, 0);
    if (state == "40001" || state == "40P01") throw TransactionConflict(message, sql, state, 0);
    if (state == "25P02") impl.owner->check_transaction_usable(sql); // worded as on SQLite
    if (state == "42703" || state == "42P01")
      throw SchemaMismatch(message + detail::schema_mismatch_hint(sql), sql, state, 0);
    if (starts_with(state, "08") || starts_with(state, "57P")) {
      impl.drop();
      throw ConnectionError(message, sql, state, 0);
    }
    throw DatabaseError(message, sql, state, 0);
  } catch (const pqxx::in_doubt_error& e) {
    impl.drop();
    throw ConnectionError(std::string(e.what()) + " (the commit may or may not have happened)", sql,
                          "08007", 0);
  } catch (const pqxx::failure& e) {
    throw DatabaseError(e.what(), sql, "", 0);
  }
}

pqxx::nontransaction& Connection::Impl::ensure() {
  if (work) return *work;
  try {
    connection = std::make_unique<pqxx::connection>(conninfo);
    work = std::make_unique<pqxx::nontransaction>(*connection, "ormc");
    // Values are read and written in these forms; see postgres/text.cpp. A backslash in a
    // '...' literal of ormc's DDL (comments, defaults) must stay a backslash, whatever the
    // server's default: with standard_conforming_strings off it would escape the quote.
    within_deadline([&] {
      work->exec("SET TIME ZONE 'UTC'; SET datestyle TO 'ISO, YMD'; SET bytea_output TO 'hex'; "
                 "SET standard_conforming_strings TO on; SET statement_timeout TO " +
                 std::to_string(statement_timeout.count()));
    });
  } catch (const pqxx::failure& e) {
    drop();
    std::string message = e.what();
    if (!message.empty() && message.back() == '\n') message.pop_back();
    throw ConnectionError("cannot connect to PostgreSQL: " + message, "", "08001", 0);
  }
  ++generation;
  return *work;
}

void Connection::Impl::drop() noexcept {
  work.reset();
  connection.reset();
}

Connection::Connection(std::string conninfo, const ConnectOptions& options)
    : impl_(std::make_unique<Impl>()), cache_(std::make_unique<StatementCache<Statement>>()) {
  ConnectOptions from_url;
  std::string url = conninfo; // as given, for a message
  from_url.statement_timeout = detail::take_statement_timeout(conninfo, Dialect::postgresql, url);
  ConnectOptions resolved = detail::resolve_options(options, from_url);
  impl_->statement_timeout = *resolved.statement_timeout;
  impl_->conninfo = detail::postgres_conninfo(std::move(conninfo), resolved);
  impl_->owner = this;
  impl_->ensure();
}

Connection::~Connection() {
  cache_->clear();
  impl_->drop();
}

void Connection::execute(std::string_view sql) {
  StatementUsage usage(*this);
  usage.check_usable(sql);
  ReportWhenDone report{usage, sql};
  translate_errors(*impl_, sql, [&] {
    pqxx::nontransaction& work = impl_->ensure();
    impl_->within_deadline([&] { usage.measure([&] { return work.exec(std::string(sql)); }); });
  });
}

void Connection::begin() {
  execute("BEGIN");
}
void Connection::commit() {
  execute("COMMIT");
}
void Connection::rollback() {
  execute("ROLLBACK");
}

StatementLease<Statement> Connection::prepare(std::string_view sql) {
  StatementLease<Statement> lease = cache_->lease(sql, [&](std::string_view text) {
    return std::make_unique<Statement>(*this, "ormc_" + std::to_string(next_statement_++), text);
  });
  lease->bind_row_tenant();
  return lease;
}

std::vector<ExistingColumn> Connection::table_columns(std::string_view schema,
                                                      std::string_view name) {
  return ormc::detail::catalog_columns(*this, schema, name);
}

std::vector<ExistingIndex> Connection::table_indexes(std::string_view schema,
                                                     std::string_view name) {
  return ormc::detail::catalog_indexes(*this, schema, name);
}

std::vector<ExistingForeignKey> Connection::table_foreign_keys(std::string_view schema,
                                                               std::string_view name) {
  return ormc::detail::catalog_foreign_keys(*this, schema, name);
}

std::int64_t Connection::last_insert_id() const {
  throw UsageError("PostgreSQL returns generated keys through RETURNING");
}

} // namespace ormc::postgres
