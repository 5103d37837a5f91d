// Opening databases by URL, and the errors for URLs and files that cannot be used.
#include "schema.ormc.hpp"

#include <cstdio>
#include <filesystem>
#include <gtest/gtest.h>
#include <ormc/database.hpp>
#include <ormc/error.hpp>

namespace {

TEST(DatabaseUrl, MalformedUrlsAreUsageErrors) {
  for (const char* url : {"", "app.db", "mysql://localhost/db", "sqlite:", "sqlite://", ":x"})
    EXPECT_THROW(ormc::Database{url}, ormc::UsageError) << url;
}

TEST(DatabaseUrl, UsageErrorSaysWhichFormsAreAccepted) {
  try {
    ormc::Database db("mysql://localhost/db");
    FAIL();
  } catch (const ormc::UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("unknown scheme 'mysql'"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("sqlite:<path>"), std::string::npos);
  }
}

TEST(DatabaseUrl, UnopenableFileIsAConnectionError) {
  EXPECT_THROW(ormc::Database("sqlite:/nonexistent-dir/sub/app.db"), ormc::ConnectionError);
}

TEST(DatabaseUrl, FileDatabaseKeepsRowsAcrossConnections) {
  auto path = std::filesystem::temp_directory_path() / "ormc_database_test.db";
  std::filesystem::remove(path);
  {
    auto db = ormc::open("sqlite:" + path.string());
    unit::Models m(db);
    m.create_schema();
    unit::Setting s{.key = "k", .value = "v"};
    m.settings.insert(s);
  }
  {
    ormc::Database db("sqlite://" + path.string());
    unit::Models m(db);
    ASSERT_TRUE(m.settings.get("k").has_value());
    EXPECT_EQ(m.settings.get("k")->value, "v");
  }
  std::filesystem::remove(path);
}

TEST(DatabaseUrl, ForeignKeysAreEnforced) {
  ormc::Database db("sqlite::memory:");
  db.execute(
      "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
      "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id))");
  EXPECT_THROW(db.execute("INSERT INTO child (parent_id) VALUES (42)"), ormc::ForeignKeyViolation);
}

TEST(DatabaseUrl, ReadingNullIntoANonOptionalMemberIsADataError) {
  ormc::Database db("sqlite::memory:");
  unit::Models m(db);
  // A table made outside ormc, without the NOT NULL that ormc's DDL would have.
  db.execute("CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT);"
             "INSERT INTO setting VALUES ('k', NULL)");
  EXPECT_THROW(m.settings.get("k"), ormc::DataError);
}

} // namespace

namespace unit {
namespace {
/// A backend that is not one of ormc's connections but claims SQLite's dialect.
class PretendSqlite final : public ormc::Backend {
public:
  ormc::Dialect dialect() const noexcept override { return ormc::Dialect::sqlite; }
  void execute(std::string_view) override {}
  void begin() override {}
  void commit() override {}
  void rollback() override {}
  std::vector<ormc::ExistingColumn> table_columns(std::string_view, std::string_view) override {
    return {};
  }
  std::vector<ormc::ExistingIndex> table_indexes(std::string_view, std::string_view) override {
    return {};
  }
  std::vector<ormc::ExistingForeignKey> table_foreign_keys(std::string_view,
                                                           std::string_view) override {
    return {};
  }
};

TEST(DatabaseBackend, AnotherClassClaimingADialectIsAUsageErrorNotUndefinedBehaviour) {
  try {
    ormc::Database db(std::make_unique<PretendSqlite>());
    FAIL() << "accepted a backend ormc cannot cast";
  } catch (const ormc::UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("ormc::sqlite::Connection"), std::string::npos)
        << e.what();
  }
  EXPECT_THROW(ormc::Database(std::unique_ptr<ormc::Backend>()), ormc::UsageError);
}

TEST(DatabaseBackend, OrmcsOwnConnectionIsAccepted) {
  ormc::Database db(std::make_unique<ormc::sqlite::Connection>(":memory:"));
  db.execute("CREATE TABLE t (x INTEGER)");
  EXPECT_EQ(db.dialect(), ormc::Dialect::sqlite);
}
} // namespace
} // namespace unit
