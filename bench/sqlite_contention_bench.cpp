// Sixteen threads share one SQLite file through an ormc::Pool: a mix of single-statement
// writes, read-then-write transactions and reads. Counts the operations that fail because the
// database stayed locked, beside the same workload written by hand against sqlite3 the way most
// code does it (deferred BEGIN, the same 5 s busy timeout). Issue 14 asked for that rate.
//   ormc_sqlite_contention_bench [threads] [operations]   (16, 32000)
#include "schema.ormc.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <ormc/ormc.hpp>
#include <sqlite3.h>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace bench {
namespace {

struct Outcome {
  std::atomic<long> done{0}, locked{0}, other{0};
  double seconds = 0;
};

/// Which operation the i-th of a thread is: 4 of 10 single writes, 3 transactions, 3 reads.
enum class Kind { write, transaction, read };
Kind kind_of(long i) {
  long r = i % 10;
  return r < 4 ? Kind::write : r < 7 ? Kind::transaction : Kind::read;
}

Person person(int thread, long i) {
  Person p;
  p.name = "t" + std::to_string(thread) + "/" + std::to_string(i);
  p.email = p.name + "@example.com";
  p.age = static_cast<std::int32_t>(i % 90);
  return p;
}

template <class Work> void run_threads(int threads, long per_thread, Outcome& out, Work work) {
  auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&, t] {
      for (long i = 0; i < per_thread; ++i)
        work(t, i);
    });
  for (std::thread& w : workers)
    w.join();
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void run_ormc(const std::string& path, int threads, long per_thread, Outcome& out) {
  ormc::Pool pool("sqlite:" + path, static_cast<std::size_t>(threads));
  run_threads(threads, per_thread, out, [&](int t, long i) {
    try {
      auto db = pool.acquire();
      Models m(*db);
      // Every thread starts as a process would: opening a new file and creating the schema.
      if (i == 0) m.create_schema();
      switch (kind_of(i)) {
      case Kind::write: {
        Person p = person(t, i);
        m.people.insert(p);
        break;
      }
      case Kind::transaction: {
        ormc::Transaction tx(*db);
        Person p = person(t, i);
        p.age = static_cast<std::int32_t>(m.people.count() % 90); // read, then write
        m.people.insert(p);
        tx.commit();
        break;
      }
      case Kind::read:
        (void)m.people.where(Person_::age == static_cast<std::int32_t>(i % 90)).count();
        break;
      }
      ++out.done;
    } catch (const ormc::TransactionConflict& e) { // SQLITE_BUSY / SQLITE_LOCKED
      if (out.locked++ < 5)
        std::fprintf(stderr, "ormc, locked: %s [%s]\n", e.what(), e.sql().c_str());
    } catch (const std::exception& e) {
      if (out.other++ < 5) std::fprintf(stderr, "ormc: %s\n", e.what());
    }
  });
}

/// What hand-written code usually does: deferred BEGIN, so a transaction that reads first must
/// upgrade its lock later, and in WAL mode that fails at once when another writer got there.
void run_raw(const std::string& path, int threads, long per_thread, Outcome& out) {
  {
    ormc::Database db("sqlite:" + path);
    Models(db).create_schema();
  }
  std::vector<sqlite3*> connections(static_cast<std::size_t>(threads));
  for (sqlite3*& c : connections) {
    sqlite3_open(path.c_str(), &c);
    sqlite3_busy_timeout(c, 5000);
    sqlite3_exec(c, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
  }
  run_threads(threads, per_thread, out, [&](int t, long i) {
    sqlite3* c = connections[static_cast<std::size_t>(t)];
    auto exec = [&](const char* sql) { return sqlite3_exec(c, sql, nullptr, nullptr, nullptr); };
    auto insert = [&] {
      Person p = person(t, i);
      sqlite3_stmt* s = nullptr;
      sqlite3_prepare_v2(c, R"(INSERT INTO "person" ("name", "email", "age", "score", "created_at")
                               VALUES (?, ?, ?, 0, 0))",
                         -1, &s, nullptr);
      sqlite3_bind_text(s, 1, p.name.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(s, 2, p.email.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int(s, 3, p.age);
      int rc = sqlite3_step(s);
      sqlite3_finalize(s);
      return rc == SQLITE_DONE ? SQLITE_OK : rc;
    };
    int rc = SQLITE_OK;
    switch (kind_of(i)) {
    case Kind::write:
      rc = insert();
      break;
    case Kind::transaction:
      rc = exec("BEGIN");
      if (rc == SQLITE_OK) rc = exec(R"(SELECT COUNT(*) FROM "person")");
      if (rc == SQLITE_OK) rc = insert();
      if (rc == SQLITE_OK) rc = exec("COMMIT");
      if (rc != SQLITE_OK) exec("ROLLBACK");
      break;
    case Kind::read:
      rc = exec(R"(SELECT COUNT(*) FROM "person" WHERE "age" = 7)");
      break;
    }
    int primary = rc & 0xff;
    if (rc == SQLITE_OK)
      ++out.done;
    else if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
      ++out.locked;
    else if (out.other++ == 0)
      std::fprintf(stderr, "raw: %s\n", sqlite3_errmsg(c));
  });
  for (sqlite3* c : connections)
    sqlite3_close(c);
}

void report(const char* name, const Outcome& out, long total) {
  std::printf("%-28s %6ld done  %4ld locked  %3ld other  %.1f locked per 32,000  %.0f ops/s\n",
              name, out.done.load(), out.locked.load(), out.other.load(),
              32000.0 * static_cast<double>(out.locked) / static_cast<double>(total),
              static_cast<double>(total) / out.seconds);
}

} // namespace
} // namespace bench

int main(int argc, char** argv) {
  int threads = argc > 1 ? std::atoi(argv[1]) : 16;
  long operations = argc > 2 ? std::atol(argv[2]) : 32000;
  if (threads <= 0 || operations < threads) {
    std::fprintf(stderr, "usage: %s [threads > 0] [operations >= threads]\n", argv[0]);
    return 2;
  }
  long per_thread = operations / threads, total = per_thread * threads;
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("ormc_contention_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  bench::Outcome ormc_outcome, raw_outcome;
  bench::run_ormc((dir / "ormc.db").string(), threads, per_thread, ormc_outcome);
  bench::run_raw((dir / "raw.db").string(), threads, per_thread, raw_outcome);
  std::filesystem::remove_all(dir);
  std::printf("%d threads, %ld operations each way (4/10 writes, 3/10 read-then-write "
              "transactions, 3/10 reads)\n",
              threads, total);
  bench::report("sqlite/contention/ormc", ormc_outcome, total);
  bench::report("sqlite/contention/raw-deferred", raw_outcome, total);
  // ormc waits contention out: any failed operation fails the run (and its smoke test).
  return ormc_outcome.locked == 0 && ormc_outcome.other == 0 ? 0 : 1;
}
