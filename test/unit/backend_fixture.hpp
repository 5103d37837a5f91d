// Runs each runtime test once per backend. Every test gets a fresh, empty database with the
// test schema created through the generated Models::create_schema(): SQLite in memory, and on
// PostgreSQL a schema of its own (so tests can run in parallel on one server).
#pragma once

#include "schema.ormc.hpp"

#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <vector>

namespace unit {

/// The database URLs the suite runs against: SQLite, and PostgreSQL when
/// ORMC_TEST_POSTGRES_URL is set. Under CI a missing PostgreSQL URL is a failure, not a skip.
std::vector<std::string> backend_urls();

/// ORMC_TEST_POSTGRES_URL, or "" (announced once, loudly) when it is not set.
std::string postgres_url();

class BackendTest : public testing::TestWithParam<std::string> {
protected:
  void SetUp() override;
  void TearDown() override;

  bool on_postgres() const { return GetParam().rfind("postgres", 0) == 0; }

  /// The first column of the first row of `sql`, read as T (a default T if there is no row):
  /// what the database stored, seen past the generated code.
  template <class T = std::string> T stored(const std::string& sql) {
    return db->with_connection([&](auto& conn) {
      auto statement = conn.prepare(sql);
      T value{};
      if (statement->step()) statement->read(0, value);
      return value;
    });
  }

  /// The message of the ormc::DataError `read` throws; a test failure if it throws none.
  template <class F> static std::string data_error_of(F&& read) {
    try {
      read();
    } catch (const ormc::DataError& e) {
      return e.what();
    }
    ADD_FAILURE() << "expected ormc::DataError";
    return "";
  }

  std::unique_ptr<ormc::Database> admin; // PostgreSQL: owns the per-test schema
  std::string schema;
  std::unique_ptr<ormc::Database> db;
  std::unique_ptr<Models> m;
};

/// A database that many connections (threads, child processes) can open by `url`: on SQLite a
/// fresh file with the test schema (each sqlite::memory: connection would be a database of its
/// own), on PostgreSQL the test's own schema.
class SharedDatabaseTest : public BackendTest {
protected:
  void SetUp() override;
  void TearDown() override;

  void remove_database_files();

  std::string url;
  std::string path; // SQLite only
};

/// "sqlite" or "postgresql", for readable test names.
std::string backend_name(const testing::TestParamInfo<std::string>& info);

} // namespace unit

#define ORMC_INSTANTIATE_FOR_BACKENDS(Suite)                                                       \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite, testing::ValuesIn(unit::backend_urls()),               \
                           unit::backend_name)
