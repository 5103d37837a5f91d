#include "cluster_scratch.hpp"

#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <ormc/raw_sql.hpp>
#include <thread>
#include <tuple>
#include <unistd.h>

namespace cluster_test {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

void server(const char* ctl, const char* action) {
  std::string command = env(ctl) + " " + action + " >/dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
}

bool in_recovery(ormc::Database& db) {
  if (db.dialect() != ormc::Dialect::postgresql) return false;
  return std::get<0>(ormc::raw<std::tuple<bool>>(db, "SELECT pg_is_in_recovery()").at(0));
}

bool eventually(const std::function<bool()>& done, std::chrono::milliseconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

namespace {
std::string in_schema(const std::string& url, const std::string& schema) {
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
         schema;
}
} // namespace

Scratch::Scratch(const std::string& backend, const std::string& name) {
  const std::string unique = "cluster_" + name + "_" + std::to_string(getpid());
  if (backend == "postgresql") {
    std::string primary = env("ORMC_TEST_POSTGRES_URL");
    if (primary.empty()) return;
    schema_ = unique;
    ormc::Database admin(primary);
    admin.execute("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
    url_ = in_schema(primary, schema_);
    std::string standby = env("ORMC_TEST_POSTGRES_STANDBY_URL");
    if (!standby.empty()) standby_url_ = in_schema(standby, schema_);
  } else {
    file_ = (std::filesystem::temp_directory_path() / (unique + ".db")).string();
    std::filesystem::remove(file_);
    url_ = "sqlite:" + file_;
  }
}

Scratch::~Scratch() {
  try {
    if (!schema_.empty())
      ormc::Database(env("ORMC_TEST_POSTGRES_URL")).execute("DROP SCHEMA " + schema_ + " CASCADE");
  } catch (const ormc::Error& e) { // the primary may be the server a test stopped
    ADD_FAILURE() << "dropping " << schema_ << ": " << e.what();
  }
  if (!file_.empty())
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(file_ + suffix);
}

} // namespace cluster_test
