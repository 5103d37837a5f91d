// Each sample test gets the music schema on a fresh database of each backend: SQLite in memory,
// PostgreSQL in a schema of its own. load_sample() runs the sample's own SQL (its DDL, then its
// rows), as a team adopting ormc would find the database.
#pragma once

#include "backends.hpp"
#include "schema.ormc.hpp"

#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <vector>

namespace sample {

class SampleTest : public testing::TestWithParam<std::string> {
protected:
  void SetUp() override;

  bool on_postgres() const { return GetParam().rfind("postgres", 0) == 0; }

  /// Runs the sample's DDL, and its rows too unless `rows` is false.
  static void load_sample(ormc::Database& db, bool rows = true);

  /// Every row of every sample table as the database holds it, one text per row with each
  /// value's storage (SQLite: storage class and quoted value; PostgreSQL: the row's text), in key
  /// order: two databases with equal dumps hold the same data.
  static std::vector<std::string> dump(ormc::Database& db);

  std::unique_ptr<unit::ScratchDatabase> scratch;
  ormc::Database* db = nullptr;
  std::unique_ptr<music::Models> m;
};

} // namespace sample
