// Migrating many tenants (issue 20): the complaint about schema-per-tenant libraries is that
// migration time grows with the tenant count. migrate_tenants() migrates several tenants at once,
// each on a pooled connection, and a second call resumes, applying only what is pending.
//
// Cases, per backend: ORMC_BENCH_TENANTS tenants (default 200), three migrations each (a table
// with an index, a column added, a second table), migrated one tenant at a time (the baseline),
// four at a time, and once more with nothing pending. A tenant left unmigrated, or any error,
// fails the case. And ORMC_BENCH_INSERTS single-row inserts outside any transaction, in a
// tenant and in the database itself, and the same inside one transaction: what the tenant's
// scope costs.
// PostgreSQL: ORMC_BENCH_POSTGRES_URL or ORMC_TEST_POSTGRES_URL.
#include "bench_support.hpp"
#include "ratio_reporter.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <ormc/migrate.hpp>
#include <ormc/pool.hpp>
#include <ormc/raw_sql.hpp>
#include <ormc/sql/migration_files.hpp>
#include <ormc/transaction.hpp>
#include <string>
#include <vector>

namespace bench {
namespace {

const std::size_t kTenants = env_size("ORMC_BENCH_TENANTS", 200);

constexpr std::string_view kSteps[] = {
    R"(CREATE TABLE "book" ("id" INTEGER PRIMARY KEY, "title" TEXT NOT NULL);
CREATE INDEX "idx_book_title" ON "book" ("title"))",
    R"(ALTER TABLE "book" ADD COLUMN "pages" INTEGER)",
    R"(CREATE TABLE "author" ("id" INTEGER PRIMARY KEY, "name" TEXT NOT NULL))",
};
constexpr const char* kNames[] = {"create_book", "add_pages", "create_author"};

/// The three migrations for both dialects, with their ormc.sum, as --embed-migrations lists them.
struct Migrations {
  Migrations() {
    std::map<std::string, std::string> sums;
    for (std::size_t i = 0; i < std::size(kSteps); ++i)
      for (const char* dialect : {"sqlite", "postgresql"}) {
        names.push_back(
            ormc::sql::migration_file_name(static_cast<std::int64_t>(i + 1), kNames[i], dialect));
        sums[names.back()] = ormc::sql::migration_checksum(kSteps[i]);
      }
    sum = ormc::sql::write_migration_sum(sums);
    for (std::size_t i = 0; i < names.size(); ++i)
      files.push_back({names[i], kSteps[i / 2]});
    files.push_back({"ormc.sum", sum});
  }
  std::vector<std::string> names;
  std::string sum;
  std::vector<ormc::MigrationFile> files;
};

const Migrations& migrations() {
  static const Migrations m;
  return m;
}

std::vector<std::string> tenant_names() {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < kTenants; ++i)
    out.push_back("bench_" + std::to_string(i));
  return out;
}

std::string sqlite_url() {
  const auto dir = std::filesystem::temp_directory_path() / "ormc-tenant-bench";
  std::filesystem::create_directories(dir);
  return "sqlite:" + (dir / "app.db").string();
}

/// Every tenant dropped and made again, empty; then, if `migrated`, brought up to date.
void fresh_tenants(ormc::Pool& pool, bool migrated) {
  auto lease = pool.acquire();
  for (const std::string& name : tenant_names()) {
    lease->drop_tenant(name);
    lease->tenant(name);
  }
  if (migrated)
    ormc::migrate(lease->tenant(tenant_names().front()), migrations().files); // warm, too
}

template <std::size_t Parallel, bool Pending>
void migrate_all(benchmark::State& state, const std::string& url) {
  if (url.empty()) {
    state.SkipWithError("no PostgreSQL: set ORMC_BENCH_POSTGRES_URL");
    return;
  }
  ormc::Pool pool(url, 4);
  const std::vector<std::string> names = tenant_names();
  for (auto _ : state) {
    state.PauseTiming();
    fresh_tenants(pool, !Pending);
    if (!Pending) ormc::migrate_tenants(pool, migrations().files, {.tenants = names});
    state.ResumeTiming();
    std::vector<ormc::TenantMigration> results =
        ormc::migrate_tenants(pool, migrations().files, {.parallel = Parallel, .tenants = names});
    state.PauseTiming();
    for (const ormc::TenantMigration& r : results)
      if (!r.error.empty() || r.report.version != 3 ||
          r.report.applied.size() != (Pending ? 3u : 0u))
        state.SkipWithError((r.tenant + ": " + r.error).c_str());
    state.ResumeTiming();
  }
  state.counters["tenants"] = static_cast<double>(names.size());
  auto lease = pool.acquire();
  for (const std::string& name : names)
    lease->drop_tenant(name);
}

