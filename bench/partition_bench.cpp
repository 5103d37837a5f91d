// Partition pruning on PostgreSQL: the sum of one month's amounts out of twelve months of
// events, from a table partitioned by month and from the same rows in a plain table, each with
// an index on the time. The partitioned query's plan (explain()) must scan one partition only;
// the run stops with an error otherwise, and prints the plan. The ratio of the partitioned
// table's time to the plain one's is printed.
//   ormc_partition_bench   sizes: ORMC_BENCH_EVENTS (120000), ORMC_BENCH_REPETITIONS (3);
//                          PostgreSQL: ORMC_BENCH_POSTGRES_URL or ORMC_TEST_POSTGRES_URL.
#include "bench_databases.hpp"
#include "ratio_reporter.hpp"
#include "schema.ormc.hpp"

#include <benchmark/benchmark.h>
#include <cctype>
#include <chrono>
#include <iostream>
#include <ormc/ormc.hpp>
#include <set>
#include <string>
#include <vector>

namespace bench {
namespace {
using namespace std::chrono;

const std::size_t kEvents = env_size("ORMC_BENCH_EVENTS", 120000);

/// The first instant of the month `months` from the current one (UTC).
system_clock::time_point monthStart(int months) {
  year_month_day today{floor<days>(system_clock::now())};
  return sys_days{(year_month{today.year(), today.month()} + std::chrono::months{months}) / 1};
}

/// Fills both tables once: kEvents events spread evenly over the last twelve months.
Models& filled(ormc::Database& db) {
  static Models m = [&] {
    Models fresh(db);
    fresh.drop_schema();
    fresh.create_schema();
    fresh.monthly_events.create_partitions(monthStart(-11), monthStart(0));
    const auto first = monthStart(-11);
    const auto span = monthStart(1) - first;
    std::vector<MonthlyEvent> monthly(kEvents);
    std::vector<PlainEvent> plain(kEvents);
    for (std::size_t i = 0; i < kEvents; ++i) {
      const auto at =
          floor<microseconds>(first + span * static_cast<double>(i) / static_cast<double>(kEvents));
      monthly[i] = {static_cast<std::int64_t>(i), at, "tick", static_cast<std::int64_t>(i % 100)};
      plain[i] = {static_cast<std::int64_t>(i), at, "tick", static_cast<std::int64_t>(i % 100)};
    }
    ormc::Transaction tx(db);
    fresh.monthly_events.insert_all(monthly);
    fresh.plain_events.insert_all(plain);
    tx.commit();
    db.execute("ANALYZE");
    return fresh;
  }();
  return m;
}

template <class Table, class Time> void oneMonth(benchmark::State& state, Table& table, Time at) {
  const auto from = monthStart(-3), until = monthStart(-2);
  std::int64_t rows = 0;
  for (auto _ : state) {
    rows = table.where(at >= from && at < until).count();
    benchmark::DoNotOptimize(rows);
  }
  state.counters["rows"] = static_cast<double>(rows);
}

void partitioned(benchmark::State& state) {
  ormc::Database* db = postgres_database();
  if (!db) return state.SkipWithError("no PostgreSQL: set ORMC_BENCH_POSTGRES_URL");
  Models& m = filled(*db);
  std::string plan;
  for (const std::string& line :
       m.monthly_events
           .where(MonthlyEvent_::at >= monthStart(-3) && MonthlyEvent_::at < monthStart(-2))
           .explain())
    plan += line + "\n";
  // The partitions the plan names (monthly_event_p202609, and its index ..._pkey): by number.
  std::set<std::string> scanned;
  const std::string prefix = "monthly_event_p";
  for (std::size_t at = plan.find(prefix); at != std::string::npos;
       at = plan.find(prefix, at + 1)) {
    std::size_t end = at + prefix.size();
    while (end < plan.size() && std::isdigit(static_cast<unsigned char>(plan[end])))
      ++end;
    scanned.insert(plan.substr(at, end - at));
  }
  static bool printed = false;
  if (!printed) std::cout << "partitioned plan:\n" << plan;
  printed = true;
  if (scanned.size() != 1)
    return state.SkipWithError(
        ("the plan scans " + std::to_string(scanned.size()) + " partitions, not one: no pruning")
            .c_str());
  oneMonth(state, m.monthly_events, MonthlyEvent_::at);
}

void plain(benchmark::State& state) {
  ormc::Database* db = postgres_database();
  if (!db) return state.SkipWithError("no PostgreSQL: set ORMC_BENCH_POSTGRES_URL");
  oneMonth(state, filled(*db).plain_events, PlainEvent_::at);
}

} // namespace
} // namespace bench

int main(int argc, char** argv) {
  using namespace bench;
  benchmark::Initialize(&argc, argv);
  const int reps = static_cast<int>(env_size("ORMC_BENCH_REPETITIONS", 3));
  add("postgresql/one_month/partitioned", partitioned, reps);
  add("postgresql/one_month/plain", plain, reps);
  RatioReporter reporter({{"postgresql/one_month/partitioned", "postgresql/one_month/plain", 0,
                           "(one month of twelve; the partitioned plan scans one partition)"}});
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
