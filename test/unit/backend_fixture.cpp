#include "backend_fixture.hpp"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

namespace unit {

void BackendTest::SetUp() {
  scratch = std::make_unique<ScratchDatabase>(GetParam());
  schema = scratch->schema;
  db = scratch->db.get();
  m = std::make_unique<Models>(*db);
  m->create_schema();
}

void BackendTest::TearDown() {
  m.reset();
  scratch.reset();
}

void SharedDatabaseTest::SetUp() {
  BackendTest::SetUp();
  if (on_postgres()) {
    url = GetParam() + "?options=-csearch_path%3D" + schema;
    return;
  }
  static std::atomic<int> counter{0};
  path = (std::filesystem::temp_directory_path() /
          ("ormc_shared_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + ".db"))
             .string();
  remove_database_files();
  url = "sqlite:" + path;
  ormc::Database setup(url);
  Models(setup).create_schema();
}

void SharedDatabaseTest::TearDown() {
  BackendTest::TearDown();
  remove_database_files();
}

void SharedDatabaseTest::remove_database_files() {
  if (path.empty()) return;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(path + suffix);
}

} // namespace unit