/// What a tenant's scope costs a statement outside any transaction (PostgreSQL: its own
/// transaction with SET LOCAL around it) against the same statement in the database itself.
const std::size_t kInserts = env_size("ORMC_BENCH_INSERTS", 1000);

template <bool Tenant, bool InTransaction>
void inserts(benchmark::State& state, const std::string& url) {
  if (url.empty()) {
    state.SkipWithError("no PostgreSQL: set ORMC_BENCH_POSTGRES_URL");
    return;
  }
  ormc::Database root(url);
  root.drop_tenant("bench_inserts");
  ormc::Database& db = Tenant ? root.tenant("bench_inserts") : root;
  const std::string p = db.dialect() == ormc::Dialect::postgresql ? "$" : "?";
  const std::string insert =
      R"(INSERT INTO "bench_book" ("id", "title") VALUES ()" + p + "1, " + p + "2)";
  for (auto _ : state) {
    state.PauseTiming();
    db.execute(R"(DROP TABLE IF EXISTS "bench_book")");
    db.execute(R"(CREATE TABLE "bench_book" ("id" INTEGER PRIMARY KEY, "title" TEXT NOT NULL))");
    state.ResumeTiming();
    std::optional<ormc::Transaction> tx;
    if (InTransaction) tx.emplace(db);
    for (std::size_t i = 0; i < kInserts; ++i)
      ormc::execute(db, insert, static_cast<std::int64_t>(i), std::string("a title"));
    if (tx) tx->commit();
  }
  db.execute(R"(DROP TABLE IF EXISTS "bench_book")");
  root.drop_tenant("bench_inserts");
}

template <bool Tenant, bool InTransaction> void postgres_inserts(benchmark::State& state) {
  inserts<Tenant, InTransaction>(state, postgres_url());
}

template <std::size_t Parallel, bool Pending> void sqlite_case(benchmark::State& state) {
  migrate_all<Parallel, Pending>(state, sqlite_url());
}
template <std::size_t Parallel, bool Pending> void postgres_case(benchmark::State& state) {
  migrate_all<Parallel, Pending>(state, postgres_url());
}

} // namespace
} // namespace bench

int main(int argc, char** argv) {
  using namespace bench;
  benchmark::Initialize(&argc, argv);
  const int reps = static_cast<int>(env_size("ORMC_BENCH_REPETITIONS", 3));
  add("sqlite/migrate_tenants/one_at_a_time", sqlite_case<1, true>, reps);
  add("sqlite/migrate_tenants/four_at_a_time", sqlite_case<4, true>, reps);
  add("sqlite/migrate_tenants/nothing_pending", sqlite_case<4, false>, reps);
  add("postgresql/migrate_tenants/one_at_a_time", postgres_case<1, true>, reps);
  add("postgresql/migrate_tenants/four_at_a_time", postgres_case<4, true>, reps);
  add("postgresql/migrate_tenants/nothing_pending", postgres_case<4, false>, reps);
  add("postgresql/insert/root", postgres_inserts<false, false>, reps);
  add("postgresql/insert/tenant", postgres_inserts<true, false>, reps);
  add("postgresql/insert_in_transaction/root", postgres_inserts<false, true>, reps);
  add("postgresql/insert_in_transaction/tenant", postgres_inserts<true, true>, reps);
  RatioReporter reporter({
      {"postgresql/insert/tenant", "postgresql/insert/root", 0,
       "(a statement outside a transaction: scoped in one of its own)"},
      {"postgresql/insert_in_transaction/tenant", "postgresql/insert_in_transaction/root", 0,
       "(one SET LOCAL per transaction)"},
      {"sqlite/migrate_tenants/four_at_a_time", "sqlite/migrate_tenants/one_at_a_time", 0,
       "(4 connections against 1)"},
      {"sqlite/migrate_tenants/nothing_pending", "sqlite/migrate_tenants/one_at_a_time", 0,
       "(a second call: nothing to apply)"},
      {"postgresql/migrate_tenants/four_at_a_time", "postgresql/migrate_tenants/one_at_a_time", 0,
       "(4 connections against 1)"},
      {"postgresql/migrate_tenants/nothing_pending", "postgresql/migrate_tenants/one_at_a_time", 0,
       "(a second call: nothing to apply)"},
  });
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
