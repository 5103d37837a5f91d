// Workload W through generated code and through hand-written database code, side by side:
// SQLite (raw sqlite3 C API, prepared statements reused) and PostgreSQL (raw libpq, prepared
// statements, COPY for bulk load). Prints each ormc figure as a ratio to its baseline.
//   ormc_persistence_bench [--benchmark_out=results.json --benchmark_out_format=json]
// Sizes: ORMC_BENCH_SQLITE_ROWS (1000000), ORMC_BENCH_POSTGRES_ROWS (200000),
// ORMC_BENCH_LOOKUPS (100000); PostgreSQL: ORMC_BENCH_POSTGRES_URL or ORMC_TEST_POSTGRES_URL.
#include "bench_support.hpp"
#include "ratio_reporter.hpp"
#include "schema.ormc.hpp"

#include <benchmark/benchmark.h>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <libpq-fe.h>
#include <ormc/ormc.hpp>
#include <sqlite3.h>
#include <stdexcept>
#include <string>
#include <vector>

namespace bench {
namespace {
using namespace std::chrono;

/// The workload's rows, the same every run.
std::vector<Person> make_people(std::size_t n) {
  std::vector<Person> people(n);
  for (std::size_t i = 0; i < n; ++i) {
    Person& p = people[i];
    p.name = "person " + std::to_string(i);
    p.email = "p" + std::to_string(i) + "@example.com";
    p.age = static_cast<std::int32_t>(i % 90);
    p.score = static_cast<double>((i * 37) % 1000) / 10.0;
    p.created_at = system_clock::time_point(seconds(1700000000 + static_cast<long long>(i)));
  }
  return people;
}

/// Keys to look up: spread over the table, the same every run.
std::vector<std::int64_t> lookup_keys(std::size_t rows, std::size_t count) {
  std::vector<std::int64_t> keys(count);
  std::uint64_t x = 88172645463325252ull;
  for (std::int64_t& k : keys) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    k = static_cast<std::int64_t>(x % rows) + 1;
  }
  return keys;
}

std::int64_t micros(system_clock::time_point t) {
  return duration_cast<microseconds>(t.time_since_epoch()).count();
}

// ----- SQLite -------------------------------------------------------------------------------

struct SqliteSetup {
  std::string path = (std::filesystem::temp_directory_path() / "ormc-bench.db").string();
  std::size_t rows = env_size("ORMC_BENCH_SQLITE_ROWS", 1000000);
  std::vector<Person> people = make_people(rows);
  std::vector<std::int64_t> keys = lookup_keys(rows, env_size("ORMC_BENCH_LOOKUPS", 100000));

  SqliteSetup() {
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path + suffix);
    ormc::Database db("sqlite:" + path);
    Models(db).create_schema();
  }
};
SqliteSetup& sqlite_setup() {
  static SqliteSetup setup;
  return setup;
}

/// A raw connection configured as ormc configures its own (WAL, foreign keys, busy timeout).
struct RawSqlite {
  sqlite3* db = nullptr;
  explicit RawSqlite(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) throw std::runtime_error("open");
    sqlite3_busy_timeout(db, 5000);
    exec("PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL");
  }
  ~RawSqlite() { sqlite3_close_v2(db); }
  void exec(const char* sql) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK)
      throw std::runtime_error(sqlite3_errmsg(db));
  }
  sqlite3_stmt* prepare(const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK)
      throw std::runtime_error(sqlite3_errmsg(db));
    return s;
  }
};

void read_person(sqlite3_stmt* s, Person& p) {
  p.id = sqlite3_column_int64(s, 0);
  p.name.assign(reinterpret_cast<const char*>(sqlite3_column_text(s, 1)),
                static_cast<std::size_t>(sqlite3_column_bytes(s, 1)));
  p.email.assign(reinterpret_cast<const char*>(sqlite3_column_text(s, 2)),
                 static_cast<std::size_t>(sqlite3_column_bytes(s, 2)));
  p.age = sqlite3_column_int(s, 3);
  p.score = sqlite3_column_double(s, 4);
  p.created_at = system_clock::time_point(microseconds(sqlite3_column_int64(s, 5)));
}

