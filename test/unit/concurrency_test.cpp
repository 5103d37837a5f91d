// Eight threads, each with its own connection, writing in transactions and reading at the same
// time: contention is waited out (SQLite: WAL and the busy timeout; PostgreSQL: row locks), never
// surfaced to the caller, and no row is lost or written twice.
#include "backend_fixture.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <future>
#include <mutex>
#include <set>
#include <sqlite3.h>
#include <thread>
#include <unistd.h>

namespace unit {
namespace {

class Concurrency : public SharedDatabaseTest {};

TEST_P(Concurrency, EightConnectionsWriteAndReadWithoutErrorsOrLostRows) {
  constexpr int threads = 8, transactions = 40, rows_per_transaction = 5;
  std::atomic<int> errors{0};
  std::string first_error;
  std::mutex first_error_mutex;
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&, t] {
      try {
        ormc::Database db(url);
        Models m(db);
        for (int i = 0; i < transactions; ++i) {
          ormc::Transaction tx(db);
          std::int64_t before = m.settings.count(); // a read inside the write transaction
          for (int r = 0; r < rows_per_transaction; ++r) {
            Setting s{.key = std::to_string(t) + "/" + std::to_string(i) + "/" + std::to_string(r),
                      .value = std::to_string(before)};
            m.settings.insert(s);
          }
          tx.commit();
          (void)m.settings.where(Setting_::key.like(std::to_string(t) + "/%")).count();
        }
      } catch (const std::exception& e) {
        std::lock_guard<std::mutex> lock(first_error_mutex);
        if (errors++ == 0) first_error = e.what();
      }
    });
  for (std::thread& w : workers)
    w.join();
  EXPECT_EQ(errors, 0) << first_error;

  ormc::Database check(url);
  Models m(check);
  std::vector<Setting> all = m.settings.all();
  std::set<std::string> keys;
  for (const Setting& s : all)
    keys.insert(s.key);
  EXPECT_EQ(all.size(), static_cast<std::size_t>(threads * transactions * rows_per_transaction));
  EXPECT_EQ(keys.size(), all.size());
}

// Two transactions that each read and then write, interleaved: with SQLite's deferred BEGIN both
// would take a read snapshot, and the second to write would fail with "database is locked" at
// once (the busy timeout cannot help a stale snapshot). ormc's write lock at BEGIN makes the
// second wait for the first instead.
TEST_P(Concurrency, ReadThenWriteTransactionsWaitForEachOtherInsteadOfFailing) {
  ormc::Database first_db(url), second_db(url);
  Models first(first_db), second(second_db);
  std::promise<void> first_has_read;
  std::string first_error, second_error;
  std::thread other;
  try {
    ormc::Transaction tx(first_db);
    (void)first.settings.count();
    other = std::thread([&, read = first_has_read.get_future()]() mutable {
      read.wait();
      try {
        ormc::Transaction tx2(second_db);
        Setting s{.key = "second", .value = std::to_string(second.settings.count())};
        second.settings.insert(s);
        tx2.commit();
      } catch (const std::exception& e) {
        second_error = e.what();
      }
    });
    first_has_read.set_value();
    std::this_thread::sleep_for(std::chrono::milliseconds(200)); // the other one reads meanwhile
    Setting s{.key = "first", .value = "0"};
    first.settings.insert(s);
    tx.commit();
  } catch (const std::exception& e) {
    first_error = e.what();
  }
  if (other.joinable()) other.join();
  EXPECT_EQ(first_error, "");
  EXPECT_EQ(second_error, "");
  EXPECT_EQ(first.settings.count(), 2);
}

ORMC_INSTANTIATE_FOR_BACKENDS(Concurrency);

TEST(SqliteFile, IsInWalModeSoReadersDoNotBlockTheWriter) {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("ormc_wal_" + std::to_string(getpid()) + ".db");
  std::filesystem::remove(path);
  {
    ormc::Database db("sqlite:" + path.string());
    Models m(db);
    m.create_schema();
    Setting s{.key = "k", .value = "v"};
    m.settings.insert(s);
    // In WAL mode a write goes to the -wal file beside the database while a connection is open.
    EXPECT_TRUE(std::filesystem::exists(path.string() + "-wal"));
  }
  for (const char* suffix : {"", "-wal", "-shm"})
    std::filesystem::remove(path.string() + suffix);
}

