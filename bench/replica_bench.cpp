// Read throughput of an ormc::Cluster: 8 client threads each run reads (one day's events of a
// year, counted through an index) with Cluster::read(), against a primary and one streaming
// standby, and against the primary alone. The reads of the first must reach the standby
// (pg_is_in_recovery()); the run stops with an error otherwise. The ratio of the times of the
// same number of reads is printed: below 1, the cluster reads more per second.
//   ormc_replica_bench   under scripts/with-postgres.sh --standby (ORMC_TEST_POSTGRES_URL and
//                        ORMC_TEST_POSTGRES_STANDBY_URL); sizes: ORMC_BENCH_EVENTS (20000),
//                        ORMC_BENCH_READS (200 per thread), ORMC_BENCH_REPETITIONS (3).
#include "bench_support.hpp"
#include "ratio_reporter.hpp"
#include "schema.ormc.hpp"

#include <atomic>
#include <benchmark/benchmark.h>
#include <chrono>
#include <memory>
#include <ormc/cluster.hpp>
#include <ormc/ormc.hpp>
#include <thread>
#include <tuple>
#include <vector>

namespace bench {
namespace {
using namespace std::chrono;

constexpr int kClients = 8;
const std::size_t kEvents = env_size("ORMC_BENCH_EVENTS", 20000);
const std::size_t kReads = env_size("ORMC_BENCH_READS", 200);
const auto kFirst = sys_days{year{2026} / 1 / 1};

std::string standby_url() {
  const char* v = std::getenv("ORMC_TEST_POSTGRES_STANDBY_URL");
  return v ? v : "";
}

bool in_recovery(ormc::Database& db) {
  return std::get<0>(ormc::raw<std::tuple<bool>>(db, "SELECT pg_is_in_recovery()").at(0));
}

/// The two clusters, over tables filled once on the primary and replayed by the standby.
struct Clusters {
  std::unique_ptr<ormc::Cluster> with_standby;
  std::unique_ptr<ormc::Cluster> primary_alone;
  std::string error;
};

Clusters& clusters() {
  static Clusters c = [] {
    Clusters made;
    if (postgres_url().empty() || standby_url().empty()) {
      made.error = "no primary and standby: run under scripts/with-postgres.sh --standby";
      return made;
    }
    ormc::ClusterOptions options{.connections_per_server = kClients};
    made.with_standby = std::make_unique<ormc::Cluster>(
        postgres_url(), std::vector<std::string>{standby_url()}, options);
    made.primary_alone =
        std::make_unique<ormc::Cluster>(postgres_url(), std::vector<std::string>{}, options);
    ormc::Session session(*made.with_standby);
    session.write([](ormc::Database& db) {
      Models m(db);
      m.drop_schema();
      m.create_schema();
      std::vector<PlainEvent> events(kEvents);
      for (std::size_t i = 0; i < kEvents; ++i)
        events[i] = {static_cast<std::int64_t>(i), kFirst + days(i % 365) + seconds(i % 86400),
                     "tick", static_cast<std::int64_t>(i % 100)};
      m.plain_events.insert_all(events);
    });
    made.with_standby->primary()->execute("ANALYZE");
    // Waits until the standby has the rows (the session's read goes there once it has).
    for (int tries = 0; !session.read([](ormc::Database& db) { return in_recovery(db); });
         ++tries) {
      if (tries > 500) {
        made.error = "the standby does not replay the primary's rows";
        break;
      }
      std::this_thread::sleep_for(milliseconds(20));
    }
    return made;
  }();
  return c;
}

/// kClients threads, each running kReads reads through `cluster`; how many ran on a standby.
int read_from_clients(ormc::Cluster& cluster) {
  std::atomic<int> on_standby{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c)
    clients.emplace_back([&, c] {
      for (std::size_t i = 0; i < kReads; ++i) {
        const system_clock::time_point day = kFirst + days((static_cast<std::size_t>(c) * 37 + i) % 365);
        bool standby = cluster.read([&](ormc::Database& db) {
          auto n = Models(db)
                       .plain_events.where(PlainEvent_::at >= day && PlainEvent_::at < day + days{1})
                       .count();
          benchmark::DoNotOptimize(n);
          return i == 0 && in_recovery(db);
        });
        if (standby) ++on_standby;
      }
    });
  for (auto& t : clients)
    t.join();
  return on_standby;
}

void reads(benchmark::State& state, bool standby) {
  Clusters& c = clusters();
  if (!c.error.empty()) return state.SkipWithError(c.error.c_str());
  ormc::Cluster& cluster = standby ? *c.with_standby : *c.primary_alone;
  int on_standby = 0;
  for (auto _ : state)
    on_standby = read_from_clients(cluster);
  if (standby && on_standby != kClients)
    return state.SkipWithError("reads did not reach the standby");
  state.counters["reads/s"] = benchmark::Counter(static_cast<double>(kClients * kReads),
                                                 benchmark::Counter::kIsRate);
}

void withStandby(benchmark::State& state) { reads(state, true); }
void primaryAlone(benchmark::State& state) { reads(state, false); }

} // namespace
} // namespace bench

int main(int argc, char** argv) {
  using namespace bench;
  benchmark::Initialize(&argc, argv);
  const int reps = static_cast<int>(env_size("ORMC_BENCH_REPETITIONS", 3));
  add("postgresql/reads_8_clients/primary_and_standby", withStandby, reps);
  add("postgresql/reads_8_clients/primary_alone", primaryAlone, reps);
  RatioReporter reporter({{"postgresql/reads_8_clients/primary_and_standby",
                           "postgresql/reads_8_clients/primary_alone", 0,
                           "(time of the same reads: below 1 = more reads per second)"}});
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