constexpr const char* kSelectAll =
    R"(SELECT "id", "name", "email", "age", "score", "created_at" FROM "person")";

void empty_sqlite_table(benchmark::State& state) {
  state.PauseTiming();
  // The same starting point for every run: an empty table in a compact file, an empty WAL.
  RawSqlite raw(sqlite_setup().path);
  raw.exec(R"(DELETE FROM "person"; PRAGMA wal_checkpoint(TRUNCATE); VACUUM)");
  state.ResumeTiming();
}

void sqlite_insert_ormc(benchmark::State& state) {
  SqliteSetup& s = sqlite_setup();
  ormc::Database db("sqlite:" + s.path);
  Models m(db);
  for (auto _ : state) {
    empty_sqlite_table(state);
    m.people.insert_all(s.people); // one transaction, one prepared INSERT reused
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * s.rows));
}

void sqlite_insert_raw(benchmark::State& state) {
  SqliteSetup& s = sqlite_setup();
  RawSqlite raw(s.path);
  sqlite3_stmt* insert = raw.prepare(R"(INSERT INTO "person" ("name", "email", "age", "score", )"
                                     R"("created_at") VALUES (?, ?, ?, ?, ?))");
  for (auto _ : state) {
    empty_sqlite_table(state);
    raw.exec("BEGIN IMMEDIATE");
    for (Person& p : s.people) {
      sqlite3_bind_text(insert, 1, p.name.data(), static_cast<int>(p.name.size()), SQLITE_STATIC);
      sqlite3_bind_text(insert, 2, p.email.data(), static_cast<int>(p.email.size()), SQLITE_STATIC);
      sqlite3_bind_int(insert, 3, p.age);
      sqlite3_bind_double(insert, 4, p.score);
      sqlite3_bind_int64(insert, 5, micros(p.created_at));
      if (sqlite3_step(insert) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(raw.db));
      p.id = sqlite3_last_insert_rowid(raw.db);
      sqlite3_reset(insert);
    }
    raw.exec("COMMIT");
  }
  sqlite3_finalize(insert);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * s.rows));
}

void sqlite_select_ormc(benchmark::State& state) {
  ormc::Database db("sqlite:" + sqlite_setup().path);
  Models m(db);
  for (auto _ : state) {
    std::vector<Person> all = m.people.all();
    benchmark::DoNotOptimize(all.data());
  }
}

void sqlite_select_raw(benchmark::State& state) {
  RawSqlite raw(sqlite_setup().path);
  sqlite3_stmt* select = raw.prepare(kSelectAll);
  for (auto _ : state) {
    std::vector<Person> all;
    while (sqlite3_step(select) == SQLITE_ROW)
      read_person(select, all.emplace_back());
    sqlite3_reset(select);
    benchmark::DoNotOptimize(all.data());
  }
  sqlite3_finalize(select);
}

void sqlite_lookup_ormc(benchmark::State& state) {
  ormc::Database db("sqlite:" + sqlite_setup().path);
  Models m(db);
  for (auto _ : state)
    for (std::int64_t key : sqlite_setup().keys) {
      std::optional<Person> p = m.people.get(key);
      benchmark::DoNotOptimize(p);
    }
}

void sqlite_lookup_raw(benchmark::State& state) {
  RawSqlite raw(sqlite_setup().path);
  sqlite3_stmt* get = raw.prepare(R"(SELECT "id", "name", "email", "age", "score", )"
                                  R"("created_at" FROM "person" WHERE "id" = ?)");
  for (auto _ : state)
    for (std::int64_t key : sqlite_setup().keys) {
      std::optional<Person> p;
      sqlite3_bind_int64(get, 1, key);
      if (sqlite3_step(get) == SQLITE_ROW) read_person(get, p.emplace());
      sqlite3_reset(get);
      benchmark::DoNotOptimize(p);
    }
  sqlite3_finalize(get);
}

