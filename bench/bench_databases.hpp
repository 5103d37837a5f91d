// The databases the runtime benchmarks open: a fresh SQLite file in the temporary directory, and
// the PostgreSQL server of postgres_url(); each opened once per process.
#pragma once

#include "bench_support.hpp"

#include <filesystem>
#include <ormc/database.hpp>
#include <string>

namespace bench {

/// The file `name` in the temporary directory, emptied when first opened.
inline ormc::Database& fresh_sqlite_file(const std::string& name) {
  static const std::string path = (std::filesystem::temp_directory_path() / name).string();
  static ormc::Database db([] {
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path + suffix);
    return "sqlite:" + path;
  }());
  return db;
}

/// The PostgreSQL database to use; null when none is configured.
inline ormc::Database* postgres_database() {
  if (postgres_url().empty()) return nullptr;
  static ormc::Database db(postgres_url());
  return &db;
}

} // namespace bench
