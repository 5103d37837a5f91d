// Models::create_schema() of models that distribute tables, on each backend: with the engine's
// functions (stand-ins with Citus's signatures that record their calls, test/lit/Inputs/
// citus-stubs.sql) each table is handed to it in order; on plain PostgreSQL the default is a
// typed error before anything is created, and ormc::Distribution::none the explicit way to get
// ordinary tables; SQLite keeps every table whole. The rows work the same in every case.
#include "schema.ormc.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <ormc/raw_sql.hpp>
#include <sstream>
#include <string>
#include <tuple>
#include <unistd.h>

namespace {

std::string stubsFile; // argv[1]: citus-stubs.sql

/// A PostgreSQL schema of its own for one test, dropped afterwards.
class PostgresScratch {
public:
  explicit PostgresScratch(const std::string& name) {
    const char* base = std::getenv("ORMC_TEST_POSTGRES_URL");
    if (!base) return;
    schema_ = "distributed_" + name + "_" + std::to_string(getpid());
    admin_ = std::make_unique<ormc::Database>(base);
    admin_->execute("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
    url_ = std::string(base) + (std::string(base).find('?') == std::string::npos ? "?" : "&") +
           "options=-csearch_path%3D" + schema_;
  }
  ~PostgresScratch() {
    if (admin_) admin_->execute("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  }
  const std::string& url() const { return url_; }

private:
  std::string schema_;
  std::string url_;
  std::unique_ptr<ormc::Database> admin_;
};

/// The stand-ins, run statement by statement as psql would run the file.
void installStubs(ormc::Database& db) {
  std::ifstream in(stubsFile);
  ASSERT_TRUE(in) << stubsFile;
  std::stringstream text;
  text << in.rdbuf();
  db.execute(text.str());
}

/// The rows every case writes and reads back, through every model.
void writeAndRead(crm::Models& m) {
  crm::Country country{"DE", "Germany"};
  crm::Company company{7, "DE"};
  crm::Project project{7, 1, "roof"};
  m.countries.insert(country);
  m.companies.insert(company);
  m.projects.insert(project);
  EXPECT_EQ(m.countries.get("DE").value().name, "Germany");
  EXPECT_EQ(m.companies.get(7).value().country_code, "DE");
  EXPECT_EQ(m.projects.get({7, 1}).value().title, "roof");
  EXPECT_EQ(m.companies.projects(company).count(), 1);
}

std::int64_t tablesIn(ormc::Database& db) {
  return std::get<0>(ormc::raw<std::tuple<std::int64_t>>(
                         db, "SELECT count(*) FROM information_schema.tables WHERE table_schema = "
                             "current_schema() AND table_name IN ('country', 'company', 'project')")
                         .at(0));
}

TEST(DistributedSchema, WithTheEngineEachTableIsHandedToItInOrder) {
  PostgresScratch scratch("engine");
  if (scratch.url().empty()) GTEST_SKIP() << "ORMC_TEST_POSTGRES_URL is not set";
  auto db = ormc::open(scratch.url());
  installStubs(db);
  crm::Models m(db);
  m.create_schema();
  using Call =
      std::tuple<std::string, std::string, std::optional<std::string>, std::optional<std::string>>;
  std::vector<Call> calls = ormc::raw<Call>(
      db,
      "SELECT fn, table_name, distribution_column, colocate_with FROM citus_calls ORDER BY seq");
  std::vector<Call> expected = {
      {"create_reference_table", "country", std::nullopt, std::nullopt},
      {"create_distributed_table", "company", "id", "default"},
      {"create_distributed_table", "project", "company_id", "company"},
  };
  EXPECT_EQ(calls, expected);
  writeAndRead(m);
}

TEST(DistributedSchema, OnPlainPostgresqlTheDefaultIsATypedErrorAndNothingIsCreated) {
  PostgresScratch scratch("plain");
  if (scratch.url().empty()) GTEST_SKIP() << "ORMC_TEST_POSTGRES_URL is not set";
  auto db = ormc::open(scratch.url());
  crm::Models m(db);
  try {
    m.create_schema();
    FAIL() << "create_schema() on plain PostgreSQL did not throw";
  } catch (const ormc::UsageError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("distribute tables country, company, project"), std::string::npos) << what;
    EXPECT_NE(what.find("create_distributed_table(), create_reference_table()"), std::string::npos)
        << what;
    EXPECT_NE(what.find("ormc::Distribution::none"), std::string::npos) << what;
  }
  EXPECT_EQ(tablesIn(db), 0);
  // Asked for explicitly: ordinary tables.
  m.create_schema(ormc::Distribution::none);
  EXPECT_EQ(tablesIn(db), 3);
  writeAndRead(m);
}

TEST(DistributedSchema, SqliteKeepsEveryTableWhole) {
  const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                     ("ormc-distributed-" + std::to_string(getpid()) + ".db");
  std::filesystem::remove(file);
  {
    auto db = ormc::open("sqlite:" + file.string());
    crm::Models m(db);
    m.create_schema(); // the engine's default: nothing to hand over on SQLite
    writeAndRead(m);
  }
  std::filesystem::remove(file);
}

} // namespace

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  if (argc != 2) {
    std::cerr << "usage: distributed_tests <citus-stubs.sql>\n";
    return 2;
  }
  stubsFile = argv[1];
  return RUN_ALL_TESTS();
}