void sqlite_iterate_ormc(benchmark::State& state) {
  ormc::Database db("sqlite:" + sqlite_setup().path);
  Models m(db);
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (const Person& p : m.people.query())
      sum += p.age;
    benchmark::DoNotOptimize(sum);
  }
}

void sqlite_iterate_raw(benchmark::State& state) {
  RawSqlite raw(sqlite_setup().path);
  sqlite3_stmt* select = raw.prepare(kSelectAll);
  for (auto _ : state) {
    std::int64_t sum = 0;
    Person p;
    while (sqlite3_step(select) == SQLITE_ROW) {
      read_person(select, p);
      sum += p.age;
    }
    sqlite3_reset(select);
    benchmark::DoNotOptimize(sum);
  }
  sqlite3_finalize(select);
}

// ----- PostgreSQL ---------------------------------------------------------------------------

struct PostgresSetup {
  std::string url = postgres_url();
  std::size_t rows = env_size("ORMC_BENCH_POSTGRES_ROWS", 200000);
  std::vector<Person> people = make_people(rows);
  std::vector<std::int64_t> keys = lookup_keys(rows, env_size("ORMC_BENCH_LOOKUPS", 100000));

  PostgresSetup() {
    if (url.empty()) return;
    ormc::Database db(url);
    db.execute(R"(DROP TABLE IF EXISTS "person")");
    Models(db).create_schema();
  }
};
PostgresSetup& postgres_setup() {
  static PostgresSetup setup;
  return setup;
}

struct RawPostgres {
  PGconn* conn;
  explicit RawPostgres(const std::string& url) : conn(PQconnectdb(url.c_str())) {
    if (PQstatus(conn) != CONNECTION_OK) throw std::runtime_error(PQerrorMessage(conn));
    exec("SET TIME ZONE 'UTC'");
  }
  ~RawPostgres() { PQfinish(conn); }
  void check(PGresult* r) {
    ExecStatusType status = PQresultStatus(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_COPY_IN) {
      std::string message = PQresultErrorMessage(r);
      PQclear(r);
      throw std::runtime_error(message);
    }
  }
  void exec(const char* sql) {
    PGresult* r = PQexec(conn, sql);
    check(r);
    PQclear(r);
  }
  void prepare(const char* name, const char* sql) {
    PGresult* r = PQprepare(conn, name, sql, 0, nullptr);
    check(r);
    PQclear(r);
  }
};

/// What a hand-written reader does with PostgreSQL's text timestamps (UTC session).
system_clock::time_point parse_time(const char* text) {
  int y, mo, d, h, mi, s;
  char fraction[8] = {0};
  std::sscanf(text, "%d-%d-%d %d:%d:%d.%6[0-9]", &y, &mo, &d, &h, &mi, &s, fraction);
  std::chrono::year_month_day date{std::chrono::year(y), std::chrono::month(unsigned(mo)),
                                   std::chrono::day(unsigned(d))};
  long long us = 0;
  if (fraction[0]) {
    us = std::atoll(fraction);
    for (std::size_t n = std::strlen(fraction); n < 6; ++n)
      us *= 10;
  }
  return std::chrono::sys_days(date) + hours(h) + minutes(mi) + seconds(s) + microseconds(us);
}

void read_person(PGresult* r, int row, Person& p) {
  p.id = std::atoll(PQgetvalue(r, row, 0));
  p.name.assign(PQgetvalue(r, row, 1), static_cast<std::size_t>(PQgetlength(r, row, 1)));
  p.email.assign(PQgetvalue(r, row, 2), static_cast<std::size_t>(PQgetlength(r, row, 2)));
  p.age = std::atoi(PQgetvalue(r, row, 3));
  p.score = std::strtod(PQgetvalue(r, row, 4), nullptr);
  p.created_at = parse_time(PQgetvalue(r, row, 5));
}

