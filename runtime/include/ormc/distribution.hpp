// Distributed PostgreSQL (Citus): what Models::create_schema() does with the tables the models
// mark ormc:table(distribute_by=...) or ormc:table(reference).
#pragma once

#include <string_view>

namespace ormc {

class Database;

/// Whether create_schema() hands distributed and reference tables to the engine. There is no
/// default guess: on plain PostgreSQL, `engine` is an error rather than tables silently left
/// whole, and whole tables are had only by asking for `none`.
enum class Distribution {
  engine, // call create_distributed_table() / create_reference_table() after creating them
  none,   // create them as ordinary tables (plain PostgreSQL for development and tests)
};

/// Throws ormc::UsageError naming `tables` when `db` is PostgreSQL without the engine's
/// functions (create_distributed_table, create_reference_table, undistribute_table). SQLite,
/// which keeps every table whole, passes.
void require_distribution_engine(Database& db, std::string_view tables);

} // namespace ormc
