#include "backends.hpp"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>

namespace unit {

std::string postgres_url() {
  const char* url = std::getenv("ORMC_TEST_POSTGRES_URL");
  if (url && *url) return url;
  if (std::getenv("CI")) return "postgresql://ORMC_TEST_POSTGRES_URL-is-not-set-in-CI";
  static bool announced = false;
  if (!announced) {
    std::fprintf(stderr, "\n*** ORMC_TEST_POSTGRES_URL is not set: PostgreSQL tests are SKIPPED "
                         "(scripts/run-tests.sh starts a server) ***\n\n");
    announced = true;
  }
  return "";
}

std::vector<std::string> backend_urls() {
  std::vector<std::string> urls{"sqlite::memory:"};
  if (std::string pg = postgres_url(); !pg.empty()) urls.push_back(pg);
  return urls;
}

std::string backend_name(const testing::TestParamInfo<std::string>& info) {
  return info.param.rfind("postgres", 0) == 0 ? "postgresql" : "sqlite";
}

ScratchDatabase::ScratchDatabase(const std::string& base) {
  std::string url = base;
  if (url.rfind("postgres", 0) == 0) {
    static std::atomic<int> counter{0};
    schema = "ormc_test_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
    admin = std::make_unique<ormc::Database>(url);
    admin->execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
    url += (url.find('?') == std::string::npos ? "?" : "&") +
           std::string("options=-csearch_path%3D") + schema;
  }
  db = std::make_unique<ormc::Database>(url);
}

ScratchDatabase::~ScratchDatabase() {
  db.reset();
  if (admin) admin->execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
}

} // namespace unit