std::string format_time(system_clock::time_point t) {
  std::time_t secs = system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S+00", &tm);
  return text;
}

bool skip_without_postgres(benchmark::State& state) {
  if (!postgres_setup().url.empty()) return false;
  state.SkipWithError("no PostgreSQL: set ORMC_BENCH_POSTGRES_URL");
  return true;
}

void empty_postgres_table(benchmark::State& state) {
  state.PauseTiming();
  RawPostgres raw(postgres_setup().url);
  raw.exec(R"(TRUNCATE "person" RESTART IDENTITY)");
  state.ResumeTiming();
}

void postgres_insert_ormc(benchmark::State& state) {
  if (skip_without_postgres(state)) return;
  PostgresSetup& s = postgres_setup();
  ormc::Database db(s.url);
  Models m(db);
  for (auto _ : state) {
    empty_postgres_table(state);
    ormc::Transaction tx(db);
    m.people.insert_all(s.people);
    tx.commit();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * s.rows));
}

void postgres_insert_raw_copy(benchmark::State& state) {
  if (skip_without_postgres(state)) return;
  PostgresSetup& s = postgres_setup();
  RawPostgres raw(s.url);
  for (auto _ : state) {
    empty_postgres_table(state);
    raw.exec(R"(COPY "person" ("name", "email", "age", "score", "created_at") FROM STDIN)");
    std::string chunk;
    char number[32];
    for (const Person& p : s.people) {
      chunk += p.name; // the workload has no tabs, newlines or backslashes to escape
      chunk += '\t';
      chunk += p.email;
      chunk += '\t';
      chunk += std::to_string(p.age);
      chunk += '\t';
      std::snprintf(number, sizeof number, "%.17g", p.score);
      chunk += number;
      chunk += '\t';
      chunk += format_time(p.created_at);
      chunk += '\n';
      if (chunk.size() > 65536) {
        PQputCopyData(raw.conn, chunk.data(), static_cast<int>(chunk.size()));
        chunk.clear();
      }
    }
    PQputCopyData(raw.conn, chunk.data(), static_cast<int>(chunk.size()));
    PQputCopyEnd(raw.conn, nullptr);
    PGresult* r = PQgetResult(raw.conn);
    raw.check(r);
    PQclear(r);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * s.rows));
}

void postgres_insert_raw_per_row(benchmark::State& state) {
  if (skip_without_postgres(state)) return;
  PostgresSetup& s = postgres_setup();
  RawPostgres raw(s.url);
  raw.prepare("insert", R"(INSERT INTO "person" ("name", "email", "age", "score", "created_at"))"
                        R"( VALUES ($1, $2, $3, $4, $5) RETURNING "id")");
  for (auto _ : state) {
    empty_postgres_table(state);
    raw.exec("BEGIN");
    for (Person& p : s.people) {
      std::string age = std::to_string(p.age), score = std::to_string(p.score),
                  at = format_time(p.created_at);
      const char* values[] = {p.name.c_str(), p.email.c_str(), age.c_str(), score.c_str(),
                              at.c_str()};
      PGresult* r = PQexecPrepared(raw.conn, "insert", 5, values, nullptr, nullptr, 0);
      raw.check(r);
      p.id = std::atoll(PQgetvalue(r, 0, 0));
      PQclear(r);
    }
    raw.exec("COMMIT");
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * s.rows));
}

/// The table the reading benchmarks read: filled once, by ormc.
void fill_postgres(benchmark::State& state) {
  static bool filled = false;
  if (filled) return;
  state.PauseTiming();
  ormc::Database db(postgres_setup().url);
  db.execute(R"(TRUNCATE "person" RESTART IDENTITY)");
  std::vector<Person> people = postgres_setup().people;
  Models(db).people.insert_all(people);
  filled = true;
  state.ResumeTiming();
}

