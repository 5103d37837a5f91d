// ormc::migrate() on both backends: order, recording, refusals, rollback of a failed migration,
// and two migrators at once. The directories are written here in the format ormc writes
// (sql/migration_files.hpp); test/lit/migrate-*.test checks what the tool writes into them.
#include "backend_fixture.hpp"

#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <ormc/migrate.hpp>
#include <ormc/sql/migration_files.hpp>
#include <poll.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace unit {
namespace {

/// A migration directory with the same SQL for both dialects and a matching ormc.sum.
class MigrationDir {
public:
  MigrationDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("ormc-migrate-test-" + std::to_string(::getpid()) + "-" + std::to_string(next_++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~MigrationDir() { std::filesystem::remove_all(path_); }

  void add(std::int64_t version, const std::string& name, const std::string& sql) {
    for (const char* dialect : {"sqlite", "postgresql"})
      write(ormc::sql::migration_file_name(version, name, dialect), sql);
    update_sum();
  }
  void add_down(std::int64_t version, const std::string& name, const std::string& sql) {
    for (const char* dialect : {"sqlite", "postgresql"})
      write(ormc::sql::migration_file_name(version, name, dialect, true), sql);
    update_sum();
  }
  void write(const std::string& file, const std::string& text) {
    std::ofstream(path_ / file, std::ios::binary) << text;
  }
  void remove(const std::string& file) { std::filesystem::remove(path_ / file); }
  void update_sum() {
    std::map<std::string, std::string> sums;
    for (const auto& entry : std::filesystem::directory_iterator(path_)) {
      std::string file = entry.path().filename().string();
      if (!ormc::sql::parse_migration_file_name(file)) continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      sums[file] = ormc::sql::migration_checksum(text);
    }
    std::ofstream(path_ / "ormc.sum") << ormc::sql::write_migration_sum(sums);
  }
  const std::filesystem::path& path() const { return path_; }

private:
  static inline std::atomic<int> next_{0};
  std::filesystem::path path_;
};

const char* kCreateBook =
    R"(CREATE TABLE "mig_book" ("id" INTEGER PRIMARY KEY, "title" TEXT NOT NULL);)";
const char* kAddPages = R"(ALTER TABLE "mig_book" ADD COLUMN "pages" INTEGER;)";
const char* kAddRating =
    R"(ALTER TABLE "mig_book" ADD COLUMN "rating" INTEGER NOT NULL DEFAULT 3;)";

std::int64_t scalar(ormc::Database& db, const std::string& sql) {
  return db.with_connection([&](auto& conn) {
    auto statement = conn.prepare(sql);
    std::int64_t value = -1;
    if (statement->step()) statement->read(0, value);
    return value;
  });
}

template <class F> std::string migration_error(F f) {
  try {
    f();
  } catch (const ormc::MigrationError& e) {
    return e.what();
  }
  return "(no MigrationError)";
}

class MigrateTest : public BackendTest {};

TEST_P(MigrateTest, AppliesPendingMigrationsInOrderAndRecordsEach) {
  MigrationDir dir;
  dir.add(1, "create_book", kCreateBook);
  dir.add(2, "add_pages", kAddPages);
  EXPECT_EQ(ormc::migration_version(*db), 0);
  ormc::MigrationReport report = ormc::migrate(*db, dir.path());
  EXPECT_EQ(report.applied, (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(report.version, 2);
  db->execute(R"(INSERT INTO "mig_book" ("id", "title", "pages") VALUES (1, 'Dune', 412))");
  EXPECT_EQ(scalar(*db, R"(SELECT "pages" FROM "mig_book" WHERE "id" = 1)"), 412);
  EXPECT_EQ(scalar(*db, R"(SELECT count(*) FROM "ormc_migrations")"), 2);
}

TEST_P(MigrateTest, ALaterRunAppliesOnlyTheNewMigrationAndKeepsEveryRow) {
  MigrationDir dir;
  dir.add(1, "create_book", kCreateBook);
  ormc::migrate(*db, dir.path());
  for (int i = 1; i <= 100; ++i)
    db->execute(R"(INSERT INTO "mig_book" ("id", "title") VALUES ()" + std::to_string(i) + ", 'b" +
                std::to_string(i) + "')");
  EXPECT_TRUE(ormc::migrate(*db, dir.path()).applied.empty());
  dir.add(2, "add_rating", kAddRating);
  EXPECT_EQ(ormc::migrate(*db, dir.path()).applied, (std::vector<std::int64_t>{2}));
  EXPECT_EQ(scalar(*db, R"(SELECT count(*) FROM "mig_book" WHERE "rating" = 3)"), 100);
  EXPECT_EQ(scalar(*db, R"(SELECT count(*) FROM "mig_book" WHERE "title" = 'b57')"), 1);
}

TEST_P(MigrateTest, AnAppliedMigrationEditedLaterIsRefused) {
  MigrationDir dir;
  dir.add(1, "create_book", kCreateBook);
  ormc::migrate(*db, dir.path());
  // Edited, with ormc.sum left as ormc wrote it: the file no longer matches the sum.
  dir.write("0001_create_book.sqlite.sql", std::string(kCreateBook) + "\n-- edited");
  dir.write("0001_create_book.postgresql.sql", std::string(kCreateBook) + "\n-- edited");
  EXPECT_NE(migration_error([&] { ormc::migrate(*db, dir.path()); })
                .find("0001_create_book." + std::string(on_postgres() ? "postgresql" : "sqlite") +
                      ".sql (version 1) was edited after ormc wrote it"),
            std::string::npos);
  // Edited and the sum rewritten to match: the database still knows what it applied.
  dir.update_sum();
  EXPECT_NE(
      migration_error([&] { ormc::migrate(*db, dir.path()); }).find("was applied with checksum"),
      std::string::npos);
}

// The same migrations compiled into the program (ormc --embed-migrations writes such a list).
TEST_P(MigrateTest, EmbeddedMigrationsApplyAndAreCheckedLikeADirectory) {
  std::string sum1 = ormc::sql::write_migration_sum(
      {{"0001_create_book.postgresql.sql", ormc::sql::migration_checksum(kCreateBook)},
       {"0001_create_book.sqlite.sql", ormc::sql::migration_checksum(kCreateBook)}});
  std::vector<ormc::MigrationFile> files = {{"0001_create_book.postgresql.sql", kCreateBook},
                                            {"0001_create_book.sqlite.sql", kCreateBook},
                                            {"ormc.sum", sum1}};
  EXPECT_EQ(ormc::migrate(*db, files).applied, (std::vector<std::int64_t>{1}));
  EXPECT_TRUE(ormc::migrate(*db, files).applied.empty());
  std::map<std::string, std::string> sums;
  for (const char* dialect : {"sqlite", "postgresql"}) {
    sums[ormc::sql::migration_file_name(1, "create_book", dialect)] =
        ormc::sql::migration_checksum(kCreateBook);
    sums[ormc::sql::migration_file_name(2, "add_pages", dialect)] =
        ormc::sql::migration_checksum(kAddPages);
  }
  std::string sum2 = ormc::sql::write_migration_sum(sums);
  files = {{"0001_create_book.postgresql.sql", kCreateBook},
           {"0001_create_book.sqlite.sql", kCreateBook},
           {"0002_add_pages.postgresql.sql", kAddPages},
           {"0002_add_pages.sqlite.sql", kAddPages},
           {"ormc.sum", sum2}};
  EXPECT_EQ(ormc::migrate(*db, files).applied, (std::vector<std::int64_t>{2}));
  EXPECT_EQ(ormc::migration_version(*db), 2);
  // An embedded file that is not what ormc.sum says, and a list without its ormc.sum.
  files[3].text = files[2].text = "-- edited";
  EXPECT_NE(
      migration_error([&] { ormc::migrate(*db, files); }).find("was edited after ormc wrote it"),
      std::string::npos);
  files.pop_back();
  EXPECT_NE(migration_error([&] {
              ormc::migrate(*db, files);
            }).find("the embedded migrations/ormc.sum is missing"),
            std::string::npos);
}

TEST_P(MigrateTest, ADatabaseMigratedByNewerCodeIsRefused) {
  MigrationDir dir;
  dir.add(1, "create_book", kCreateBook);
  dir.add(2, "add_pages", kAddPages);
  ormc::migrate(*db, dir.path());
  dir.remove("0002_add_pages.sqlite.sql");
  dir.remove("0002_add_pages.postgresql.sql");
  dir.update_sum();
  EXPECT_NE(migration_error([&] {
              ormc::migrate(*db, dir.path());
            }).find("the database is at version 2, newer than"),
            std::string::npos);
}

TEST_P(MigrateTest, ADirectoryWithAGapOrAnUnlistedFileIsRefusedBeforeAnythingRuns) {
  MigrationDir dir;
  dir.add(1, "create_book", kCreateBook);
  dir.add(3, "add_pages", kAddPages);
  EXPECT_NE(migration_error([&] {
              ormc::migrate(*db, dir.path());
            }).find("version 2 is missing before 0003_add_pages"),
            std::string::npos);
  EXPECT_EQ(ormc::migration_version(*db), 0);
  MigrationDir unlisted;
  unlisted.add(1, "create_book", kCreateBook);
  unlisted.write("0002_by_hand.sqlite.sql", kAddPages);
  unlisted.write("0002_by_hand.postgresql.sql", kAddPages);
  EXPECT_NE(migration_error([&] {
              ormc::migrate(*db, unlisted.path());
            }).find("is not listed in ormc.sum"),
            std::string::npos);
  MigrationDir no_sum;
  no_sum.add(1, "create_book", kCreateBook);
  std::filesystem::remove(no_sum.path() / "ormc.sum");
  EXPECT_NE(migration_error([&] { ormc::migrate(*db, no_sum.path()); }).find("ormc.sum is missing"),
            std::string::npos);
}

TEST_P(MigrateTest, AFailingMigrationIsRolledBackWholeAndTheVersionStays) {
  MigrationDir dir;
  dir.add(1, "create_book", kCreateBook);
  // The first statement would succeed; the second fails: neither may stay.
  dir.add(2, "half", R"(CREATE TABLE "mig_other" ("id" INTEGER PRIMARY KEY);
ALTER TABLE "mig_no_such_table" ADD COLUMN "x" INTEGER;)");
  std::string error = migration_error([&] { ormc::migrate(*db, dir.path()); });
  EXPECT_NE(error.find("0002_half." + std::string(to_string(db->dialect())) +
                       ".sql (version 2) failed, and nothing of it was applied: "),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("mig_no_such_table"), std::string::npos) << "the database's own error";
  EXPECT_EQ(ormc::migration_version(*db), 1);
  EXPECT_THROW(scalar(*db, R"(SELECT count(*) FROM "mig_other")"), ormc::DatabaseError);
}

TEST_P(MigrateTest, ADataMigrationRunsInItsVersionsTransaction) {
  MigrationDir dir;
  dir.add(1, "create_book", kCreateBook);
  ormc::migrate(*db, dir.path());
  db->execute(R"(INSERT INTO "mig_book" ("id", "title") VALUES (1, 'Dune'), (2, 'Emma'))");
  dir.add(2, "add_pages", kAddPages);
  // Failing, it takes the schema change with it.
  auto failing = [](ormc::Database&) { throw std::runtime_error("no page counts today"); };
  EXPECT_THROW(ormc::migrate(*db, dir.path(), {{2, failing}}), std::runtime_error);
  EXPECT_EQ(ormc::migration_version(*db), 1);
  EXPECT_THROW(scalar(*db, R"(SELECT count("pages") FROM "mig_book")"), ormc::DatabaseError);
  // Succeeding, its writes and the schema change land together.
  auto fill = [](ormc::Database& d) { d.execute(R"(UPDATE "mig_book" SET "pages" = 100 * "id")"); };
  EXPECT_EQ(ormc::migrate(*db, dir.path(), {{2, fill}}).applied, (std::vector<std::int64_t>{2}));
  EXPECT_EQ(scalar(*db, R"(SELECT sum("pages") FROM "mig_book")"), 300);
  // A step for a version the directory does not have is a mistake, not a no-op.
  EXPECT_NE(migration_error([&] {
              ormc::migrate(*db, dir.path(), {{7, fill}});
            }).find("registered for version 7"),
            std::string::npos);
}

// Online steps (what PostgreSQL migrations build CONCURRENTLY or validate after the commit):
// the migration is applied once its transaction commits; a failing step stops migrate() with
// the steps before it recorded, and the next run resumes at the failed step, not before it.
TEST_P(MigrateTest, OnlineStepsRunAfterTheCommitAndResumeAtTheStepThatFailed) {
  MigrationDir dir;
  dir.add(1, "create_book",
          std::string(kCreateBook) + "\n" + R"(CREATE TABLE "mig_log" ("step" INTEGER NOT NULL);)" +
              "\n" +
              ormc::sql::online_steps_text({{R"(INSERT INTO "mig_log" ("step") VALUES (1))"},
                                            {R"(INSERT INTO "mig_later" ("x") VALUES (1))"},
                                            {R"(INSERT INTO "mig_log" ("step") VALUES (3))"}}));
  dir.add(2, "add_pages", kAddPages);
  std::string error = migration_error([&] { ormc::migrate(*db, dir.path()); });
  EXPECT_NE(error.find("(version 1) is applied, but its online step 2 of 3 failed"),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("mig_later"), std::string::npos) << error;
  EXPECT_EQ(ormc::migration_version(*db), 1); // and not 2: the steps come first
  EXPECT_EQ(scalar(*db, R"(SELECT count(*) FROM "mig_log" WHERE "step" = 1)"), 1);
  EXPECT_EQ(scalar(*db, R"(SELECT "online_steps_done" FROM "ormc_migrations")"), 1);

  db->execute(R"(CREATE TABLE "mig_later" ("x" INTEGER))");
  ormc::MigrationReport report = ormc::migrate(*db, dir.path());
  EXPECT_EQ(report.applied, (std::vector<std::int64_t>{2}));
  EXPECT_EQ(scalar(*db, R"(SELECT count(*) FROM "mig_log" WHERE "step" = 1)"), 1); // not again
  EXPECT_EQ(scalar(*db, R"(SELECT count(*) FROM "mig_later")"), 1);
  EXPECT_EQ(scalar(*db, R"(SELECT "online_steps_done" FROM "ormc_migrations" WHERE "version" = 1)"),
            3);
  EXPECT_TRUE(ormc::migrate(*db, dir.path()).applied.empty());
  EXPECT_EQ(scalar(*db, R"(SELECT count(*) FROM "mig_log")"), 2);
}

TEST_P(MigrateTest, AMalformedOnlineStepsSectionIsRefusedBeforeAnythingRuns) {
  MigrationDir dir;
  dir.add(1, "create_book", std::string(kCreateBook) + "\n-- ormc:online-steps\nVACUUM;\n");
  std::string error = migration_error([&] { ormc::migrate(*db, dir.path()); });
  EXPECT_NE(error.find("0001_create_book." + std::string(on_postgres() ? "postgresql" : "sqlite") +
                       ".sql: line 3 comes before the first '-- step' line"),
            std::string::npos)
      << error;
  EXPECT_EQ(ormc::migration_version(*db), 0);
}

// Down migrations, newest first, each with the removal of its row; a version on the way
// without one stops everything before it starts.
TEST_P(MigrateTest, MigrateDownRevertsNewestFirstAndRefusesAVersionWithoutADownMigration) {
  MigrationDir dir;
  dir.add(1, "create_book", kCreateBook);
  dir.add(2, "add_pages", kAddPages);
  dir.add(3, "add_rating", kAddRating);
  dir.add_down(3, "add_rating", R"(ALTER TABLE "mig_book" DROP COLUMN "rating";)");
  ormc::migrate(*db, dir.path());
  db->execute(R"(INSERT INTO "mig_book" ("id", "title", "pages") VALUES (1, 'Dune', 412))");

  // Version 2 has no down migration: nothing is reverted, not even 3.
  std::string error = migration_error([&] { ormc::migrate_down(*db, dir.path(), 1); });
  EXPECT_NE(error.find("0002_add_pages." + std::string(on_postgres() ? "postgresql" : "sqlite") +
                       ".sql (version 2) has no down migration"),
            std::string::npos)
      << error;
  EXPECT_EQ(ormc::migration_version(*db), 3);
  EXPECT_EQ(scalar(*db, R"(SELECT "rating" FROM "mig_book")"), 3);

  dir.add_down(2, "add_pages", R"(ALTER TABLE "mig_book" DROP COLUMN "pages";)");
  ormc::MigrationReport report = ormc::migrate_down(*db, dir.path(), 1);
  EXPECT_EQ(report.applied, (std::vector<std::int64_t>{3, 2}));
  EXPECT_EQ(report.version, 1);
  EXPECT_EQ(scalar(*db, R"(SELECT count(*) FROM "mig_book" WHERE "title" = 'Dune')"), 1);
  EXPECT_THROW(scalar(*db, R"(SELECT "pages" FROM "mig_book")"), ormc::DatabaseError);
  EXPECT_TRUE(ormc::migrate_down(*db, dir.path(), 1).applied.empty()); // there already
  // And up again: the versions reverted are pending again.
  EXPECT_EQ(ormc::migrate(*db, dir.path()).applied, (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(scalar(*db, R"(SELECT count(*) FROM "mig_book" WHERE "rating" = 3)"), 1);
  EXPECT_THROW(ormc::migrate_down(*db, dir.path(), -1), ormc::UsageError);
}

TEST_P(MigrateTest, AFailingDownMigrationIsRolledBackWhole) {
  MigrationDir dir;
  dir.add(1, "create_book", kCreateBook);
  dir.add(2, "add_pages", kAddPages);
  dir.add_down(2, "add_pages",
               R"(ALTER TABLE "mig_book" DROP COLUMN "pages"; INSERT INTO "nowhere" VALUES (1);)");
  ormc::migrate(*db, dir.path());
  std::string error = migration_error([&] { ormc::migrate_down(*db, dir.path(), 1); });
  EXPECT_NE(error.find(".down.sql (version 2) failed, and nothing of it was applied"),
            std::string::npos)
      << error;
  EXPECT_EQ(ormc::migration_version(*db), 2);
  EXPECT_EQ(scalar(*db, R"(SELECT count("pages") FROM "mig_book")"), 0); // the column is there
}

ORMC_INSTANTIATE_FOR_BACKENDS(MigrateTest);

/// Runs migrate() in a child process and SIGKILLs it 300 ms after its `at_read`-th read of
/// ormc_migrations: migrate() reads it once to check, then in each migration's transaction just
/// before running it, and before a migration's online steps.
void kill_migrator_at_read(const std::string& url, const std::filesystem::path& dir, int at_read) {
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    close(pipe_fds[0]);
    try {
      ormc::Database own(url);
      int reads = 0;
      own.on_statement([&](const ormc::StatementEvent& e) {
        char started = 's';
        if (e.sql.find("FROM \"ormc_migrations\"") != std::string_view::npos &&
            ++reads == at_read && write(pipe_fds[1], &started, 1) != 1)
          _exit(3);
      });
      char done = 'd';
      ormc::migrate(own, dir);
      if (write(pipe_fds[1], &done, 1) != 1) _exit(3);
    } catch (...) {
      _exit(2);
    }
    _exit(0);
  }
  close(pipe_fds[1]);
  char c = 0;
  ASSERT_EQ(read(pipe_fds[0], &c, 1), 1);
  ASSERT_EQ(c, 's');
  // Soon after the signal, so inside the long statement even on a fast machine (a kill before
  // the statement starts leaves the same state; one after it ended is what the check refuses).
  std::this_thread::sleep_for(std::chrono::milliseconds(40));
  pollfd finished{pipe_fds[0], POLLIN, 0};
  ASSERT_EQ(poll(&finished, 1, 0), 0) << "the migration ended before the kill; make it longer";
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  close(pipe_fds[0]);
  ASSERT_TRUE(WIFSIGNALED(status));
}

class MigrateConcurrencyTest : public SharedDatabaseTest {};

// Each migration, and each of its online steps, once (the steps log themselves).
TEST_P(MigrateConcurrencyTest, TwoMigratorsAtOnceApplyEachMigrationOnce) {
  MigrationDir dir;
  dir.add(1, "create_book",
          std::string(kCreateBook) + "\n" + R"(CREATE TABLE "mig_log" ("step" INTEGER NOT NULL);)");
  for (int v = 2; v <= 8; ++v)
    dir.add(
        v, "column_" + std::to_string(v),
        R"(ALTER TABLE "mig_book" ADD COLUMN "c)" + std::to_string(v) + R"(" INTEGER;)" + "\n" +
            ormc::sql::online_steps_text(
                {{R"(INSERT INTO "mig_log" ("step") VALUES ()" + std::to_string(v) + ")"},
                 {R"(INSERT INTO "mig_log" ("step") VALUES ()" + std::to_string(v * 10) + ")"}}));
  std::vector<std::int64_t> applied[2];
  std::string failures[2];
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t)
    threads.emplace_back([&, t] {
      try {
        ormc::Database own(url);
        applied[t] = ormc::migrate(own, dir.path()).applied;
      } catch (const std::exception& e) {
        failures[t] = e.what();
      }
    });
  for (std::thread& t : threads)
    t.join();
  EXPECT_EQ(failures[0], "");
  EXPECT_EQ(failures[1], "");
  std::vector<std::int64_t> all = applied[0];
  all.insert(all.end(), applied[1].begin(), applied[1].end());
  std::sort(all.begin(), all.end());
  EXPECT_EQ(all, (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 7, 8}));
  ormc::Database check(url);
  EXPECT_EQ(ormc::migration_version(check), 8);
  EXPECT_EQ(scalar(check, R"(SELECT count(*) FROM "mig_log")"), 14);
  EXPECT_EQ(scalar(check, R"(SELECT count(DISTINCT "step") FROM "mig_log")"), 14);
}

// SIGKILL while migration 2 runs (a long INSERT after a CREATE TABLE, in one transaction): the
// database is at version 1 with nothing of migration 2, and migrating again applies it whole.
// (The third read: migration 2 starts.)
TEST_P(MigrateConcurrencyTest, SigkillMidMigrationLeavesTheOldVersionWhole) {
  MigrationDir dir;
  dir.add(1, "create_book", kCreateBook);
  const std::string rows = "1500000";
  dir.add(2, "big",
          R"(CREATE TABLE "mig_big" ("i" BIGINT NOT NULL);
INSERT INTO "mig_big" ("i") WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < )" +
              rows + R"() SELECT i FROM n;
ALTER TABLE "mig_book" ADD COLUMN "big_done" INTEGER;)");
  kill_migrator_at_read(url, dir.path(), 3);
  if (HasFatalFailure()) return;

  ormc::Database check(url);
  EXPECT_EQ(ormc::migration_version(check), 1);
  EXPECT_THROW(scalar(check, R"(SELECT count(*) FROM "mig_big")"), ormc::DatabaseError);
  ormc::MigrationReport again = ormc::migrate(check, dir.path());
  EXPECT_EQ(again.applied, (std::vector<std::int64_t>{2}));
  EXPECT_EQ(scalar(check, R"(SELECT count(*) FROM "mig_big")"), std::stoll(rows));
}

// SIGKILL during an online step (PostgreSQL: CREATE INDEX CONCURRENTLY; SQLite: a long INSERT,
// each step in a transaction there): the migration is applied with the step pending, and the
// next migrate() finishes it (PostgreSQL: over the invalid index the killed build may leave).
TEST_P(MigrateConcurrencyTest, SigkillDuringAnOnlineStepIsResumedByTheNextMigrate) {
  MigrationDir dir;
  const std::string rows = "1500000";
  const std::string fill =
      R"(INSERT INTO "mig_big" ("i") WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < )" +
      rows + ") SELECT i FROM n";
  dir.add(1, "create_big",
          R"(CREATE TABLE "mig_big" ("i" BIGINT NOT NULL);)" + std::string("\n") +
              (on_postgres() ? fill + ";\n" : "") +
              R"(CREATE TABLE "mig_copy" ("i" BIGINT NOT NULL);)");
  std::string step =
      on_postgres()
          ? ormc::sql::online_steps_text(
                {{R"(DROP INDEX CONCURRENTLY IF EXISTS "mig_big_md5")",
                  R"(CREATE INDEX CONCURRENTLY "mig_big_md5" ON "mig_big" (md5("i"::text)))"}})
          : ormc::sql::online_steps_text(
                {{std::string(fill).replace(fill.find("mig_big"), 7, "mig_copy")}});
  dir.write(ormc::sql::migration_file_name(2, "online", on_postgres() ? "postgresql" : "sqlite"),
            "-- version 2\n" + step);
  dir.write(ormc::sql::migration_file_name(2, "online", on_postgres() ? "sqlite" : "postgresql"),
            "-- version 2\n");
  dir.update_sum();
  kill_migrator_at_read(url, dir.path(), 4); // 4: migration 2's online steps start
  if (HasFatalFailure()) return;

  ormc::Database check(url);
  EXPECT_EQ(ormc::migration_version(check), 2);
  EXPECT_EQ(
      scalar(check, R"(SELECT "online_steps_done" FROM "ormc_migrations" WHERE "version" = 2)"), 0);
  ormc::MigrationReport again = ormc::migrate(check, dir.path());
  EXPECT_TRUE(again.applied.empty());
  EXPECT_EQ(
      scalar(check, R"(SELECT "online_steps_done" FROM "ormc_migrations" WHERE "version" = 2)"), 1);
  if (on_postgres()) {
    EXPECT_EQ(scalar(check, "SELECT count(*) FROM pg_index WHERE indexrelid = "
                            "'mig_big_md5'::regclass AND indisvalid"),
              1);
  } else {
    EXPECT_EQ(scalar(check, R"(SELECT count(*) FROM "mig_copy")"), std::stoll(rows)); // once
  }
}

// What online steps are for: while migration 2 builds an index on a 1,500,000-row table, a
// writer that waits at most 200 ms for a lock still gets its row in. Built inside the
// migration's transaction (the form ormc does not write), the same writer times out: the
// check fails where the claim is false.
TEST_P(MigrateConcurrencyTest, WritersAreNotBlockedWhileAnOnlineStepBuildsAnIndex) {
  if (!on_postgres()) GTEST_SKIP() << "SQLite has no online steps: a migration locks the file";
  for (bool online : {true, false}) {
    SCOPED_TRACE(online ? "online step" : "inside the transaction");
    MigrationDir dir;
    dir.add(1, "create_big",
            R"(CREATE TABLE "mig_big" ("i" BIGINT NOT NULL);
INSERT INTO "mig_big" ("i") SELECT generate_series(1, 1500000);)");
    std::string index = R"(CREATE INDEX "mig_big_md5" ON "mig_big" (md5("i"::text)))";
    dir.add(2, "index",
            online ? "-- version 2\n" + ormc::sql::online_steps_text({{std::string(index).replace(
                                            0, 12, "CREATE INDEX CONCURRENTLY")}})
                   : index + ";");
    std::atomic<int> reads{0};
    std::atomic<bool> finished{false};
    std::string failure;
    std::thread migrator([&] {
      try {
        ormc::Database own(url);
        own.on_statement([&](const ormc::StatementEvent& e) {
          if (e.sql.find("FROM \"ormc_migrations\"") != std::string_view::npos) ++reads;
        });
        ormc::migrate(own, dir.path());
      } catch (const std::exception& e) {
        failure = e.what();
      }
      finished = true;
    });
    // The 3rd read: migration 2's transaction begins; the 4th: its online steps.
    while (reads < (online ? 4 : 3) && !finished)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    bool building = !finished;
    std::string writer_error;
    try {
      ormc::Database writer(url);
      writer.execute("SET lock_timeout = '200ms'");
      writer.execute(R"(INSERT INTO "mig_big" ("i") VALUES (0))");
    } catch (const ormc::DatabaseError& e) {
      writer_error = e.what();
    }
    bool still_building = !finished;
    migrator.join();
    EXPECT_EQ(failure, "");
    ASSERT_TRUE(building && still_building) << "the index was built before the writer wrote";
    if (online)
      EXPECT_EQ(writer_error, "");
    else
      EXPECT_NE(writer_error.find("lock timeout"), std::string::npos) << writer_error;
    ormc::Database check(url);
    check.execute(R"(DROP TABLE "mig_big"; DROP TABLE "ormc_migrations")");
  }
}

ORMC_INSTANTIATE_FOR_BACKENDS(MigrateConcurrencyTest);

} // namespace
} // namespace unit
