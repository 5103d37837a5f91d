// Branches (Database::create_branch()): copying a tenant's tables and rows.
#pragma once

#include <ormc/postgres/connection.hpp>
#include <ormc/sqlite/connection.hpp>
#include <string>

namespace ormc::detail {

/// Copies the schema `source` into the new schema `copy` (sql::SchemaCopy), in one transaction
/// of its own: on failure nothing is made. Throws UsageError, naming them, when `source` holds
/// objects a copy cannot carry over.
void copy_postgres_schema(postgres::Connection& connection, const std::string& source,
                          const std::string& copy);

/// Copies the database of `source` into `copy`'s (SQLite's backup), as of one moment.
void copy_sqlite_database(sqlite::Connection& source, sqlite::Connection& copy);

} // namespace ormc::detail
