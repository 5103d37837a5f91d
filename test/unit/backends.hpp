// The backends runtime tests run on: SQLite always, PostgreSQL when ORMC_TEST_POSTGRES_URL is
// set (and under CI, where a missing URL is a failure, not a skip).
#pragma once

#include <gtest/gtest.h>
#include <memory>
#include <ormc/database.hpp>
#include <string>
#include <vector>

namespace unit {

/// The database URLs the suite runs against: SQLite, and PostgreSQL when
/// ORMC_TEST_POSTGRES_URL is set. Under CI a missing PostgreSQL URL is a failure, not a skip.
std::vector<std::string> backend_urls();

/// ORMC_TEST_POSTGRES_URL, or "" (announced once, loudly) when it is not set.
std::string postgres_url();

/// A fresh database of one backend: SQLite in memory, or on PostgreSQL a schema of its own,
/// dropped at the end, so that tests can share one server.
struct ScratchDatabase {
  explicit ScratchDatabase(const std::string& url);
  ~ScratchDatabase();
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;

  std::unique_ptr<ormc::Database> admin; // PostgreSQL: owns the schema
  std::string schema;
  std::unique_ptr<ormc::Database> db;
};

/// The message of the ormc::DataError `read` throws; a test failure if it throws none.
template <class F> std::string data_error_of(F&& read) {
  try {
    read();
  } catch (const ormc::DataError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected ormc::DataError";
  return "";
}

/// The message of the ormc::UsageError `use` throws; a test failure if it throws none.
template <class F> std::string usage_error_of(F&& use) {
  try {
    use();
  } catch (const ormc::UsageError& e) {
    return e.what();
  }
  ADD_FAILURE() << "expected ormc::UsageError";
  return "";
}

/// "sqlite" or "postgresql", for readable test names.
std::string backend_name(const testing::TestParamInfo<std::string>& info);

} // namespace unit

#define ORMC_INSTANTIATE_FOR_BACKENDS(Suite)                                                       \
  INSTANTIATE_TEST_SUITE_P(Backends, Suite, testing::ValuesIn(unit::backend_urls()),               \
                           unit::backend_name)
