// Runs each runtime test once per backend. Every test gets a fresh, empty database with the
// test schema created through the generated Models::create_schema(): SQLite in memory, and on
// PostgreSQL a schema of its own (so tests can run in parallel on one server).
#pragma once

#include "backends.hpp"
#include "schema.ormc.hpp"

#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <vector>

namespace unit {

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

  std::unique_ptr<ScratchDatabase> scratch;
  std::string schema; // PostgreSQL: the test's own
  ormc::Database* db = nullptr;
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

} // namespace unit