namespace {
std::string journal_mode(ormc::Database& db) {
  return db.with_connection([](auto& conn) {
    auto statement = conn.prepare("PRAGMA journal_mode");
    std::string mode;
    if (statement->step()) statement->read(0, mode);
    return mode;
  });
}

/// A database someone else made, in SQLite's default rollback-journal mode.
std::filesystem::path someones_database(const std::string& name) {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("ormc_" + name + "_" + std::to_string(getpid()) + ".db");
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(path.string() + suffix);
  sqlite3* raw = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(raw, "CREATE TABLE theirs (x INTEGER); INSERT INTO theirs VALUES (1);",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  return path;
}
} // namespace

// Opening someone's database changes none of its persistent settings: the journal mode is
// the file's, for every program that opens it, until asked.
TEST(SqliteFile, AnExistingDatabaseKeepsItsJournalModeUnlessAsked) {
  std::filesystem::path path = someones_database("keep");
  {
    ormc::Database db("sqlite:" + path.string());
    EXPECT_EQ(journal_mode(db), "delete");
    db.execute("INSERT INTO theirs VALUES (2)");
  }
  {
    ormc::Database again("sqlite:" + path.string());
    EXPECT_EQ(journal_mode(again), "delete");
    EXPECT_FALSE(std::filesystem::exists(path.string() + "-wal"));
  }
  {
    ormc::Database asked("sqlite:" + path.string() + "?journal_mode=wal");
    EXPECT_EQ(journal_mode(asked), "wal");
  }
  {
    ormc::ConnectOptions back;
    back.sqlite_journal = ormc::SqliteJournal::rollback;
    ormc::Database db("sqlite:" + path.string(), back);
    EXPECT_EQ(journal_mode(db), "delete");
  }
  {
    ormc::Database kept("sqlite:" + path.string() + "?journal_mode=keep");
    EXPECT_EQ(journal_mode(kept), "delete");
  }
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(path.string() + suffix);
}

TEST(SqliteFile, ANewFileIsPutInWalModeUnlessAskedNotTo) {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("ormc_new_" + std::to_string(getpid()) + ".db");
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(path.string() + suffix);
  {
    ormc::Database db("sqlite:" + path.string() + "?journal_mode=keep");
    EXPECT_EQ(journal_mode(db), "delete");
  }
  std::filesystem::remove(path);
  {
    ormc::Database db("sqlite:" + path.string());
    EXPECT_EQ(journal_mode(db), "wal");
  }
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(path.string() + suffix);
}

// Programs that start together open a new file together: each connection switches it to WAL,
// which needs the file to itself for a moment and which SQLite does not retry through the busy
// timeout. Every connection opens, and every create_schema() succeeds.
TEST(SqliteFile, SixteenConnectionsOpenANewFileAndCreateTheSchemaAtOnce) {
  constexpr int rounds = 30, threads = 16;
  std::atomic<int> failures{0};
  std::string first_failure;
  std::mutex first_failure_mutex;
  for (int round = 0; round < rounds; ++round) {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("ormc_open_" + std::to_string(getpid()) + ".db");
    std::atomic<int> ready{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
      workers.emplace_back([&] {
        ++ready;
        while (ready < threads) // start together
          std::this_thread::yield();
        try {
          ormc::Database db("sqlite:" + path.string());
          Models(db).create_schema();
        } catch (const std::exception& e) {
          std::lock_guard<std::mutex> lock(first_failure_mutex);
          if (failures++ == 0) first_failure = e.what();
        }
      });
    for (std::thread& w : workers)
      w.join();
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path.string() + suffix);
  }
  EXPECT_EQ(failures, 0) << first_failure;
}

} // namespace
} // namespace unit
