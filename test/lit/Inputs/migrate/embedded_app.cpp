// The embedded migrations applied as a program does at start-up, with no directory on disk.
#include "migrations.hpp"

#include <iostream>

int main(int, char** argv) {
  ormc::Database db(argv[1]);
  ormc::MigrationReport report = ormc::migrate(db, library::migrations());
  std::cout << "applied";
  for (std::int64_t v : report.applied)
    std::cout << " " << v;
  std::cout << ", now at version " << report.version << "\n";
}
