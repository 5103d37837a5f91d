// The cost of history on updates: 10,000 update() calls in one transaction, on a table without
// history and on the same table with ormc:table(versioned), whose triggers write a version per
// update. Spread over 1,000 accounts (10 versions each), and on 10 hot accounts (1,000 versions
// each: the cost of a version must not grow with the versions before it). Each repetition starts
// from fresh tables, and the versioned run checks that it recorded exactly one version per write
// (an error otherwise). The ratio of the versioned table's time to the plain one's is printed.
//   ormc_history_bench     sizes: ORMC_BENCH_UPDATES (10000), ORMC_BENCH_ACCOUNTS (1000),
//                          ORMC_BENCH_HOT_ACCOUNTS (10), ORMC_BENCH_REPETITIONS (3);
//                          PostgreSQL: ORMC_BENCH_POSTGRES_URL or ORMC_TEST_POSTGRES_URL.
#include "bench_databases.hpp"
#include "ratio_reporter.hpp"
#include "schema.ormc.hpp"

#include <benchmark/benchmark.h>
#include <ormc/ormc.hpp>
#include <string>
#include <vector>

namespace bench {
namespace {

const std::size_t kUpdates = env_size("ORMC_BENCH_UPDATES", 10000);
const std::size_t kSpread = env_size("ORMC_BENCH_ACCOUNTS", 1000);
const std::size_t kHot = env_size("ORMC_BENCH_HOT_ACCOUNTS", 10);

/// Fresh tables holding kAccounts rows of `Row`, then kUpdates updates timed.
template <class Row>
void updates(benchmark::State& state, ormc::Database& db, const std::size_t kAccounts) {
  Models m(db);
  m.drop_schema();
  m.create_schema();
  auto& table = [&]() -> ormc::Table<Row>& {
    if constexpr (std::is_same_v<Row, Account>)
      return m.accounts;
    else
      return m.audited_accounts;
  }();
  std::vector<Row> rows(kAccounts);
  for (std::size_t i = 0; i < kAccounts; ++i)
    rows[i].owner = "owner " + std::to_string(i);
  {
    ormc::Transaction tx(db);
    table.insert_all(rows);
    tx.commit();
  }
  for (auto _ : state) {
    ormc::Transaction tx(db);
    for (std::size_t i = 0; i < kUpdates; ++i) {
      Row& row = rows[i % kAccounts];
      row.balance_cents += 1;
      table.update(row);
    }
    tx.commit();
  }
  state.counters["us_per_update"] = benchmark::Counter(
      static_cast<double>(kUpdates) / 1e6,
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  if constexpr (!std::is_same_v<Row, Account>) {
    std::int64_t versions = 0;
    // Every account (however few): its insert and its share of the updates each.
    for (const Row& row : rows)
      versions += static_cast<std::int64_t>(table.history(row.id).size());
    const std::int64_t expected = static_cast<std::int64_t>(kAccounts + kUpdates);
    if (versions != expected)
      state.SkipWithError(("history holds " + std::to_string(versions) + " versions of " +
                           std::to_string(kAccounts) + " accounts, not " + std::to_string(expected))
                              .c_str());
  }
}

ormc::Database& sqlite() {
  return fresh_sqlite_file("ormc-history-bench.db");
}

template <class Row, bool Hot> void sqlite_updates(benchmark::State& state) {
  updates<Row>(state, sqlite(), Hot ? kHot : kSpread);
}

template <class Row, bool Hot> void postgres_updates(benchmark::State& state) {
  ormc::Database* db = postgres_database();
  if (!db) {
    state.SkipWithError("no PostgreSQL: set ORMC_BENCH_POSTGRES_URL");
    return;
  }
  updates<Row>(state, *db, Hot ? kHot : kSpread);
}

} // namespace
} // namespace bench

int main(int argc, char** argv) {
  using namespace bench;
  benchmark::Initialize(&argc, argv);
  const int reps = static_cast<int>(env_size("ORMC_BENCH_REPETITIONS", 3));
  add("sqlite/update/plain", sqlite_updates<Account, false>, reps);
  add("sqlite/update/versioned", sqlite_updates<AuditedAccount, false>, reps);
  add("sqlite/hot_update/plain", sqlite_updates<Account, true>, reps);
  add("sqlite/hot_update/versioned", sqlite_updates<AuditedAccount, true>, reps);
  add("postgresql/update/plain", postgres_updates<Account, false>, reps);
  add("postgresql/update/versioned", postgres_updates<AuditedAccount, false>, reps);
  add("postgresql/hot_update/plain", postgres_updates<Account, true>, reps);
  add("postgresql/hot_update/versioned", postgres_updates<AuditedAccount, true>, reps);
  RatioReporter reporter({
      {"sqlite/update/versioned", "sqlite/update/plain", 0, "(10 versions per account)"},
      {"sqlite/hot_update/versioned", "sqlite/hot_update/plain", 0, "(1,000 versions per account)"},
      {"postgresql/update/versioned", "postgresql/update/plain", 0, "(10 versions per account)"},
      {"postgresql/hot_update/versioned", "postgresql/hot_update/plain", 0,
       "(1,000 versions per account)"},
  });
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
