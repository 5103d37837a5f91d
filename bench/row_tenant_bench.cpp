// The cost of row-level tenancy on the reads an application makes most: get() by key, 10,000
// times, on tables holding 20,000 orders of 10 shops. Each is compared with the same get() on
// a table without tenants, measured in the same run:
//   tenant           through m.row_tenant(shop) on an ormc:tenant table: one more bound
//                    parameter and an indexed comparison per statement;
//   row_security/tx  the same with ormc:tenant(row_security) (PostgreSQL's policy too), inside
//                    a transaction: the setting is made once, the policy evaluated per row;
//   row_security     the same outside a transaction: each get() becomes BEGIN, set_config, the
//                    SELECT and COMMIT, the price of the policy's per-transaction setting.
// Every get() must find its own shop's row (an error otherwise); the plain table's get() is
// given only keys of that shop's rows too.
//   ormc_row_tenant_bench  sizes: ORMC_BENCH_ORDERS (20000), ORMC_BENCH_LOOKUPS (10000),
//                          ORMC_BENCH_REPETITIONS (3);
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

const std::size_t kOrders = env_size("ORMC_BENCH_ORDERS", 20000);
const std::size_t kLookups = env_size("ORMC_BENCH_LOOKUPS", 10000);
constexpr std::size_t kShops = 10;
const std::string kShop = "shop-3"; // whose rows are read

enum class Through { plain, tenant, row_security, row_security_in_transaction };

std::string shop_of(std::size_t i) {
  return "shop-" + std::to_string(i % kShops);
}

/// The same rows in all three tables, each row written by its shop; the keys of kShop's rows.
std::vector<std::int64_t> fill(ormc::Database& db) {
  Models m(db);
  m.drop_schema();
  m.create_schema();
  std::vector<std::int64_t> keys;
  ormc::Transaction tx(db);
  for (std::size_t s = 0; s < kShops; ++s) {
    std::vector<Order> plain;
    std::vector<TenantOrder> tenant;
    std::vector<GuardedOrder> guarded;
    for (std::size_t i = s; i < kOrders; i += kShops) {
      plain.push_back({0, shop_of(i), static_cast<std::int64_t>(i)});
      tenant.push_back({0, "", static_cast<std::int64_t>(i)});
      guarded.push_back({0, "", static_cast<std::int64_t>(i)});
    }
    m.orders.insert_all(plain);
    Models(db.row_tenant(shop_of(s))).tenant_orders.insert_all(tenant);
    m.row_tenant(shop_of(s)).guarded_orders.insert_all(guarded);
    if (shop_of(s) == kShop)
      for (const Order& o : plain)
        keys.push_back(o.id);
  }
  tx.commit();
  return keys;
}

template <class Row>
void lookups(benchmark::State& state, ormc::Table<Row>& table,
             const std::vector<std::int64_t>& keys, bool own_shop_only) {
  std::size_t found = 0;
  for (std::size_t i = 0; i < kLookups; ++i) {
    std::optional<Row> row = table.get(keys[i % keys.size()]);
    found += row && (!own_shop_only || row->shop == kShop);
  }
  if (found != kLookups)
    state.SkipWithError(
        ("found " + std::to_string(found) + " of " + std::to_string(kLookups) + " rows of " + kShop)
            .c_str());
}

void run(benchmark::State& state, ormc::Database& db, Through through) {
  const std::vector<std::int64_t> keys = fill(db);
  Models m(db);
  // A row tenant without the policies' setting, and one with it (m.row_tenant() sets it, since
  // a model of the container has row_security: the first is asked of the database directly).
  Models tenant(db.row_tenant(kShop));
  Models guarded_shop = m.row_tenant(kShop);
  for (auto _ : state) {
    switch (through) {
    case Through::plain:
      lookups(state, m.orders, keys, true);
      break;
    case Through::tenant:
      lookups(state, tenant.tenant_orders, keys, true);
      break;
    case Through::row_security:
      lookups(state, guarded_shop.guarded_orders, keys, true);
      break;
    case Through::row_security_in_transaction: {
      ormc::Transaction tx(db);
      lookups(state, guarded_shop.guarded_orders, keys, true);
      tx.commit();
      break;
    }
    }
  }
  state.counters["us_per_get"] = benchmark::Counter(static_cast<double>(kLookups) / 1e6,
                                                    benchmark::Counter::kIsIterationInvariantRate |
                                                        benchmark::Counter::kInvert);
}

ormc::Database& sqlite() {
  return fresh_sqlite_file("ormc-row-tenant-bench.db");
}

template <Through T> void sqlite_gets(benchmark::State& state) {
  run(state, sqlite(), T);
}

template <Through T> void postgres_gets(benchmark::State& state) {
  ormc::Database* db = postgres_database();
  if (!db) {
    state.SkipWithError("no PostgreSQL: set ORMC_BENCH_POSTGRES_URL");
    return;
  }
  run(state, *db, T);
}

} // namespace
} // namespace bench

int main(int argc, char** argv) {
  using namespace bench;
  benchmark::Initialize(&argc, argv);
  const int reps = static_cast<int>(env_size("ORMC_BENCH_REPETITIONS", 3));
  add("sqlite/get/plain", sqlite_gets<Through::plain>, reps);
  add("sqlite/get/tenant", sqlite_gets<Through::tenant>, reps);
  add("postgresql/get/plain", postgres_gets<Through::plain>, reps);
  add("postgresql/get/tenant", postgres_gets<Through::tenant>, reps);
  add("postgresql/get/row_security_tx", postgres_gets<Through::row_security_in_transaction>, reps);
  add("postgresql/get/row_security", postgres_gets<Through::row_security>, reps);
  RatioReporter reporter({
      {"sqlite/get/tenant", "sqlite/get/plain", 0, "(ormc's filter)"},
      {"postgresql/get/tenant", "postgresql/get/plain", 0, "(ormc's filter)"},
      {"postgresql/get/row_security_tx", "postgresql/get/plain", 0,
       "(and the policy, in a transaction)"},
      {"postgresql/get/row_security", "postgresql/get/plain", 0,
       "(and the policy, a transaction per get)"},
  });
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