void postgres_select_ormc(benchmark::State& state) {
  if (skip_without_postgres(state)) return;
  ormc::Database db(postgres_setup().url);
  Models m(db);
  for (auto _ : state) {
    fill_postgres(state);
    std::vector<Person> all = m.people.all();
    benchmark::DoNotOptimize(all.data());
  }
}

void postgres_select_raw(benchmark::State& state) {
  if (skip_without_postgres(state)) return;
  RawPostgres raw(postgres_setup().url);
  raw.prepare("all", R"(SELECT "id", "name", "email", "age", "score", "created_at" FROM "person")"
                     R"( ORDER BY "id")");
  for (auto _ : state) {
    fill_postgres(state);
    PGresult* r = PQexecPrepared(raw.conn, "all", 0, nullptr, nullptr, nullptr, 0);
    raw.check(r);
    std::vector<Person> all;
    for (int row = 0, n = PQntuples(r); row < n; ++row)
      read_person(r, row, all.emplace_back());
    PQclear(r);
    benchmark::DoNotOptimize(all.data());
  }
}

void postgres_lookup_ormc(benchmark::State& state) {
  if (skip_without_postgres(state)) return;
  ormc::Database db(postgres_setup().url);
  Models m(db);
  for (auto _ : state) {
    fill_postgres(state);
    for (std::int64_t key : postgres_setup().keys) {
      std::optional<Person> p = m.people.get(key);
      benchmark::DoNotOptimize(p);
    }
  }
}

void postgres_lookup_raw(benchmark::State& state) {
  if (skip_without_postgres(state)) return;
  RawPostgres raw(postgres_setup().url);
  raw.prepare("get", R"(SELECT "id", "name", "email", "age", "score", "created_at" FROM "person")"
                     R"( WHERE "id" = $1)");
  for (auto _ : state) {
    fill_postgres(state);
    for (std::int64_t key : postgres_setup().keys) {
      std::string text = std::to_string(key);
      const char* values[] = {text.c_str()};
      PGresult* r = PQexecPrepared(raw.conn, "get", 1, values, nullptr, nullptr, 0);
      raw.check(r);
      std::optional<Person> p;
      if (PQntuples(r) == 1) read_person(r, 0, p.emplace());
      PQclear(r);
      benchmark::DoNotOptimize(p);
    }
  }
}

void postgres_get_many_ormc(benchmark::State& state) {
  if (skip_without_postgres(state)) return;
  ormc::Database db(postgres_setup().url);
  Models m(db);
  const std::vector<std::int64_t>& keys = postgres_setup().keys;
  for (auto _ : state) {
    fill_postgres(state);
    for (std::size_t i = 0; i < keys.size(); i += 1000) {
      std::vector<std::int64_t> batch(
          keys.begin() + static_cast<std::ptrdiff_t>(i),
          keys.begin() + static_cast<std::ptrdiff_t>(std::min(i + 1000, keys.size())));
      std::vector<Person> found = m.people.get_many(batch);
      benchmark::DoNotOptimize(found.data());
    }
  }
}

void postgres_iterate_ormc(benchmark::State& state) {
  if (skip_without_postgres(state)) return;
  ormc::Database db(postgres_setup().url);
  Models m(db);
  for (auto _ : state) {
    fill_postgres(state);
    std::int64_t sum = 0;
    for (const Person& p : m.people.query())
      sum += p.age;
    benchmark::DoNotOptimize(sum);
  }
}

void postgres_iterate_ormc_in_transaction(benchmark::State& state) {
  if (skip_without_postgres(state)) return;
  ormc::Database db(postgres_setup().url);
  Models m(db);
  for (auto _ : state) {
    fill_postgres(state);
    std::int64_t sum = 0;
    ormc::Transaction tx(db); // the cursor needs no WITH HOLD inside a transaction
    for (const Person& p : m.people.query())
      sum += p.age;
    tx.commit();
    benchmark::DoNotOptimize(sum);
  }
}

