// migrate_tenants(): every tenant's migrations, several tenants at a time. Each tenant migrates
// under its own schema's lock (PostgreSQL) or in its own file (SQLite), so tenants do not wait
// for each other; what limits the speed is the number of connections.
#include <algorithm>
#include <atomic>
#include <exception>
#include <functional>
#include <ormc/migrate.hpp>
#include <ormc/pool.hpp>
#include <thread>

namespace ormc {
namespace {
std::vector<TenantMigration> migrate_each(Pool& pool, const TenantMigrationOptions& options,
                                          const std::function<MigrationReport(Database&)>& one) {
  std::vector<std::string> names = options.tenants;
  if (names.empty()) {
    auto lease = pool.acquire();
    names = lease->tenants();
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  std::vector<TenantMigration> results;
  for (std::string& name : names)
    results.push_back({std::move(name), {}, {}});
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < results.size(); i = next++) {
      TenantMigration& result = results[i];
      try {
        auto lease = pool.acquire();
        result.report = one(lease->tenant(result.tenant));
      } catch (const std::exception& e) {
        result.report = {};
        result.error = e.what();
      }
    }
  };
  std::size_t threads = options.parallel == 0 ? pool.max_connections() : options.parallel;
  threads = std::min(threads, results.size());
  std::vector<std::thread> workers;
  for (std::size_t t = 1; t < threads; ++t)
    workers.emplace_back(work);
  work();
  for (std::thread& w : workers)
    w.join();
  return results;
}
} // namespace

std::vector<TenantMigration> migrate_tenants(Pool& pool, std::span<const MigrationFile> files,
                                             const TenantMigrationOptions& options) {
  return migrate_each(pool, options, [&](Database& db) { return migrate(db, files); });
}

std::vector<TenantMigration> migrate_tenants(Pool& pool, const std::filesystem::path& dir,
                                             const TenantMigrationOptions& options) {
  return migrate_each(pool, options, [&](Database& db) { return migrate(db, dir); });
}

} // namespace ormc