void postgres_iterate_raw(benchmark::State& state) {
  if (skip_without_postgres(state)) return;
  RawPostgres raw(postgres_setup().url);
  for (auto _ : state) {
    fill_postgres(state);
    std::int64_t sum = 0;
    Person p;
    raw.exec("BEGIN");
    raw.exec(R"(DECLARE rows NO SCROLL CURSOR FOR SELECT "id", "name", "email", "age", "score", )"
             R"("created_at" FROM "person" ORDER BY "id")");
    for (;;) {
      PGresult* r = PQexec(raw.conn, "FETCH 1000 FROM rows");
      raw.check(r);
      int n = PQntuples(r);
      for (int row = 0; row < n; ++row) {
        read_person(r, row, p);
        sum += p.age;
      }
      PQclear(r);
      if (n == 0) break;
    }
    raw.exec("CLOSE rows");
    raw.exec("COMMIT");
    benchmark::DoNotOptimize(sum);
  }
}

} // namespace
} // namespace bench

int main(int argc, char** argv) {
  using namespace bench;
  benchmark::Initialize(&argc, argv);
  int reps = static_cast<int>(env_size("ORMC_BENCH_REPETITIONS", 3));
  add("sqlite/insert/raw", sqlite_insert_raw, reps);
  add("sqlite/insert/ormc", sqlite_insert_ormc, reps);
  add("sqlite/select/raw", sqlite_select_raw, reps);
  add("sqlite/select/ormc", sqlite_select_ormc, reps);
  add("sqlite/lookup/raw", sqlite_lookup_raw, reps);
  add("sqlite/lookup/ormc", sqlite_lookup_ormc, reps);
  add("sqlite/iterate/raw", sqlite_iterate_raw, reps);
  add("sqlite/iterate/ormc", sqlite_iterate_ormc, reps);
  add("postgresql/insert/raw_copy", postgres_insert_raw_copy, reps);
  add("postgresql/insert/ormc", postgres_insert_ormc, reps);
  add("postgresql/insert/raw_per_row", postgres_insert_raw_per_row, 1);
  add("postgresql/select/raw", postgres_select_raw, reps);
  add("postgresql/select/ormc", postgres_select_ormc, reps);
  add("postgresql/lookup/raw", postgres_lookup_raw, 1);
  add("postgresql/lookup/ormc", postgres_lookup_ormc, 1);
  add("postgresql/get_many/ormc", postgres_get_many_ormc, reps);
  add("postgresql/iterate/raw", postgres_iterate_raw, reps);
  add("postgresql/iterate/ormc", postgres_iterate_ormc, reps);
  add("postgresql/iterate/ormc_in_transaction", postgres_iterate_ormc_in_transaction, reps);

  RatioReporter reporter({
      {"sqlite/insert/ormc", "sqlite/insert/raw", 1.05, ""},
      {"sqlite/select/ormc", "sqlite/select/raw", 1.05, ""},
      {"sqlite/lookup/ormc", "sqlite/lookup/raw", 1.05, ""},
      {"sqlite/iterate/ormc", "sqlite/iterate/raw", 1.05, ""},
      {"postgresql/insert/ormc", "postgresql/insert/raw_copy", 1.2, ""},
      {"postgresql/insert/raw_per_row", "postgresql/insert/ormc", 0,
       "(per-row / ormc: >= 20 wanted)"},
      {"postgresql/select/ormc", "postgresql/select/raw", 1.1, ""},
      {"postgresql/lookup/ormc", "postgresql/lookup/raw", 0, "(round trip per key)"},
      {"postgresql/get_many/ormc", "postgresql/lookup/ormc", 0.1,
       "(batched vs one round trip per key)"},
      {"postgresql/iterate/ormc", "postgresql/iterate/raw", 1.1,
       "(outside a transaction: WITH HOLD)"},
      {"postgresql/iterate/ormc_in_transaction", "postgresql/iterate/raw", 1.1, ""},
  });
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
